// Lab 08, child.ts: a task that tells whoever listens when it has finished, by broadcast.
import { connect } from '../broker.ts';

const events = process.env.EVENTS ?? 'events';
const id = process.env.CHILD_ID ?? 'child-1';
const workMs = Number(process.env.DELAY_MS ?? 1000);

console.log(` [*] ${id} working for ${workMs} ms`);
await new Promise((r) => setTimeout(r, workMs));
const connection = await connect();
const channel = await connection.createConfirmChannel();
await channel.assertExchange(events, 'fanout', { durable: false });
channel.publish(events, '', Buffer.from(`finished ${id}`));
await channel.waitForConfirms();
console.log(` [x] ${id} finished`);
await connection.close();
