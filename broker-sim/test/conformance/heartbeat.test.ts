import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { forEachBroker } from '../../../test/support/brokers.ts';
import { channel, closeAll, eventually, within } from './support/amqp.ts';

const script = new URL('./support/frozen-consumer.ts', import.meta.url).pathname;

function waitForLine(child: ChildProcess, text: string): Promise<void> {
  let out = '';
  return within(10000, `"${text}" from the consumer`, new Promise((resolve) => {
    child.stdout!.on('data', (d: Buffer) => { out += d; if (out.includes(text)) resolve(); });
  }));
}

forEachBroker('heartbeats', (broker) => {
  const children: ChildProcess[] = [];
  after(async () => {
    for (const c of children) { c.kill('SIGCONT'); c.kill('SIGKILL'); }
    await closeAll();
  });

  test('a consumer frozen with SIGSTOP loses its connection after missed heartbeats, and its unacked message returns', async () => {
    const { ch } = await channel(broker.url);
    const q = broker.name('frozen');
    await ch.assertQueue(q);
    const child = spawn(process.execPath, ['--import', 'tsx', script, `${broker.url}?heartbeat=1`, q], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    await waitForLine(child, 'READY');
    ch.sendToQueue(q, Buffer.from('held by a frozen worker'));
    await waitForLine(child, 'GOT held by a frozen worker');
    assert.deepEqual(await ch.checkQueue(q), { queue: q, messageCount: 0, consumerCount: 1 });
    child.kill('SIGSTOP');
    const after = await eventually('the message to return', () => ch.checkQueue(q), (r) => r.messageCount === 1 && r.consumerCount === 0, 15000);
    assert.equal(after.messageCount, 1);
    const m = await ch.get(q, { noAck: true });
    assert.ok(m && m.fields.redelivered, 'it comes back marked redelivered');
    await ch.deleteQueue(q);
  });
});
