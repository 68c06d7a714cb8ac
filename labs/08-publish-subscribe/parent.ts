// Lab 08, parent.ts: wait for a child task's "finished" broadcast.
import { connect } from '../broker.ts';

const events = process.env.EVENTS ?? 'events';
const id = process.env.CHILD_ID ?? 'child-1';
const timeoutMs = Number(process.env.TIMEOUT_MS ?? 30000);

const connection = await connect();
const channel = await connection.createChannel();
await channel.assertExchange(events, 'fanout', { durable: false });
console.log(` [*] Waiting for ${id} to finish`);
const timer = setTimeout(() => { console.log(` [!] ${id} did not finish within ${timeoutMs} ms`); process.exit(1); }, timeoutMs);
// TODO: declare an exclusive server-named queue, bind it to the events exchange, and consume it:
// on the message "finished <id>" print " [x] <id> has finished", clear the timer and close the
// connection (so the program ends).
