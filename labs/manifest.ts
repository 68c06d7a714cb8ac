/** The labs in order, with their goal, time, files and hints: the one list qlab and the graders read. */
export interface Lab {
  id: string;
  dir: string;
  title: string;
  goal: string;
  minutes: number;
  files: string[];
  hints: string[];
}

export const LABS: Lab[] = [
  {
    id: '01', dir: '01-hello-world', title: 'Hello World', minutes: 20,
    goal: 'Send a message to a queue and receive it: connection, channel, queue, default exchange.',
    files: ['send.ts', 'receive.ts'],
    hints: [
      'send.ts: `await channel.assertQueue(queue, { durable: false })`, then `channel.sendToQueue(queue, Buffer.from(\'Hello World!\'))`.',
      'receive.ts: `await channel.consume(queue, (msg) => { … }, { noAck: true })`; print `msg.content.toString()`.',
    ],
  },
  {
    id: '02', dir: '02-work-queues', title: 'Work queues', minutes: 30,
    goal: 'Share tasks between two or three workers and watch the broker hand them out in turn.',
    files: ['new_task.ts', 'worker.ts'],
    hints: [
      'new_task.ts: `process.argv.slice(2).join(\' \') || \'Hello World!\'`.',
      'worker.ts: count the dots with `task.split(\'.\').length - 1` and wait with `setTimeout` inside a Promise.',
    ],
  },
  {
    id: '03', dir: '03-acknowledgements', title: 'Acknowledgements', minutes: 30,
    goal: 'Kill a worker in the middle of a task and lose nothing: manual acks.',
    files: ['worker.ts'],
    hints: [
      'Pass `{ noAck: false }` to consume, and call `channel.ack(msg)` after the work, not before.',
      'A message that is never acked stays "unacked" until the worker\'s channel closes; then it goes back to the queue.',
    ],
  },
  {
    id: '04', dir: '04-failure-injection', title: 'Failure injection', minutes: 40,
    goal: 'Run qprocessor --lose-every 3 with and without --acknowledge; make your own worker survive failures.',
    files: ['worker.ts'],
    hints: [
      'With auto-ack the broker forgets a message as soon as it sends it: a failure after that loses it.',
      'On failure, `channel.nack(msg, false, true)` gives the message back; with `channel.prefetch(1)` it is offered again at once.',
    ],
  },
  {
    id: '05', dir: '05-fair-dispatch', title: 'Fair dispatch', minutes: 30,
    goal: 'See round-robin give one worker all the long tasks; fix it with prefetch 1.',
    files: ['worker.ts'],
    hints: [
      '`await channel.prefetch(1)` before consuming: at most one unacknowledged task per worker.',
      'Prefetch only matters with manual acks: the broker counts unacked messages.',
    ],
  },
  {
    id: '06', dir: '06-durability', title: 'Durability', minutes: 30,
    goal: 'Make a queue and its messages survive a broker restart; delete the queue when done.',
    files: ['producer.ts', 'cleanup.ts'],
    hints: [
      '`assertQueue(queue, { durable: true })` keeps the queue; `{ persistent: true }` on each message keeps the message.',
      'An existing queue cannot change its durability: delete it first (cleanup.ts) if you declared it transient.',
      '`const { messageCount } = await channel.deleteQueue(queue)`.',
    ],
  },
  {
    id: '07', dir: '07-publisher-confirms', title: 'Publisher confirms', minutes: 45,
    goal: 'Fire-and-forget, synchronous and asynchronous confirms, measured; a pipeline stage that acks its source only after the confirm.',
    files: ['publisher.ts', 'forward.ts'],
    hints: [
      'Synchronous: `confirming.sendToQueue(queue, body, { persistent: true }); await confirming.waitForConfirms();` in the loop.',
      'Asynchronous: pass a callback `(err) => { unconfirmed--; … }` and wait (a Promise you resolve from the callback) while `unconfirmed >= window`.',
      'forward.ts: `createConfirmChannel()` for the output, `input.prefetch(10)`, `{ noAck: false }`, and `input.ack(msg)` inside the publish callback.',
    ],
  },
  {
    id: '08', dir: '08-publish-subscribe', title: 'Publish/subscribe', minutes: 40,
    goal: 'Broadcast with a fanout exchange to listeners with temporary exclusive queues; a parent waits for its child\'s "finished" broadcast.',
    files: ['emit_log.ts', 'receive_logs.ts', 'child.ts', 'parent.ts'],
    hints: [
      'receive_logs.ts: `const { queue } = await channel.assertQueue(\'\', { exclusive: true })`, then `await channel.bindQueue(queue, exchange, \'\')`.',
      'parent.ts: the same queue and binding, then `channel.consume(queue, (msg) => …, { noAck: true })`; on `finished ${id}` clear the timer and `await connection.close()`.',
    ],
  },
  {
    id: '09', dir: '09-routing-and-topics', title: 'Routing and topics', minutes: 40,
    goal: 'Direct exchanges route by exact key, topic exchanges by pattern: * one word, # zero or more.',
    files: ['emit_log_direct.ts', 'emit_log_topic.ts', 'receive_logs_topic.ts'],
    hints: [
      '`for (const key of keys) await channel.bindQueue(queue, exchange, key);`',
      'Print `msg.fields.routingKey` before the body: `console.log(\` [x] ${msg.fields.routingKey}: ${msg.content.toString()}\`)`.',
    ],
  },
  {
    id: '10', dir: '10-rpc', title: 'Remote procedure calls', minutes: 45,
    goal: 'Request/reply with correlation ids through a reply queue and direct reply-to; timeouts; pause/play/kill as remote calls.',
    files: ['rpc_server.ts', 'rpc_client.ts'],
    hints: [
      'Client: `const { queue: replyTo } = await channel.assertQueue(\'\', { exclusive: true })`, `await channel.consume(replyTo, …, { noAck: true })` before `sendToQueue(queue, body, { replyTo, correlationId })`.',
      'Keep only `msg.properties.correlationId === correlationId`; a `setTimeout` that prints the timeout line and `process.exit(1)`.',
      'Server: a `paused` flag; `pause` sets it, `play` clears it, `fib` answers "paused" while it is set; `kill` answers, then closes the channel and connection.',
    ],
  },
  {
    id: '11', dir: '11-leases-and-at-most-once', title: 'Leases and at-most-once', minutes: 45,
    goal: 'Watch a lease run out under a live worker; run tasks at most once with a quorum queue and a failed queue; relaunch failures.',
    files: ['worker.ts', 'relaunch.ts'],
    hints: [
      'worker.ts: `arguments: { \'x-queue-type\': \'quorum\', \'x-delivery-limit\': 0, \'x-dead-letter-exchange\': \'\', \'x-dead-letter-routing-key\': failed }` (quorum queues must be durable).',
      'relaunch.ts: `const msg = await channel.get(failed, { noAck: false })`, `channel.sendToQueue(queue, msg.content, msg.properties)`, `await channel.waitForConfirms()`, then `channel.ack(msg)`.',
    ],
  },
  {
    id: '12', dir: '12-retry-or-drop', title: 'Retry or drop', minutes: 45,
    goal: 'Three outcomes per task: success, retry later through a delay queue, or dead-letter; no poison message spins.',
    files: ['worker.ts'],
    hints: [
      'The delay queue: `assertQueue(retryQueue, { durable: false, arguments: { \'x-message-ttl\': retryDelayMs, \'x-dead-letter-exchange\': \'\', \'x-dead-letter-routing-key\': queue } })`.',
      'Retry later: `channel.sendToQueue(retryQueue, msg.content, { ...msg.properties, headers: { ...msg.properties.headers, \'x-retries\': retries + 1 } })`, `await channel.waitForConfirms()`, `channel.ack(msg)`.',
      'Do not retry: `channel.reject(msg, false)`; the work queue needs `\'x-dead-letter-routing-key\': deadQueue`.',
    ],
  },
  {
    id: '13', dir: '13-inside-the-broker', title: 'Inside the broker', minutes: 40,
    goal: 'Answer "what is queued, what is being worked on, and by whom?" with the management API, and with SQL on broker-sim.',
    files: ['inspect.ts'],
    hints: [
      'Print `queue ${q.name}: ready=${q.messages_ready} unacked=${q.messages_unacknowledged} consumers=${q.consumers}`.',
      '`await get<ConsumerInfo[]>(`/api/consumers/${v}`)`; each has consumer_tag, queue.name, channel_details.connection_name and .number, prefetch_count.',
    ],
  },
];

export function findLab(idOrDir: string): Lab | undefined {
  const key = idOrDir.padStart(2, '0');
  return LABS.find((l) => l.id === key || l.dir === idOrDir || l.dir.startsWith(`${key}-`));
}
