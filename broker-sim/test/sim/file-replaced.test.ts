/**
 * The database file removed or replaced under a running broker: the next commit sees it is no
 * longer the file it opened, so nothing more is confirmed and publishers are blocked
 * (connection.blocked) with the reason in one line; put back, the broker carries on and the
 * waiting confirm arrives. broker-sim only: RabbitMQ's files are not something a client can swap.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, renameSync } from 'node:fs';
import { startPrivateSim } from '../../../test/support/brokers.ts';
import { closeAll, connect, within } from '../conformance/support/amqp.ts';

after(closeAll);

for (const fault of ['removed', 'replaced'] as const) {
  test(`a database file ${fault} under the broker blocks publishers with the reason, and nothing is confirmed until it is back`, async () => {
    const logs: string[] = [];
    const sim = await startPrivateSim({ log: (l: string) => logs.push(l) });
    try {
      const conn = await connect(sim.url);
      const blocked = new Promise<string>((resolve) => conn.once('blocked', resolve));
      const unblocked = new Promise<void>((resolve) => conn.once('unblocked', () => resolve()));
      const ch = await conn.createConfirmChannel();
      await ch.assertQueue('q', { durable: true });
      await new Promise<void>((resolve, reject) => ch.sendToQueue('q', Buffer.from('before'), { persistent: true }, (err) => (err ? reject(err) : resolve())));

      const aside = `${sim.dbPath}.aside`;
      renameSync(sim.dbPath, aside);
      if (fault === 'replaced') copyFileSync(aside, sim.dbPath); // same content, another file
      let confirmed = false;
      const confirm = new Promise<void>((resolve, reject) => ch.sendToQueue('q', Buffer.from('during'), { persistent: true },
        (err) => { if (err) reject(err); else { confirmed = true; resolve(); } }));
      ch.sendToQueue('q', Buffer.from('blocks'), { persistent: true }); // an alarm blocks at the next publish
      const reason = await within(5000, 'connection.blocked', blocked);
      assert.match(reason, new RegExp(`^the database cannot be written \\(the database file .*broker\\.db was ${fault}`));
      assert.equal(confirmed, false, 'nothing is confirmed into a file nobody will open again');
      assert.ok(logs.some((l) => l.includes(`was ${fault}`) && !l.includes('\n')), 'the log says why, in one line');

      if (fault === 'replaced') renameSync(sim.dbPath, `${sim.dbPath}.copy`);
      renameSync(aside, sim.dbPath);
      await within(10_000, 'the waiting confirm once the file is back', confirm);
      await within(5000, 'connection.unblocked', unblocked);
      assert.equal((await ch.checkQueue('q')).messageCount, 3);
    } finally {
      await sim.close();
    }
  });
}
