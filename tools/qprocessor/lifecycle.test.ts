/**
 * A worker's life beyond its messages: --restart reconnects after the broker drops its connection,
 * Ctrl-C prints the summary and exits 0, an unknown vhost is one clear line; and `qlab repl` opens
 * a channel the lab sheet's interactive steps can use. Against broker-sim, and RabbitMQ when set
 * (whose connections are closed through its management API).
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import amqp from 'amqplib';
import { forEachBroker } from '../../test/support/brokers.ts';
import { ManagementClient } from '../shared/management-client.ts';
import { start, waitFor, type Running } from './test-process.ts';

forEachBroker('qprocessor and qlab repl, beyond messages', (broker) => {
  const running: Running[] = [];
  after(() => { for (const r of running) r.child.kill('SIGKILL'); });
  const run = (tool: string, args: string[], stdin: 'ignore' | 'pipe' = 'ignore') => {
    const r = start(tool, args, { AMQP_URL: broker.url }, stdin);
    running.push(r);
    return r;
  };

  async function send(queue: string, bodies: string[]): Promise<void> {
    const c = await amqp.connect(broker.url);
    const ch = await c.createConfirmChannel();
    for (const b of bodies) ch.sendToQueue(queue, Buffer.from(b));
    await ch.waitForConfirms();
    await c.close();
  }

  test('--restart reconnects when the broker closes the worker\'s connection, and goes on working', async () => {
    const queue = broker.name('restart');
    const name = `restart-${randomBytes(4).toString('hex')}`;
    const w = run('qprocessor', ['-q', queue, '--delay-per-char', '0', '--restart', '--name', name]);
    await waitFor(w, /waiting for messages/, 'the worker to start');
    const api = new ManagementClient({ url: broker.managementUrl!, username: 'guest', password: 'guest' });
    let conn;
    const deadline = Date.now() + 15_000; // RabbitMQ lists a new connection within its statistics interval
    while (!(conn = (await api.getConnections()).find((c) => c.user_provided_name === name || c.client_properties?.connection_name === name))) {
      if (Date.now() > deadline) throw new Error(`no connection named ${name} in the management API`);
      await new Promise((r) => setTimeout(r, 250));
    }
    await api.closeConnection(conn.name, 'the test closes it');
    await waitFor(w, /connection lost .*reconnecting in 1s/, 'the worker to notice');
    await waitFor(w, /connected to[\s\S]*connected to/, 'the worker to reconnect');
    await send(queue, ['after the restart']);
    await waitFor(w, /RECEIVED\s+#\d+ "after the restart"/, 'the message sent after the restart');
  });

  test('Ctrl-C stops taking messages, prints the summary and exits 0', async () => {
    const queue = broker.name('sigint');
    const w = run('qprocessor', ['-q', queue, '--delay-per-char', '0', '--acknowledge']);
    await waitFor(w, /waiting for messages/, 'the worker to start');
    await send(queue, ['one', 'two']);
    await waitFor(w, /ACKED[\s\S]*ACKED/, 'two acks');
    w.child.kill('SIGINT');
    assert.equal(await w.exited, 0);
    assert.match(w.out(), /summary: received 2, acked 2, lost 0, nacked 0, rejected 0, redelivered seen 0/);
  });

  test('the first Ctrl-C finishes the current message and says a second one stops now; the second still prints the summary', async () => {
    const queue = broker.name('sigint2');
    const w = run('qprocessor', ['-q', queue, '--delay-per-char', '1', '--acknowledge']);
    await waitFor(w, /waiting for messages/, 'the worker to start');
    await send(queue, ['a long task of thirty characters']);
    await waitFor(w, /RECEIVED/, 'the task to start');
    w.child.kill('SIGINT');
    await waitFor(w, /stopping: finishing the current message; Ctrl-C again to stop now/, 'the first Ctrl-C');
    w.child.kill('SIGINT');
    assert.equal(await w.exited, 130);
    assert.match(w.out(), /stopped now: the messages in progress were not finished/);
    assert.match(w.out(), /summary: received 1, acked 0, lost 0/);
  });

  test('an unknown vhost is one line saying what to check, and exit code 1', async () => {
    const u = new URL(broker.url);
    u.pathname = `/no-such-vhost-${randomBytes(3).toString('hex')}`;
    const r = start('qprocessor', ['-q', 'x', '--url', u.toString()], {});
    assert.equal(await r.exited, 1);
    const lines = r.out().split('\n').filter((l) => l && !l.includes('nodedir'));
    assert.equal(lines.length, 1, r.out());
    assert.match(lines[0]!, /^qprocessor: vhost 'no-such-vhost-\w+' refused for user 'guest' at .*; check --vhost/);
  });

  test('qlab repl has connection and channel open: the lab sheet\'s interactive steps work', async () => {
    const queue = broker.name('repl');
    const r = run('qlab', ['repl'], 'pipe');
    await waitFor(r, /ready: connection, channel/, 'the REPL');
    r.child.stdin!.write(`await channel.assertQueue('${queue}', { durable: false, autoDelete: false })\n`);
    r.child.stdin!.write(`channel.sendToQueue('${queue}', Buffer.from('Hello World!'))\n`);
    r.child.stdin!.write(`(await channel.checkQueue('${queue}')).messageCount\n`);
    r.child.stdin!.write(`(await channel.get('${queue}', { noAck: true })).content.toString()\n`);
    r.child.stdin!.write(`await channel.deleteQueue('${queue}')\n`);
    await waitFor(r, /'Hello World!'/, 'the message read back in the REPL');
    assert.match(r.out(), /\n?1\n/, 'checkQueue counted the message');
    r.child.stdin!.end('.exit\n');
    assert.equal(await r.exited, 0);
  });

  test('qlab repl: errors are one line, amqplib objects are short, and it reconnects when the broker drops it', async () => {
    const queue = broker.name('repl-errors');
    const r = run('qlab', ['repl'], 'pipe');
    await waitFor(r, /ready: connection, channel/, 'the REPL');
    r.child.stdin!.write(`await channel.checkQueue('${queue}')\n`);
    await waitFor(r, /Uncaught Operation failed: QueueDeclare; 404 \(NOT-FOUND\)/, 'a one-line error');
    await waitFor(r, /channel closed by the broker: .*404[\s\S]*a new channel is open/, 'a new channel');
    assert.doesNotMatch(r.out(), /^\s+at /m, 'no stack');
    r.child.stdin!.write('await connection.createChannel()\n');
    await waitFor(r, /\[Channel \d+\]/, 'a short channel');
    const api = new ManagementClient({ url: broker.managementUrl!, username: 'guest', password: 'guest' });
    let conn;
    const deadline = Date.now() + 15_000;
    while (!(conn = (await api.getConnections()).find((c) => c.user_provided_name === 'qlab repl' || c.client_properties?.connection_name === 'qlab repl'))) {
      if (Date.now() > deadline) throw new Error('no qlab repl connection in the management API');
      await new Promise((res) => setTimeout(res, 250));
    }
    await api.closeConnection(conn.name, 'the test closes it');
    await waitFor(r, /connection lost[\s\S]*reconnected: connected to/, 'the REPL to reconnect');
    r.child.stdin!.write(`(await channel.assertQueue('${queue}', { durable: false })).queue\n`);
    await waitFor(r, new RegExp(`'${queue.replace(/\./g, '\\.')}'`), 'the new channel to work');
    r.child.stdin!.write(`await channel.deleteQueue('${queue}')\n`);
    r.child.stdin!.end('.exit\n');
    assert.equal(await r.exited, 0);
  });
});
