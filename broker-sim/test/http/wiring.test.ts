/**
 * Turning the management API on and off: startBrokerSim({ httpPort }), what happens when the port is
 * taken, and the command line's --http-port / --no-http with the URL printed and in the discovery file.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { httpOptions } from '../../src/cli/serve-command.ts';
import { listDiscoveries } from '../../src/discovery.ts';
import { ManagementPortTaken } from '../../src/http/server.ts';
import { startBrokerSim, type BrokerSim } from '../../src/index.ts';
import { scratchDir } from '../../../test/support/sim-process.ts';
import { within } from '../conformance/support/amqp.ts';

const root = new URL('../../../', import.meta.url).pathname;
const auth = { authorization: 'Basic ' + Buffer.from('guest:guest').toString('base64') };

/** A port held by someone else for the test. */
async function occupy(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, server };
}

/** Runs the broker-sim CLI until it prints its URLs (or exits); returns what it printed and how to stop it. */
async function runCli(args: string[], home: string): Promise<{ out: string; err: string; code: Promise<number | null>; stop(): void }> {
  const child = spawn(process.execPath, [join(root, 'bin/broker-sim.js'), '--memory', '--port', '0', ...args], {
    env: { ...process.env, QUEUELAB_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
  const code = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await within(15_000, 'broker-sim to start or exit', new Promise<void>((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (/listening on/.test(out) && (/management API on/.test(out) || args.includes('--no-http'))) resolve();
    });
    void code.then(() => resolve());
  }));
  return { get out() { return out; }, get err() { return err; }, code, stop: () => child.kill('SIGTERM') };
}

describe('management API wiring', () => {
  const sims: BrokerSim[] = [];
  const held: Server[] = [];
  after(async () => {
    for (const s of sims) await s.close();
    for (const s of held) s.close();
  });

  test('the library serves no API unless asked; httpPort 0 takes a free port and returns its URL', async () => {
    const off = await startBrokerSim({ port: 0 });
    sims.push(off);
    assert.equal(off.managementUrl, undefined);
    const on = await startBrokerSim({ port: 0, httpPort: 0 });
    sims.push(on);
    assert.match(on.managementUrl!, /^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${on.managementUrl}/api/overview`, { headers: auth });
    assert.equal(res.status, 200);
    assert.equal((await res.json() as { product_name: string }).product_name, 'broker-sim');
  });

  test('a taken management port fails, moves to the next free one, or turns the API off, as asked', async () => {
    const { port, server } = await occupy();
    held.push(server);
    await assert.rejects(startBrokerSim({ port: 0, httpPort: port }),
      (e: unknown) => e instanceof ManagementPortTaken && /--http-port N, --no-http or --any-port/.test(e.message));
    const next = await startBrokerSim({ port: 0, httpPort: port, httpPortTaken: 'next' });
    sims.push(next);
    assert.ok(Number(new URL(next.managementUrl!).port) > port);
    const lines: string[] = [];
    const off = await startBrokerSim({ port: 0, httpPort: port, httpPortTaken: 'off', log: (l) => lines.push(l) });
    sims.push(off);
    assert.equal(off.managementUrl, undefined);
    assert.match(lines.join('\n'), /management API off: management API port \d+ is taken/);
  });

  test('the command line: 15672 by default; a taken default turns the API off unless --any-port; --no-http', () => {
    assert.deepEqual(httpOptions({ http: true, httpPort: undefined, anyPort: false }), { httpPort: 15672, httpPortTaken: 'off' });
    assert.deepEqual(httpOptions({ http: true, httpPort: undefined, anyPort: true }), { httpPort: 15672, httpPortTaken: 'next' });
    assert.deepEqual(httpOptions({ http: true, httpPort: 15999, anyPort: false }), { httpPort: 15999, httpPortTaken: 'fail' });
    assert.equal(httpOptions({ http: false, httpPort: 15999, anyPort: true }).httpPort, false);
  });

  test('broker-sim prints the management URL and writes it into the discovery file', async () => {
    const home = scratchDir();
    try {
      const sim = await runCli(['--http-port', '0'], home);
      const url = /management API on (http:\/\/\S+)\/api\//.exec(sim.out)?.[1];
      assert.ok(url, `printed: ${sim.out}`);
      const [discovery] = listDiscoveries({ QUEUELAB_HOME: home });
      assert.ok(discovery, 'the broker wrote its discovery entry');
      assert.equal(discovery.managementUrl, url);
      assert.equal((await fetch(`${url}/api/whoami`, { headers: auth })).status, 200);
      sim.stop();
      assert.equal(await sim.code, 0);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  test('--no-http serves no API; a taken --http-port is one line and exit code 1', async () => {
    const home = scratchDir();
    const { port, server } = await occupy();
    held.push(server);
    try {
      const noHttp = await runCli(['--no-http'], home);
      assert.doesNotMatch(noHttp.out, /management API/);
      assert.equal(listDiscoveries({ QUEUELAB_HOME: home })[0]?.managementUrl, null);
      noHttp.stop();
      await noHttp.code;
      const taken = await runCli(['--http-port', String(port)], home);
      assert.equal(await taken.code, 1);
      assert.equal(taken.err.trim(), `broker-sim: management API port ${port} is taken (is RabbitMQ's management plugin running?); use --http-port N, --no-http or --any-port`);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  test('--help lists --http-port with its default and --http', async () => {
    const child = spawn(process.execPath, [join(root, 'bin/broker-sim.js'), '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    await within(15_000, 'broker-sim --help', new Promise((resolve) => child.once('exit', resolve)));
    assert.match(out, /--http-port\s+management HTTP API port[\s\S]*?\[default: 15672\]/);
    assert.match(out, /--http\s+serve the management HTTP API \(--no-http turns it off\)[\s\S]*?\[default: true\]/);
  });
});
