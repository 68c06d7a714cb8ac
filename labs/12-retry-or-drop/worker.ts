// Lab 12, worker.ts: give every task one of three outcomes. Today every failure is nacked back to
// the queue at once, so a task that can never succeed spins forever.
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
// TODO (topology): declare deadQueue; retryQueue with 'x-message-ttl' retryDelayMs and dead-lettering
// ('x-dead-letter-exchange' '', 'x-dead-letter-routing-key' queue) back to the work queue; and the
// work queue itself dead-lettering to deadQueue.
await channel.assertQueue(queue, { durable: false });
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
  } else {
    // TODO (outcomes): FAIL_RETRY_LATER with retries left: send a copy to retryQueue with header
    // 'x-retries' = retries + 1, wait for its confirm, then ack this one. FAIL_DO_NOT_RETRY, or no
    // retries left: reject without requeue, so the broker dead-letters it to deadQueue.
    channel.nack(msg, false, true);
    console.log(` [x] Failed ${task}, requeued`);
  }
}, { noAck: false });
