// A consumer in its own process, so a test can freeze it with SIGSTOP: it takes one message,
// prints GOT, and never acks. argv: url queue
import amqp from 'amqplib';

const [url, queue] = process.argv.slice(2);
const conn = await amqp.connect(url!);
const ch = await conn.createChannel();
await ch.prefetch(1);
await ch.consume(queue!, (m) => { if (m) console.log(`GOT ${m.content.toString()}`); });
console.log('READY');
