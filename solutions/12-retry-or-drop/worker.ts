// Lab 12, worker.ts: three outcomes for every task. SUCCESS is acked; FAIL_RETRY_LATER goes to a
// delay queue whose TTL dead-letters it back to the work queue; FAIL_DO_NOT_RETRY (and a task out
// of retries) is rejected, and the work queue's dead-letter exchange files it in <queue>.dead.
import { type ConsumeMessage } from 'amqplib';
import { connect } from '../broker.ts';

const queue = process.env.QUEUE ?? 'jobs';
const msPerDot = Number(process.env.DELAY_MS ?? 100);
const maxRetries = Number(process.env.MAX_RETRIES ?? 3);
const retryDelayMs = Number(process.env.RETRY_DELAY_MS ?? 1000);
const retryQueue = `${queue}.retry`;
const deadQueue = `${queue}.dead`;

type Outcome = 'SUCCESS' | 'FAIL_RETRY_LATER' | 'FAIL_DO_NOT_RETRY';

/** The task decides: ok… succeeds, flaky:N fails N times then succeeds, bad… never can, poison… always asks again. */
function outcomeOf(task: string, attempt: number): Outcome {
  if (task.startsWith('bad')) return 'FAIL_DO_NOT_RETRY';
  if (task.startsWith('poison')) return 'FAIL_RETRY_LATER';
  const flaky = /^flaky:(\d+)/.exec(task);
  if (flaky && attempt <= Number(flaky[1])) return 'FAIL_RETRY_LATER';
  return 'SUCCESS';
}

const connection = await connect();
const channel = await connection.createConfirmChannel();
await channel.assertQueue(deadQueue, { durable: false });
await channel.assertQueue(retryQueue, {
  durable: false,
  arguments: { 'x-message-ttl': retryDelayMs, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': queue },
});
await channel.assertQueue(queue, {
  durable: false,
  arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': deadQueue },
});
await channel.prefetch(1);
console.log(` [*] Waiting for tasks on ${queue} (retries: ${maxRetries}, ${retryDelayMs} ms apart). To exit press CTRL+C`);

await channel.consume(queue, async (msg: ConsumeMessage | null) => {
  if (!msg) return;
  const task = msg.content.toString();
  const retries = Number(msg.properties.headers?.['x-retries'] ?? 0);
  console.log(` [x] Received ${task} (attempt ${retries + 1})`);
  await new Promise((resolve) => setTimeout(resolve, (task.split('.').length - 1) * msPerDot));
  const outcome = outcomeOf(task, retries + 1);
  if (outcome === 'SUCCESS') {
    console.log(` [x] Done ${task}`);
    channel.ack(msg);
  } else if (outcome === 'FAIL_RETRY_LATER' && retries < maxRetries) {
    // The copy first, confirmed; then the ack: a crash in between duplicates, never loses.
    channel.sendToQueue(retryQueue, msg.content, { ...msg.properties, headers: { ...msg.properties.headers, 'x-retries': retries + 1 } });
    await channel.waitForConfirms();
    channel.ack(msg);
    console.log(` [x] Retry later ${task} (${retries + 1} of ${maxRetries})`);
  } else {
    channel.reject(msg, false);
    console.log(` [x] Dropped ${task}: ${outcome === 'FAIL_DO_NOT_RETRY' ? 'cannot succeed' : `still failing after ${maxRetries} retries`}`);
  }
}, { noAck: false });
