/**
 * Grader for lab 01: send.ts puts "Hello World!" on the queue; receive.ts prints what is there.
 * Runs the student's programs as processes against AMQP_URL with a private queue name (QUEUE).
 */
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import { Admin, uniqueQueue } from '../support/broker-admin.ts';
import { Program, StepError, labDir, runToEnd } from '../support/program.ts';

const dir = labDir('01-hello-world');
const queue = uniqueQueue('01');
let admin: Admin;
const running: Program[] = [];

before(async () => { admin = await Admin.connect(); });
after(async () => {
  for (const p of running) await p.kill();
  await admin.deleteQueue(queue);
  await admin.close();
});

test('step 1: send.ts puts one "Hello World!" message on the queue', async () => {
  const send = await runToEnd('send.ts', join(dir, 'send.ts'), [], { QUEUE: queue });
  if (send.exitCode !== 0) throw new StepError(`step 1: expected send.ts to exit 0, it exited ${send.exitCode}${send.tail()}`);
  const n = await admin.countSettles(queue, 1);
  if (n === null) throw new StepError('step 1: expected send.ts to declare the queue, but there is no such queue');
  if (n !== 1) throw new StepError(`step 1: expected 1 message on the queue after send.ts, found ${n}`);
  const msg = await admin.getOne(queue);
  const body = msg?.content.toString();
  if (body !== 'Hello World!') throw new StepError(`step 1: expected the message "Hello World!", got ${JSON.stringify(body)}`);
});

test('step 2: receive.ts prints every message already waiting, and new ones as they come', async () => {
  await admin.publish(queue, ['Hello World!', 'second message']);
  const receive = new Program('receive.ts', join(dir, 'receive.ts'), [], { QUEUE: queue });
  running.push(receive);
  if (!(await receive.waitFor(/second message/, 8000))) {
    throw new StepError(`step 2: expected receive.ts to print the 2 waiting messages ("Hello World!", "second message")${receive.tail()}`);
  }
  await admin.publish(queue, ['third message']);
  if (!(await receive.waitFor(/third message/, 5000))) {
    throw new StepError(`step 2: expected receive.ts to keep running and print a message sent after it started${receive.tail()}`);
  }
  const left = await admin.countSettles(queue, 0);
  if (left !== 0) throw new StepError(`step 2: expected the queue to be empty once receive.ts took the messages, found ${left}`);
});
