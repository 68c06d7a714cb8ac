/**
 * The course's lab sheet ("Queues"), step by step as a student meets it, on a class server: one
 * vhost per student named after them, password 1Password, full rights there. In real tmux panes,
 * with Debian's Python and pika: the sheet's own lines typed into `python3 -i` (credentials,
 * ConnectionParameters, queue_declare, basic_publish, the callback, basic_consume,
 * start_consuming, queue_delete), the sheet's worker `./qprocessor.py --host … --vhost …
 * --username … --password … --queue …` in panes of its own (load balancing, --lose-every 3,
 * --acknowledge, Ctrl-C with messages held). Each step checks what the screen shows and what the
 * broker holds. broker-sim is set up as README tells an instructor; RabbitMQ (RABBITMQ_URL)
 * through its management API, with a student of a unique name deleted afterwards.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { rabbitMqFromEnv } from '../tools/shared/brokers/index.ts';
import { connectionCount, declared, queueState, rabbitClassServer, SHEET_PASSWORD, simClassServer, type ClassServer } from './support/class-server.ts';
import { scratchDir } from './support/sim-process.ts';
import { hasTmux, TmuxSession } from './support/tmux.ts';

const PYTHON = '/usr/bin/python3';

function whyNot(): string | false {
  if (!hasTmux) return 'tmux is not installed (apt-get install tmux)';
  try { execFileSync(PYTHON, ['-c', 'import pika'], { stdio: 'ignore' }); } catch { return `${PYTHON} has no pika (apt-get install python3-pika)`; }
  return false;
}
const skip = whyNot();

/** Waits until check() holds, polling; fails with the last value seen. */
async function until<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  let last: T | undefined;
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    last = await get();
    if (ok(last)) return last;
  }
  throw new Error(`${what}: still ${JSON.stringify(last)} after ${ms} ms`);
}

const count = (text: string, re: RegExp): number => (text.match(new RegExp(re.source, `${re.flags}g`)) ?? []).length;
/** The bodies a qprocessor pane shows as received ("a", "b" …), in order. */
const received = (text: string): string[] => [...text.matchAll(/\] (?:RECEIVED|REDELIVERED) +#\d+ "([^"]*)"/g)].map((m) => m[1]!);

const kinds = rabbitMqFromEnv() ? ['sim', 'rabbitmq'] as const : ['sim'] as const;

for (const kind of kinds) {
  describe(`the lab sheet, step by step [${kind}]`, { skip }, () => {
    const dir = scratchDir();
    const tmux = new TmuxSession(160, 140);
    let server: ClassServer;
    /** A student's shell: Debian's python3 first on PATH, nothing of the kit's exported. */
    const env = { PATH: '/usr/bin:/bin', AMQP_URL: '', QUEUELAB_HOME: join(dir, 'student'), PAGER: 'cat' };
    let sender: string;
    const workers: Record<string, string> = {};

    before(async () => {
      mkdirSync(env.QUEUELAB_HOME);
      if (kind === 'sim') {
        server = await simClassServer(tmux, dir);
      } else {
        const r = rabbitMqFromEnv()!;
        server = await rabbitClassServer(r.url, r.managementUrl);
      }
      await tmux.keepDeadPanes();
    });
    after(async () => {
      await server?.close().catch(() => {});
      tmux.kill();
      rmSync(dir, { recursive: true, force: true });
    });

    const connectionLines = (heartbeat = 3600): string[] => [
      'import pika',
      'from pika.credentials import PlainCredentials',
      `credentials = PlainCredentials('${server.student}','${SHEET_PASSWORD}')`,
      `params = pika.ConnectionParameters('${server.host}', port=${server.port}, virtual_host='${server.student}', credentials=credentials, heartbeat=${heartbeat})`,
      'connection = pika.BlockingConnection(params)',
      'channel = connection.channel()',
      "channel.queue_declare(queue='hello')",
    ];
    const declareOk = (messages: number): RegExp => new RegExp(`Queue\\.DeclareOk\\(\\['consumer_count=0', 'message_count=${messages}', 'queue=hello'\\]\\)`);
    /** The pane waits at python3's prompt (>>> or ...), the cursor after it. */
    const atPrompt = (text: string): boolean => /(?:^|\n)(?:>>>|\.\.\.)$/.test(text.trimEnd());
    /** Types a line once python3 prompts for it, and waits for the next prompt, as a student does. */
    async function enter(pane: string, line: string): Promise<string> {
      const before = await tmux.capture(pane);
      await tmux.type(pane, line);
      return tmux.waitFor(pane, (t) => t !== before && atPrompt(t), 15_000);
    }
    async function python(): Promise<string> {
      const pane = await tmux.pane(`${PYTHON} -q -i`, env);
      await tmux.waitFor(pane, />>> $/m);
      return pane;
    }
    const publish = (body: string): Promise<string> => enter(sender, `channel.basic_publish(exchange='', routing_key='hello', body='${body}')`);
    /** The sheet's worker command, with more flags. */
    const qprocessor = (flags = ''): string => `./labs/qprocessor.py --host ${server.host} --port ${server.port} --vhost ${server.student} `
      + `--username ${server.student} --password ${SHEET_PASSWORD} --queue hello${flags ? ` ${flags}` : ''}`;
    async function startWorker(name: string, flags = ''): Promise<string> {
      const pane = await tmux.pane(qprocessor(flags), env);
      const text = await tmux.waitFor(pane, /waiting for messages|\[exit|Pane is dead/, 20_000);
      assert.match(text, /waiting for messages on 'hello'/, text);
      workers[name] = pane;
      return pane;
    }
    async function stopWorker(name: string): Promise<string> {
      await tmux.keys(workers[name]!, 'C-c');
      return tmux.waitFor(workers[name]!, /summary: .*/, 20_000);
    }
    const consumers = (n: number): Promise<unknown> =>
      until(`${n} consumers on hello`, () => declared(server, 'hello'), (q) => q?.consumers === n);

    test('sending: the sheet\'s connection lines, queue_declare and five basic_publish in python3', async () => {
      sender = await python();
      await enter(sender, 'import pika');
      await enter(sender, 'help(pika.BlockingConnection)');
      await tmux.waitFor(sender, /class BlockingConnection/);
      await enter(sender, 'help(pika.ConnectionParameters)');
      await tmux.waitFor(sender, /class ConnectionParameters/);
      for (const line of connectionLines()) await enter(sender, line);
      await tmux.waitFor(sender, declareOk(0));
      for (let i = 0; i < 5; i++) await publish('Hello World!');
      await until('five messages ready', () => declared(server, 'hello'), (q) => q?.ready === 5);
      const screen = await tmux.capture(sender);
      assert.doesNotMatch(screen, /^Traceback/m, screen);
      assert.equal(count(screen, /basic_publish.*\n>>> /), 5, `basic_publish prints nothing:\n${screen}`);
    });

    test('receiving: a second python3, the callback, basic_consume with auto_ack, start_consuming', async () => {
      const receiver = await python();
      for (const line of connectionLines()) await enter(receiver, line);
      await tmux.waitFor(receiver, declareOk(5));
      await enter(receiver, 'def callback(ch, method, properties, body):');
      await enter(receiver, '    print(f" [x] Received {body}")');
      await enter(receiver, '');
      await enter(receiver, "channel.basic_consume(queue='hello', auto_ack=True, on_message_callback=callback)");
      await tmux.waitFor(receiver, /^'ctag/m);
      await tmux.type(receiver, 'channel.start_consuming()');
      await tmux.waitFor(receiver, (t) => count(t, /^ \[x\] Received b'Hello World!'$/m) === 5);
      await publish('Hello again!');
      await tmux.waitFor(receiver, /^ \[x\] Received b'Hello again!'$/m);
      assert.deepEqual(await declared(server, 'hello'), { ready: 0, consumers: 1 });

      // "We'll now quit the receiving one using Ctrl-C": that stops start_consuming, not the consumer.
      await tmux.keys(receiver, 'C-c');
      await tmux.waitFor(receiver, /KeyboardInterrupt\n>>> $/m);
      assert.equal((await declared(server, 'hello'))?.consumers, 1, 'the consumer stays until python3 is quit');
      await tmux.type(receiver, 'exit()');
      await consumers(0);
    });

    test('the worker: ./qprocessor.py with --host --port --vhost --username --password --queue', async () => {
      const w = await startWorker('A');
      const product = kind === 'sim' ? 'broker-sim' : 'RabbitMQ [\\d.]+';
      assert.match(await tmux.capture(w), new RegExp(`connected to ${product} at amqp://${server.student}:\\*\\*\\*@${server.host}:${server.port}/${server.student}, vhost '${server.student}', as ${server.student}`));
      for (const body of ['a', 'b']) await publish(body);
      const text = await tmux.waitFor(w, /DONE +#2 done/);
      assert.deepEqual(received(text), ['a', 'b']);
    });

    test('load balancing: a second worker in another pane; the messages alternate between them', async () => {
      const b = await startWorker('B');
      await consumers(2);
      for (const body of ['1', '2', '3', '4']) await publish(body);
      const textB = await tmux.waitFor(b, (t) => count(t, /DONE +#\d+ done/) === 2);
      const textA = await tmux.waitFor(workers.A!, (t) => count(t, /DONE +#\d+ done/) === 4);
      const a = received(textA).slice(2);
      assert.equal(a.length, 2, textA);
      assert.deepEqual([...a, ...received(textB)].sort(), ['1', '2', '3', '4']);
      assert.ok(Math.abs(Number(a[0]) - Number(a[1])) === 2, `one worker takes every other message: ${a}`);
    });

    test('work failures: worker A restarted with --lose-every 3 loses its third message for good', async () => {
      const summary = await stopWorker('A');
      assert.match(summary, /summary: received 4, acked 0, lost 0/);
      const a = await startWorker('A', '--lose-every 3');
      await consumers(2);
      for (const body of ['a', 'b', 'c', 'd', 'e', 'f']) await publish(body);
      const textA = await tmux.waitFor(a, /LOST +#3 "\w" auto-acked, so it is gone for good/);
      await tmux.waitFor(a, (t) => count(t, /DONE +#\d+ done/) === 2);
      await tmux.waitFor(workers.B!, (t) => count(t, /DONE +#\d+ done/) === 5);
      assert.equal(received(textA).length, 3);
      await until('nothing left on the broker', () => queueState(server, 'hello'), (q) => q?.ready === 0 && q.unacked === 0);
      await stopWorker('A');
      await stopWorker('B');
      await consumers(0);
    });

    test('acknowledgements: --acknowledge --lose-every 3 holds the lost one; it comes back when the worker goes', async () => {
      const a = await startWorker('A', '--acknowledge --lose-every 3');
      for (const body of ['x', 'y', 'z']) await publish(body);
      await tmux.waitFor(a, /LOST +#3 "z" never acked/);
      await tmux.waitFor(a, (t) => count(t, /ACKED +#\d+ done/) === 2);
      await until('the lost message held unacked', () => queueState(server, 'hello'), (q) => q?.ready === 0 && q.unacked === 1);
      assert.match(await stopWorker('A'), /summary: received 3, acked 2, lost 1/);
      await until('the lost message back in the queue', () => declared(server, 'hello'), (q) => q?.ready === 1 && q.consumers === 0);
      const b = await startWorker('B', '--acknowledge');
      await tmux.waitFor(b, /REDELIVERED #1 "z"[\s\S]*ACKED +#1 done/);
    });

    test('Ctrl-C of a busy worker: auto-ack loses what it was sent; --acknowledge gives it back', async () => {
      // B (--acknowledge) gets all three; Ctrl-C during the first: it finishes and acks it, the rest go back.
      for (const body of ['abc', 'ppp', 'q']) await publish(body);
      await tmux.waitFor(workers.B!, /RECEIVED +#2 "abc"/);
      assert.match(await stopWorker('B'), /ACKED +#2 done[\s\S]*summary: received 2, acked 2/);
      await until('the two not started back in the queue', () => declared(server, 'hello'), (q) => q?.ready === 2 && q.consumers === 0);

      // Without --acknowledge, the same Ctrl-C: the broker forgot q when it sent it.
      const a = await startWorker('A');
      await tmux.waitFor(a, /REDELIVERED #1 "ppp"/);
      assert.match(await stopWorker('A'), /DONE +#1 done[\s\S]*summary: received 1, acked 0/);
      await until('the queue empty: q is lost', () => queueState(server, 'hello'), (q) => q?.ready === 0 && q.unacked === 0 && q.consumers === 0);
    });

    test('queue deletion: channel.queue_delete in the first python3', async () => {
      await publish('left over');
      await until('one message ready', () => declared(server, 'hello'), (q) => q?.ready === 1);
      await enter(sender, "channel.queue_delete(queue='hello')");
      await tmux.waitFor(sender, /Queue\.DeleteOk\(\['message_count=1'\]\)/);
      assert.equal(await declared(server, 'hello'), undefined);
    });

    test('timeouts: an idle python3 with a short heartbeat gets the sheet\'s StreamLostError; heartbeat=3600 does not', async () => {
      const idle = await python();
      // Three seconds: long enough for the management API to list the connection before the broker drops it.
      for (const line of connectionLines(3).slice(0, -1)) await enter(idle, line);
      await until('the second connection listed', () => connectionCount(server), (n) => n === 2);
      await until('the broker to drop the silent connection', () => connectionCount(server), (n) => n === 1);
      await enter(idle, "channel.basic_publish(exchange='', routing_key='hello', body='Hello World!')");
      await tmux.waitFor(idle, /StreamLostError: Stream connection lost: ConnectionResetError\(104, 'Connection reset by peer'\)/);
      // The first session, idle all along with the sheet's heartbeat=3600, still works.
      await enter(sender, "channel.queue_declare(queue='hello')");
      await tmux.waitFor(sender, declareOk(0));
    });
  });
}
