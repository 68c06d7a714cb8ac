/**
 * The database file removed or replaced under a running broker: the next commit sees it is no
 * longer the file it opened, so a publish waiting for its confirm gets basic.nack, publishers are
 * blocked (connection.blocked) with the reason in one line; put back, the broker carries on,
 * confirms again, and nothing it held is lost. broker-sim only: RabbitMQ's files are not something a client can swap.
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
      const answer = new Promise<string>((resolve) => ch.sendToQueue('q', Buffer.from('during'), { persistent: true },
        (err) => resolve(err ? 'nack' : 'ack')));
      ch.sendToQueue('q', Buffer.from('blocks'), { persistent: true }); // an alarm blocks at the next publish
      const reason = await within(5000, 'connection.blocked', blocked);
      assert.match(reason, new RegExp(`^the database cannot be written \\(the database file .*broker\\.db was ${fault}`));
      assert.equal(await within(5000, 'the confirm', answer), 'nack', 'nothing is confirmed into a file nobody will open again');
      assert.ok(logs.some((l) => l.includes(`was ${fault}`) && !l.includes('\n')), 'the log says why, in one line');

      if (fault === 'replaced') renameSync(sim.dbPath, `${sim.dbPath}.copy`);
      renameSync(aside, sim.dbPath);
      await within(10_000, 'connection.unblocked', unblocked);
      await new Promise<void>((resolve, reject) => ch.sendToQueue('q', Buffer.from('after'), { persistent: true }, (err) => (err ? reject(err) : resolve())));
      // The nacked one too: a nack says the broker could not promise it, not that it is gone.
      assert.equal((await ch.checkQueue('q')).messageCount, 4);
    } finally {
      await sim.close();
    }
  });
}
