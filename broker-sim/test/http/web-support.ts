/**
 * Helpers for the broker view's tests: a throw-away vhost on the broker under test (made and removed
 * with the management API as guest), the page's API client for it, and headless Chromium.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { PageApi } from '../../src/http/web/api-client.ts';

/** guest's call to the management API; throws with the API's answer unless it is 2xx. */
export async function admin(managementUrl: string, method: string, path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${managementUrl}/api/${path}`, {
    method,
    headers: { authorization: `Basic ${btoa('guest:guest')}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} /api/${path}: HTTP ${res.status} ${await res.text()}`);
}

/** A vhost of the test's own, with guest's permissions on it (RabbitMQ's vhost / stays the suite's). */
export async function makeVhost(managementUrl: string, name: string): Promise<void> {
  await admin(managementUrl, 'PUT', `vhosts/${encodeURIComponent(name)}`);
  // RabbitMQ and broker-sim both give the creator full permissions; PUT /api/permissions is RabbitMQ's only.
  await admin(managementUrl, 'PUT', `permissions/${encodeURIComponent(name)}/guest`, { configure: '.*', write: '.*', read: '.*' }).catch(() => {});
}

export async function dropVhost(managementUrl: string, name: string): Promise<void> {
  await admin(managementUrl, 'DELETE', `vhosts/${encodeURIComponent(name)}`).catch(() => {});
}

/** The AMQP URL of a vhost. */
export const vhostUrl = (url: string, vhost: string): string => `${url.replace(/\/+$/, '')}/${encodeURIComponent(vhost)}`;

export const pageApi = (managementUrl: string, user = 'guest', password = 'guest'): PageApi => new PageApi(`${managementUrl}/api/`, user, password);

/** Debian's chromium (or $CHROMIUM): its path, or why there is none. */
export function chromiumPath(): { path: string } | { missing: string } {
  const path = process.env.CHROMIUM ?? '/usr/bin/chromium';
  return existsSync(path) ? { path } : { missing: `no Chromium at ${path} (apt-get install chromium, or set CHROMIUM)` };
}

/** Headless Chromium with a fresh profile, in a window of width × height. */
export async function launchChromium(path: string, width: number, height: number): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'queuelab-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: path, headless: true, viewport: { width, height },
    // As root Chromium needs --no-sandbox; the rest keep it from calling out of this closed network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where a test leaves what a person may want to look at (screenshots): $TEST_OUTPUT, else a temp folder. */
export function testOutput(name: string): string {
  const dir = join(process.env.TEST_OUTPUT ?? join(tmpdir(), 'queuelab-test-output'), name);
  mkdirSync(dir, { recursive: true });
  return dir;
}
