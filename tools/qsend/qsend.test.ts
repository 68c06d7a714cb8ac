import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import amqp from 'amqplib';
import { forEachBroker } from '../../test/support/brokers.ts';
import { countedBodies } from './bodies.ts';

const root = new URL('../../', import.meta.url).pathname;

test('--count numbers the bodies with {i}', () => {
  assert.deepEqual([...countedBodies(3, 'task {i} of 3.')], ['task 1 of 3.', 'task 2 of 3.', 'task 3 of 3.']);
});

function qsend(args: string[], env: Record<string, string>, stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`${root}bin/qsend.js`, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.stdin.end(stdin ?? '');
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

forEachBroker('qsend', (broker) => {
  let conn: amqp.ChannelModel | undefined;
  after(async () => { await conn?.close().catch(() => {}); });

  test('lines from stdin become persistent, confirmed messages in a durable queue', async () => {
    const q = broker.name('qsend-stdin');
    const r = await qsend(['-q', q, '--durable', '--persistent', '--confirm'], { AMQP_URL: broker.url }, 'one\ntwo\n\nthree\n');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /sent 3, confirmed 3, nacked 0/);
    conn = await amqp.connect(broker.url);
    const ch = await conn.createChannel();
    const bodies: string[] = [];
    for (let m = await ch.get(q, { noAck: true }); m; m = await ch.get(q, { noAck: true })) {
      bodies.push(m.content.toString());
      assert.equal(m.properties.deliveryMode, 2);
    }
    assert.deepEqual(bodies, ['one', 'two', 'three']);
    await ch.deleteQueue(q);
  });

  test('--mandatory reports a message that no queue takes, and exits 2', async () => {
    const r = await qsend(['-e', 'amq.direct', '-r', broker.name('nobody'), '--mandatory', '--confirm', 'lost?'], { AMQP_URL: broker.url });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stdout, /RETURNED "lost\?": no queue took it \(NO_ROUTE\)/);
    assert.match(r.stdout, /sent 1, confirmed 1, nacked 0, returned 1/);
  });
});
