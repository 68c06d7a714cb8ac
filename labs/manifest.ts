/**
 * The labs in order, with their goal, time, programs and hints: the one list qlab and the graders
 * read. Every lab is written in each language of labs-kit/language.ts, with the same programs.
 */
import type { Language } from '../labs-kit/language.ts';

export interface Lab {
  id: string;
  dir: string;
  title: string;
  goal: string;
  minutes: number;
  /** The programs a student works on, by base name: `send` is send.ts and send.py. */
  programs: string[];
  /** The grader step (from 1) the starters' first TODO concerns: an untouched starter fails there, in every language. */
  todoStep: number;
  /** The queues the lab's steps and programs use by default: its own, shared with no other lab; `qlab reset` deletes them. */
  queues: string[];
  /** The exchanges it declares, likewise. */
  exchanges: string[];
  /** Hints per language, the last closest to the answer. */
  hints: Record<Language, string[]>;
}

export const LABS: Lab[] = [
  {
    id: '01', dir: '01-hello-world', title: 'Hello World', minutes: 20,
    goal: 'Send a message to a queue and receive it: connection, channel, queue, default exchange.',
    programs: ['send', 'receive'], todoStep: 1,
    queues: ['hello'], exchanges: [],
    hints: {
      ts: [
        'send.ts: `await channel.assertQueue(queue, { durable: false })`, then `channel.sendToQueue(queue, Buffer.from(\'Hello World!\'))`.',
        'receive.ts: `await channel.consume(queue, (msg) => { … }, { noAck: true })`; print `msg.content.toString()`.',
      ],
      python: [
        "send.py: `channel.queue_declare(queue=queue)`, then `channel.basic_publish(exchange='', routing_key=queue, body='Hello World!')`.",
        'receive.py: `channel.basic_consume(queue=queue, on_message_callback=callback, auto_ack=True)` before `channel.start_consuming()`.',
      ],
    },
  },
  {
    id: '02', dir: '02-work-queues', title: 'Work queues', minutes: 30,
    goal: 'Share tasks between two or three workers and watch the broker hand them out in turn.',
    programs: ['new_task', 'worker'], todoStep: 1,
    queues: ['task_queue'], exchanges: [],
    hints: {
      ts: [
        'new_task.ts: `process.argv.slice(2).join(\' \') || \'Hello World!\'`.',
        'worker.ts: count the dots with `task.split(\'.\').length - 1` and wait with `setTimeout` inside a Promise.',
      ],
      python: [
        "new_task.py: `' '.join(sys.argv[1:]) or 'Hello World!'`.",
        "worker.py: count the dots with `task.count('.')` and wait with `time.sleep(dots * ms_per_dot / 1000)` inside the callback; consume with `auto_ack=True`.",
      ],
    },
  },
  {
    id: '03', dir: '03-acknowledgements', title: 'Acknowledgements', minutes: 30,
    goal: 'Kill a worker in the middle of a task and lose nothing: manual acks.',
    programs: ['worker'], todoStep: 1,
    queues: ['ack_tasks'], exchanges: [],
    hints: {
      ts: [
        'Pass `{ noAck: false }` to consume, and call `channel.ack(msg)` after the work, not before.',
        'A message that is never acked stays "unacked" until the worker\'s channel closes; then it goes back to the queue.',
      ],
      python: [
        'Consume with `auto_ack=False`, and call `ch.basic_ack(delivery_tag=method.delivery_tag)` after the work, not before.',
        'A message that is never acked stays "unacked" until the worker\'s channel closes; then it goes back to the queue.',
      ],
    },
  },
  {
    id: '04', dir: '04-failure-injection', title: 'Failure injection', minutes: 40,
    goal: 'Run qprocessor --lose-every 3 with and without --acknowledge; make your own worker survive failures.',
    programs: ['worker'], todoStep: 1,
    queues: ['flaky_tasks'], exchanges: [],
    hints: {
      ts: [
        'With auto-ack the broker forgets a message as soon as it sends it: a failure after that loses it.',
        'On failure, `channel.nack(msg, false, true)` gives the message back; with `channel.prefetch(1)` it is offered again at once.',
      ],
      python: [
        'With auto-ack the broker forgets a message as soon as it sends it: a failure after that loses it.',
        'On failure, `ch.basic_nack(delivery_tag=method.delivery_tag, requeue=True)` gives the message back; with `channel.basic_qos(prefetch_count=1)` it is offered again at once.',
      ],
    },
  },
  {
    id: '05', dir: '05-fair-dispatch', title: 'Fair dispatch', minutes: 30,
    goal: 'See round-robin give one worker all the long tasks; fix it with prefetch 1.',
    programs: ['worker'], todoStep: 1,
    queues: ['fair_tasks'], exchanges: [],
    hints: {
      ts: [
        '`await channel.prefetch(1)` before consuming: at most one unacknowledged task per worker.',
        'Prefetch only matters with manual acks: the broker counts unacked messages.',
      ],
      python: [
        '`channel.basic_qos(prefetch_count=1)` before consuming: at most one unacknowledged task per worker.',
        'Prefetch only matters with manual acks: the broker counts unacked messages.',
      ],
    },
  },
  {
    // Numbered after the labs already graded, taken right after fair dispatch: prefetch N is its parallel half.
    id: '14', dir: '14-long-tasks-and-heartbeats', title: 'Long tasks and heartbeats', minutes: 45,
    goal: 'See a long task get its worker dropped for missed heartbeats (the lab sheet\'s StreamLostError); keep heartbeats flowing with a worker thread; run N tasks at once with prefetch N.',
    programs: ['worker'], todoStep: 1,
    queues: ['long_tasks', 'x'], exchanges: [],
    hints: {
      ts: [
        'The task holds the event loop, and amqplib sends heartbeats from a timer on that loop. In the consume callback, `await runInThread(new URL(\'./task.ts\', import.meta.url), { ms })` instead of `work(ms)`.',
        'amqplib does not wait for one callback to finish before the next delivery: with the work in threads, `await channel.prefetch(slots)` is all it takes to run `slots` tasks at once.',
      ],
      python: [
        'pika sends heartbeats only while your callback has returned. Make a `ThreadPoolExecutor(max_workers=slots)`; in the callback `pool.submit(in_thread, ch, method.delivery_tag, task)` and return.',
        'pika is not thread-safe: in the thread, after `work(...)`, call `connection.add_callback_threadsafe(functools.partial(finished, ch, delivery_tag, task))`; the ack then runs on the connection\'s thread.',
        '`channel.basic_qos(prefetch_count=slots)`: the broker hands this worker `slots` tasks, one per thread.',
      ],
    },
  },
  {
    id: '06', dir: '06-durability', title: 'Durability', minutes: 30,
    goal: 'Make a queue and its messages survive a broker restart; delete the queue when done.',
    programs: ['producer', 'cleanup'], todoStep: 1,
    queues: ['durable_tasks', 'scratch'], exchanges: [],
    hints: {
      ts: [
        '`assertQueue(queue, { durable: true })` keeps the queue; `{ persistent: true }` on each message keeps the message.',
        'An existing queue cannot change its durability: delete it first (cleanup.ts) if you declared it transient.',
        '`const { messageCount } = await channel.deleteQueue(queue)`.',
      ],
      python: [
        '`channel.queue_declare(queue=queue, durable=True)` keeps the queue; `properties=pika.BasicProperties(delivery_mode=2)` on each message keeps the message.',
        'An existing queue cannot change its durability: delete it first (cleanup.py) if you declared it transient.',
        '`result = channel.queue_delete(queue=queue)`; the count is `result.method.message_count`.',
      ],
    },
  },
  {
    id: '07', dir: '07-publisher-confirms', title: 'Publisher confirms', minutes: 45,
    goal: 'Fire-and-forget, synchronous and asynchronous confirms, measured; a pipeline stage that acks its source only after the confirm.',
    programs: ['publisher', 'forward'], todoStep: 1,
    queues: ['confirms', 'stage1', 'stage2'], exchanges: [],
    hints: {
      ts: [
        'Synchronous: `confirming.sendToQueue(queue, body, { persistent: true }); await confirming.waitForConfirms();` in the loop.',
        'Asynchronous: pass a callback `(err) => { unconfirmed--; … }` and wait (a Promise you resolve from the callback) while `unconfirmed >= window`.',
        'forward.ts: `createConfirmChannel()` for the output, `input.prefetch(10)`, `{ noAck: false }`, and `input.ack(msg)` inside the publish callback.',
      ],
      python: [
        "Synchronous: `confirming = connection.channel()`, `confirming.confirm_delivery()`, then `basic_publish` in a loop: each call returns once confirmed. Add `timed('synchronous', synchronous)`.",
        'Asynchronous: in publish_more, `while sent < count and len(unconfirmed) < window:` publish, `sent += 1`, `unconfirmed.add(sent)`; close only when `sent == count and not unconfirmed`. In on_confirm: `done = {t for t in unconfirmed if t <= tag} if frame.method.multiple else {tag}`.',
        'forward.py: `output.confirm_delivery()`, `source_channel.basic_qos(prefetch_count=10)`, `auto_ack=False`, and `ch.basic_ack(delivery_tag=method.delivery_tag)` after `output.basic_publish` returns.',
      ],
    },
  },
  {
    id: '08', dir: '08-publish-subscribe', title: 'Publish/subscribe', minutes: 40,
    goal: 'Broadcast with a fanout exchange to listeners with temporary exclusive queues; a parent waits for its child\'s "finished" broadcast.',
    programs: ['emit_log', 'receive_logs', 'child', 'parent'], todoStep: 1,
    queues: [], exchanges: ['logs', 'events'],
    hints: {
      ts: [
        'receive_logs.ts: `const { queue } = await channel.assertQueue(\'\', { exclusive: true })`, then `await channel.bindQueue(queue, exchange, \'\')`.',
        'parent.ts: the same queue and binding, then `channel.consume(queue, (msg) => …, { noAck: true })`; on `finished ${id}` clear the timer and `await connection.close()`.',
      ],
      python: [
        "receive_logs.py: `queue = channel.queue_declare(queue='', exclusive=True).method.queue`, then `channel.queue_bind(exchange=exchange, queue=queue)`.",
        'parent.py: the same queue and binding, then `channel.basic_consume(queue=queue, on_message_callback=callback, auto_ack=True)`; on `finished {child_id}` call `connection.remove_timeout(timer)` and `ch.stop_consuming()`.',
      ],
    },
  },
  {
    id: '09', dir: '09-routing-and-topics', title: 'Routing and topics', minutes: 40,
    goal: 'Direct exchanges route by exact key, topic exchanges by pattern: * one word, # zero or more.',
    programs: ['emit_log_direct', 'emit_log_topic', 'receive_logs_topic'], todoStep: 1,
    queues: [], exchanges: ['direct_logs', 'topic_logs'],
    hints: {
      ts: [
        '`for (const key of keys) await channel.bindQueue(queue, exchange, key);`',
        'Print `msg.fields.routingKey` before the body: `console.log(\` [x] ${msg.fields.routingKey}: ${msg.content.toString()}\`)`.',
      ],
      python: [
        '`for binding_key in binding_keys: channel.queue_bind(exchange=exchange, queue=queue, routing_key=binding_key)`',
        "Print `method.routing_key` before the body: `print(f' [x] {method.routing_key}: {body.decode()}')`.",
      ],
    },
  },
  {
    id: '10', dir: '10-rpc', title: 'Remote procedure calls', minutes: 45,
    goal: 'Request/reply with correlation ids through a reply queue and direct reply-to; timeouts; pause/play/kill as remote calls.',
    programs: ['rpc_server', 'rpc_client'], todoStep: 1,
    queues: ['rpc_queue'], exchanges: [],
    hints: {
      ts: [
        'Client: `const { queue: replyTo } = await channel.assertQueue(\'\', { exclusive: true })`, `await channel.consume(replyTo, …, { noAck: true })` before `sendToQueue(queue, body, { replyTo, correlationId })`.',
        'Keep only `msg.properties.correlationId === correlationId`; a `setTimeout` that prints the timeout line and `process.exit(1)`.',
        'Server: a `paused` flag; `pause` sets it, `play` clears it, `fib` answers "paused" while it is set; `kill` answers, then closes the channel and connection.',
      ],
      python: [
        "Client: `reply_to = channel.queue_declare(queue='', exclusive=True).method.queue` (or 'amq.rabbitmq.reply-to'), `channel.basic_consume(queue=reply_to, on_message_callback=on_reply, auto_ack=True)` before `basic_publish(…, properties=pika.BasicProperties(reply_to=reply_to, correlation_id=correlation_id))`.",
        'In on_reply keep only `properties.correlation_id == correlation_id`, then `ch.stop_consuming()`; `connection.call_later(timeout_ms / 1000, channel.stop_consuming)`; after `start_consuming()` returns without a reply, print the timeout line and `sys.exit(1)`.',
        'Server: a global `paused`; `pause` sets it, `play` clears it, `fib` answers "paused" while it is set; `kill` returns `(\'killed\', True)`.',
      ],
    },
  },
  {
    id: '11', dir: '11-leases-and-at-most-once', title: 'Leases and at-most-once', minutes: 45,
    goal: 'Watch a lease run out under a live worker; run tasks at most once with a quorum queue and a failed queue; relaunch failures.',
    programs: ['worker', 'relaunch'], todoStep: 1,
    queues: ['tasks', 'tasks.failed', 'slow'], exchanges: [],
    hints: {
      ts: [
        'worker.ts: `arguments: { \'x-queue-type\': \'quorum\', \'x-delivery-limit\': 0, \'x-dead-letter-exchange\': \'\', \'x-dead-letter-routing-key\': failed }` (quorum queues must be durable).',
        'relaunch.ts: `const msg = await channel.get(failed, { noAck: false })`, `channel.sendToQueue(queue, msg.content, msg.properties)`, `await channel.waitForConfirms()`, then `channel.ack(msg)`.',
      ],
      python: [
        "worker.py: `arguments={'x-queue-type': 'quorum', 'x-delivery-limit': 0, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': failed}` (quorum queues must be durable).",
        "relaunch.py: `method, properties, body = channel.basic_get(queue=failed, auto_ack=False)`, `channel.basic_publish(exchange='', routing_key=queue, body=body, properties=properties)` (confirmed when it returns), then `channel.basic_ack(delivery_tag=method.delivery_tag)`.",
      ],
    },
  },
  {
    id: '12', dir: '12-retry-or-drop', title: 'Retry or drop', minutes: 45,
    goal: 'Three outcomes per task: success, retry later through a delay queue, or dead-letter; no poison message spins.',
    programs: ['worker'], todoStep: 1,
    queues: ['jobs', 'jobs.retry', 'jobs.dead'], exchanges: [],
    hints: {
      ts: [
        'The delay queue: `assertQueue(retryQueue, { durable: false, arguments: { \'x-message-ttl\': retryDelayMs, \'x-dead-letter-exchange\': \'\', \'x-dead-letter-routing-key\': queue } })`.',
        'Retry later: `channel.sendToQueue(retryQueue, msg.content, { ...msg.properties, headers: { ...msg.properties.headers, \'x-retries\': retries + 1 } })`, `await channel.waitForConfirms()`, `channel.ack(msg)`.',
        'Do not retry: `channel.reject(msg, false)`; the work queue needs `\'x-dead-letter-routing-key\': deadQueue`.',
      ],
      python: [
        "The delay queue: `channel.queue_declare(queue=retry_queue, arguments={'x-message-ttl': retry_delay_ms, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': queue})`.",
        "Retry later: `later = copy.copy(properties)`, `later.headers = {**(properties.headers or {}), 'x-retries': retries + 1}`, `ch.basic_publish(exchange='', routing_key=retry_queue, body=body, properties=later)`, then `ch.basic_ack(…)`.",
        "Do not retry: `ch.basic_reject(delivery_tag=method.delivery_tag, requeue=False)`; the work queue needs `'x-dead-letter-routing-key': dead_queue`.",
      ],
    },
  },
  {
    id: '13', dir: '13-inside-the-broker', title: 'Inside the broker', minutes: 40,
    goal: 'Answer "what is queued, what is being worked on, and by whom?" with the management API, and with SQL on broker-sim.',
    programs: ['inspect'], todoStep: 1,
    queues: ['inspect_tasks', 'inspect_jobs'], exchanges: [],
    hints: {
      ts: [
        'Print `queue ${q.name}: ready=${q.messages_ready} unacked=${q.messages_unacknowledged} consumers=${q.consumers}`.',
        '`await get<ConsumerInfo[]>(`/api/consumers/${v}`)`; each has consumer_tag, queue.name, channel_details.connection_name and .number, prefetch_count.',
      ],
      python: [
        'Print `f"queue {q[\'name\']}: ready={q[\'messages_ready\']} unacked={q[\'messages_unacknowledged\']} consumers={q[\'consumers\']}"`.',
        "`get(f'/api/consumers/{v}')`; each has consumer_tag, queue.name, channel_details.connection_name and .number, prefetch_count.",
      ],
    },
  },
  {
    id: '15', dir: '15-queues-vs-logs', title: 'Queues vs logs', minutes: 45,
    goal: 'The same events as a work queue (each taken once, gone when acked) and as a stream (replayed from the start by a late reader, from next by a live one, from a timestamp after a crash).',
    programs: ['emit', 'reader'], todoStep: 1,
    queues: ['orders', 'orders.log'], exchanges: [],
    hints: {
      ts: [
        'emit.ts: `await channel.assertQueue(stream, { durable: true, arguments: { \'x-queue-type\': \'stream\' } })`.',
        'reader.ts: `return /^\\d+$/.test(offset) ? Number(offset) : offset` gives x-stream-offset first, last, next or an offset.',
        'reader.ts, after a crash: `if (saved) return { \'!\': \'timestamp\', value: saved.timestamp }`; the callback already skips offsets up to `saved.offset`.',
      ],
      python: [
        "emit.py: `channel.queue_declare(queue=stream, durable=True, arguments={'x-queue-type': 'stream'})`.",
        'reader.py: `return int(offset) if offset.isdigit() else offset` gives x-stream-offset first, last, next or an offset.',
        "reader.py, after a crash: `if saved: return datetime.datetime.fromtimestamp(saved['timestamp'], tz=datetime.timezone.utc)` (pika sends a datetime as an AMQP timestamp).",
      ],
    },
  },
  {
    id: '16', dir: '16-when-one-machine-is-not-enough', title: 'When one machine is not enough', minutes: 45,
    goal: 'A three-node RabbitMQ cluster: a quorum queue replicated on three nodes; stop the leader\'s node mid-stream and see the consumer carry on with nothing confirmed lost; a classic queue on node loss.',
    programs: ['producer', 'consumer'], todoStep: 1,
    queues: ['orders.replicated'], exchanges: [],
    hints: {
      ts: [
        'producer.ts: `await channel.assertQueue(queue, { durable: true, arguments: { \'x-queue-type\': \'quorum\' } })`.',
        'A quorum queue has a replica on every node and a leader among them; when the leader\'s node goes, the others elect a new one and the consumers on them carry on.',
      ],
      python: [
        "producer.py: `channel.queue_declare(queue=queue, durable=True, arguments={'x-queue-type': 'quorum'})`.",
        "A quorum queue has a replica on every node and a leader among them; when the leader's node goes, the others elect a new one and the consumers on them carry on.",
      ],
    },
  },
];

export function findLab(idOrDir: string): Lab | undefined {
  const key = idOrDir.padStart(2, '0');
  return LABS.find((l) => l.id === key || l.dir === idOrDir || l.dir.startsWith(`${key}-`));
}
