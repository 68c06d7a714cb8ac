// Lab 10, rpc_server.ts: a running task that answers remote calls on its queue.
import { connect } from '../broker.ts';

const queue = process.env.QUEUE ?? 'rpc_queue';

const fib = (n: number): number => (n < 2 ? n : fib(n - 1) + fib(n - 2));

const connection = await connect();
const channel = await connection.createChannel();
await channel.assertQueue(queue, { durable: false, autoDelete: true });
await channel.prefetch(1);
console.log(` [x] Awaiting RPC requests on ${queue}`);

function answer(request: string): { reply: string; exit?: boolean } {
  const [command, arg] = request.trim().split(/\s+/);
  switch (command) {
    case 'fib': return { reply: String(fib(Math.min(Number(arg) || 0, 40))) };
    // TODO: remote control. "pause": answer "paused", and answer every "fib" with "paused" until
    // "play", which answers "playing"; "kill": answer "killed", then close the channel and the
    // connection so the task ends.
    default: return { reply: `unknown command '${command}'` };
  }
}

await channel.consume(queue, async (msg) => {
  if (!msg) return;
  const request = msg.content.toString();
  const { reply, exit } = answer(request);
  console.log(` [.] ${request} -> ${reply}`);
  channel.sendToQueue(msg.properties.replyTo as string, Buffer.from(reply), { correlationId: msg.properties.correlationId });
  channel.ack(msg);
  if (exit) {
    await channel.close();
    await connection.close();
  }
});
