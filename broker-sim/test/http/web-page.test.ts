/**
 * The broker view in real headless Chromium (Debian's chromium, driven by playwright-core): on
 * broker-sim, served by broker-sim itself; on RabbitMQ (when RABBITMQ_URL is set), served by
 * `qtop --web` relaying RabbitMQ's management API. A student logs in and sees only their vhost,
 * publishes from the page, watches the queue's count change and an amqplib consumer appear, peeks,
 * switches to the table view and a narrow window, purges and deletes with a confirmation. Waits are
 * on what the page shows (RabbitMQ's counts follow its statistics interval), never fixed sleeps.
 * Screenshots go to the test output folder; UPDATE_SCREENSHOTS=1 also refreshes README's copies.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import amqp from 'amqplib';
import type { Page } from 'playwright-core';
import { availableBrokers, type BrokerKind } from '../../../test/support/brokers.ts';
import { within } from '../../../test/support/within.ts';
import { startBrokerSim, type BrokerSim } from '../../src/index.ts';
import { admin, chromiumPath, dropVhost, launchChromium, testOutput, vhostUrl } from './web-support.ts';

const root = new URL('../../../', import.meta.url).pathname;
const chrome = chromiumPath();
const skip = 'missing' in chrome ? `the browser tests need Chromium: ${chrome.missing}` : false;
if (skip) console.log(`# broker view: ${skip}`);

interface Target {
  /** The page to open. */
  pageUrl: string;
  /** AMQP URL of the student's vhost, as the student. */
  amqpUrl: string;
  managementUrl: string;
  close(): Promise<void>;
}

const STUDENT = { user: 'student-web', password: 's3cret-web' };

/** broker-sim with a student who may use only their own vhost; the page is broker-sim's own. */
async function simTarget(vhost: string): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'queuelab-web-'));
  const sim: BrokerSim = await startBrokerSim({ port: 0, httpPort: 0, dbPath: join(dir, 'b.db'), consumerTimeout: 10 * 60_000 });
  sim.broker.addVhost(vhost);
  sim.broker.addVhost('someone-else');
  sim.broker.addUser(STUDENT.user, STUDENT.password, 'management');
  sim.broker.setPermission({ user: STUDENT.user, vhost, configure: '.*', write: '.*', read: '.*' });
  return {
    pageUrl: `${sim.managementUrl}/`,
    amqpUrl: vhostUrl(`amqp://${STUDENT.user}:${STUDENT.password}@127.0.0.1:${sim.port}`, vhost),
    managementUrl: sim.managementUrl!,
    close: async () => { await sim.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}

/** RabbitMQ with the same student, and `qtop --web` relaying its management API; the page is qtop's. */
async function rabbitTarget(vhost: string): Promise<Target> {
  const managementUrl = process.env.RABBITMQ_MANAGEMENT_URL ?? 'http://127.0.0.1:15672';
  await admin(managementUrl, 'PUT', `users/${STUDENT.user}`, { password: STUDENT.password, tags: 'management' });
  await admin(managementUrl, 'PUT', `vhosts/${encodeURIComponent(vhost)}`);
  await admin(managementUrl, 'PUT', `permissions/${encodeURIComponent(vhost)}/${STUDENT.user}`, { configure: '.*', write: '.*', read: '.*' });
  const amqpUrl = new URL(process.env.RABBITMQ_URL!);
  amqpUrl.username = STUDENT.user;
  amqpUrl.password = STUDENT.password;
  amqpUrl.pathname = `/${encodeURIComponent(vhost)}`;
  const qtop: ChildProcess = spawn(process.execPath, [join(root, 'bin/qtop.js'), '--web', '--web-port', '0', '--url', amqpUrl.toString(), '--management-url', managementUrl],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, QUEUELAB_HOME: mkdtempSync(join(tmpdir(), 'queuelab-web-home-')) } });
  let out = '';
  const pageUrl = await within(20_000, 'qtop --web to print the page\'s address', new Promise<string>((resolve, reject) => {
    qtop.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /the broker view of \S+ on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    qtop.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
    qtop.once('exit', (code) => reject(new Error(`qtop --web exited with ${code}: ${out}`)));
  }));
  assert.match(pageUrl, new RegExp(`\\?user=${STUDENT.user}&vhost=${encodeURIComponent(vhost)}$`), 'the address fills in the login');
  return {
    pageUrl, amqpUrl: amqpUrl.toString(), managementUrl,
    close: async () => {
      if (qtop.exitCode === null) await new Promise((resolve) => { qtop.once('exit', resolve); qtop.kill('SIGTERM'); });
      await dropVhost(managementUrl, vhost);
      await admin(managementUrl, 'DELETE', `users/${STUDENT.user}`).catch(() => {});
    },
  };
}

/** Waits until the element's text matches; on timeout says what the page shows instead. */
async function shows(page: Page, selector: string, pattern: RegExp, timeout = 30_000): Promise<string> {
  try {
    await page.waitForFunction(([sel, src]) => {
      const el = document.querySelector(sel!);
      return !!el && new RegExp(src!).test(el.textContent ?? '');
    }, [selector, pattern.source], { timeout, polling: 100 });
  } catch {
    const now = await page.evaluate((sel) => document.querySelector(sel)?.textContent ?? '(no such element)', selector);
    throw new Error(`timed out after ${timeout} ms waiting for ${selector} to show ${pattern}; it shows: ${now}`);
  }
  return (await page.textContent(selector)) ?? '';
}

const queueNode = '.node.queue[data-id="q:shop.orders"]';

for (const kind of availableBrokers() as BrokerKind[]) {
  describe(`the broker view in headless Chromium [${kind}]`, { skip }, () => {
    const vhost = `web-${kind}-${process.pid}`;
    let target: Target;
    let browser: Awaited<ReturnType<typeof launchChromium>>;
    let page: Page;
    let conn: amqp.ChannelModel;
    let worker: amqp.ChannelModel | undefined;
    const errors: string[] = [];
    const shots = testOutput('broker-view');

    before(async () => {
      target = kind === 'sim' ? await simTarget(vhost) : await rabbitTarget(vhost);
      conn = await amqp.connect(target.amqpUrl, { clientProperties: { connection_name: 'setup' } });
      const ch = await conn.createChannel();
      await ch.assertExchange('shop', 'direct', { durable: false });
      await ch.assertQueue('shop.orders', { durable: false });
      await ch.bindQueue('shop.orders', 'shop', 'order.new');
      await ch.close();
      browser = await launchChromium((chrome as { path: string }).path, 1280, 800);
      page = await browser.context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(target.pageUrl);
    });

    after(async () => {
      await browser?.close();
      await worker?.close().catch(() => {});
      await conn?.close().catch(() => {});
      await target?.close();
    });

    const messageCount = async (): Promise<number> => {
      const ch = await conn.createChannel();
      try { return (await ch.checkQueue('shop.orders')).messageCount; } finally { await ch.close(); }
    };

    test('a wrong password is refused on the page; the student logs in and sees only their vhost', { timeout: 30_000 }, async () => {
      await page.fill('#login-user', STUDENT.user);
      await page.fill('#login-password', 'wrong');
      await page.click('#login-form button[type=submit]');
      await shows(page, '#login-error', /login failed: check the user name and password/);
      await page.fill('#login-password', STUDENT.password);
      await page.click('#login-form button[type=submit]');
      await shows(page, '#who', new RegExp(`^${STUDENT.user} \\(management\\)$`));
      const vhosts = await page.$$eval('#vhost option', (os) => os.map((o) => (o as HTMLOptionElement).value));
      assert.deepEqual(vhosts, [vhost], 'a student sees only the vhost they have permissions on');
      const fresh = await shows(page, '#freshness', /refreshes every 1 s/);
      // A student may not read RabbitMQ's node statistics, so the page gives the default interval.
      assert.match(fresh, kind === 'sim' ? /^broker-sim .*live numbers/ : /^RabbitMQ 3\.\S+: statistics are collected every collect_statistics_interval \(5 s unless the server sets another/);
    });

    test('the graph shows the exchange with its type, the binding key and the queue declared over AMQP', { timeout: 30_000 }, async () => {
      assert.match(await shows(page, '.node.exchange[data-id="x:shop"]', /shop.*direct exchange/), /shop/);
      await shows(page, '.edge-labels', /order\.new/);
      await shows(page, queueNode, /shop\.orders.*classic.*ready 0 · unacked 0/);
    });

    test('a message published from the page reaches the queue, and the page shows its count change', { timeout: 60_000 }, async () => {
      await page.selectOption('#publish-exchange', 'shop');
      await page.fill('#publish-key', 'order.new');
      await page.fill('#publish-payload', 'hello from the page');
      await page.click('#publish-form summary');
      await page.check('#publish-persistent');
      const clicked = Date.now();
      await page.click('#publish-form button[type=submit]');
      await shows(page, '#publish-result', /exchange shop with routing key 'order\.new': routed to a queue/);
      assert.equal(await messageCount(), 1, 'the broker has it');
      await shows(page, queueNode, /ready 1 · unacked 0/);
      console.log(`# broker view [${kind}]: published from the page, count shown ${Date.now() - clicked} ms after the click`);
    });

    test('peek shows the message and leaves it in the queue', { timeout: 30_000 }, async () => {
      await page.click(queueNode);
      await shows(page, '#queue-details .queue-name', /^shop\.orders$/);
      await page.fill('#peek-count', '5');
      await page.click('#peek');
      await shows(page, '#messages', /routing key 'order\.new' via shop.*hello from the page/);
      await shows(page, '#queue-result', /peeked at 1 message: they went back to the queue/);
      assert.equal(await messageCount(), 1, 'peeking requeues');
    });

    test('a consumer started with amqplib appears with its worker name, prefetch and unacked count', { timeout: 60_000 }, async () => {
      const started = Date.now();
      worker = await amqp.connect(target.amqpUrl, { clientProperties: { connection_name: 'worker-alice' } });
      const ch = await worker.createChannel();
      await ch.prefetch(1);
      await ch.consume('shop.orders', () => {}, { consumerTag: 'alice-1' });
      const text = await shows(page, '.node.consumer', /worker-alice.*alice-1.*prefetch 1 · unacked 1.*manual ack/);
      assert.match(text, /worker-alice/);
      console.log(`# broker view [${kind}]: consumer shown ${Date.now() - started} ms after basic.consume`);
      await shows(page, queueNode, /ready 0 · unacked 1/);
      if (kind === 'sim') {
        const first = await shows(page, '#lease-table tbody', /shop\.orders.*alice-1.*worker-alice.*\d+ min \d\d s/);
        // The countdown moves between refreshes.
        await page.waitForFunction((before) => document.querySelector('#lease-table tbody')?.textContent !== before, first, { timeout: 5000 });
        assert.match(await page.textContent('#lease-table tbody') ?? '', /9 min \d\d s/);
      } else {
        await shows(page, '#lease-table', /RabbitMQ's management API does not list which consumer holds which message/);
      }
    });

    test('messages flowing at a steady rate show as dots moving along the edges', { timeout: 60_000 }, async () => {
      const ch = await conn.createChannel();
      const timer = setInterval(() => { for (let i = 0; i < 2; i++) ch.publish('shop', 'order.new', Buffer.from('tick')); }, 250);
      try {
        await shows(page, '.edge-labels', /\d+(\.\d)?\/s/);
        await page.waitForFunction(() => document.querySelectorAll('svg .dots circle').length > 0, undefined, { timeout: 30_000 });
        const at = async (): Promise<string> => page.$eval('svg .dots circle', (c) => `${c.getAttribute('cx')},${c.getAttribute('cy')}`);
        const a = await at();
        await page.waitForFunction((was) => {
          const c = document.querySelector('svg .dots circle');
          return c !== null && `${c.getAttribute('cx')},${c.getAttribute('cy')}` !== was;
        }, a, { timeout: 5000 });
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: join(shots, `${kind}-1280x800.png`) });
      } finally {
        clearInterval(timer);
        await ch.close();
      }
    });

    test('the table view lists the queue with the counts the broker has', { timeout: 60_000 }, async () => {
      await page.click('#tab-table');
      assert.equal(await page.getAttribute('#tab-table', 'aria-selected'), 'true');
      const count = await messageCount();
      await page.waitForFunction((n) => {
        const row = [...document.querySelectorAll('#queue-table tbody tr')].find((r) => r.querySelector('th')?.textContent === 'shop.orders');
        return row !== undefined && row.querySelectorAll('td')[1]?.textContent === String(n);
      }, count, { timeout: 30_000 });
      await shows(page, '#table-panel', /Consumers.*worker-alice.*alice-1.*shop\.orders/);
      await page.click('#tab-graph');
    });

    test('on a narrow window the page fits its width and the graph is still drawn', { timeout: 30_000 }, async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, undefined, { timeout: 5000 });
      assert.ok(await page.isVisible(queueNode), 'the queue node is on the page');
      await page.screenshot({ path: join(shots, `${kind}-390x844.png`) });
      await page.setViewportSize({ width: 1280, height: 800 });
      if (process.env.UPDATE_SCREENSHOTS) {
        copyFileSync(join(shots, `${kind}-1280x800.png`), join(root, `broker-sim/src/http/web/screenshot-${kind}.png`));
      }
      console.log(`# broker view [${kind}]: screenshots in ${shots}`);
    });

    test('purge asks first: cancel keeps the messages, OK drops the ready ones', { timeout: 60_000 }, async () => {
      // Ready messages of its own to purge, whatever the steady-rate test left behind.
      const pub = await conn.createConfirmChannel();
      for (let i = 0; i < 3; i++) pub.publish('shop', 'order.new', Buffer.from('to purge'));
      await pub.waitForConfirms();
      await pub.close();
      await page.click(queueNode);
      const before = await messageCount();
      assert.ok(before >= 3, `${before} ready`);
      await page.click('#purge');
      await shows(page, '#confirm-text', /^Purge queue shop\.orders\? Its \d+ ready messages? (is|are) dropped/);
      await page.click('#confirm-cancel');
      await shows(page, '#queue-result', /^cancelled$/);
      assert.equal(await messageCount(), before, 'cancel changes nothing');
      await page.click('#purge');
      await page.click('#confirm-ok');
      await shows(page, '#queue-result', /^purged shop\.orders$/);
      assert.equal(await messageCount(), 0);
      await shows(page, queueNode, /ready 0 · unacked 1/);
    });

    test('delete asks first and removes the queue from the page', { timeout: 60_000 }, async () => {
      await page.click('#delete');
      await shows(page, '#confirm-text', /^Delete queue shop\.orders and its \d+ messages?\? Its 1 consumer/);
      await page.click('#confirm-ok');
      await shows(page, '#queue-result', /deleted shop\.orders|queue shop\.orders is gone/);
      await page.waitForSelector(queueNode, { state: 'detached', timeout: 30_000 });
      const ch = await conn.createChannel();
      ch.on('error', () => {});
      await assert.rejects(ch.checkQueue('shop.orders'), /404/);
    });

    test('logging out shows the login form again, and the page had no script errors', { timeout: 10_000 }, async () => {
      await page.click('#logout');
      assert.ok(await page.isVisible('#login-form'));
      assert.ok(await page.isHidden('#app'));
      assert.deepEqual(errors, []);
    });
  });
}
