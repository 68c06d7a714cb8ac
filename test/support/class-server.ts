/**
 * A class server with one student on it, as the lab sheet has it: a vhost named after the student,
 * the default password 1Password, full rights in that vhost. broker-sim is set up the way README's
 * class-server section tells an instructor (`broker-sim user add … --vhost …` on the running broker);
 * RabbitMQ through its management API, with a vhost and user of a unique name deleted afterwards.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import amqp from 'amqplib';
import { listDiscoveries } from '../../broker-sim/src/discovery.ts';
import type { TmuxSession } from './tmux.ts';

export const SHEET_PASSWORD = '1Password';

export interface ClassServer {
  kind: 'sim' | 'rabbitmq';
  host: string;
  port: number;
  /** The student's user name, which is also the name of their vhost. */
  student: string;
  /** The management API (http://host:port). */
  managementUrl: string;
  /** The student's own AMQP URL. */
  url: string;
  close(): Promise<void>;
}

const studentName = (): string => `sheet-${randomBytes(3).toString('hex')}`;

function classServer(kind: ClassServer['kind'], host: string, port: number, student: string, managementUrl: string,
  close: () => Promise<void>): ClassServer {
  const url = `amqp://${student}:${SHEET_PASSWORD}@${host}:${port}/${encodeURIComponent(student)}`;
  return { kind, host, port, student, managementUrl, url, close };
}

/** An instructor's shell command in a pane of its own; resolves with what it printed once it exits 0. */
async function instructor(tmux: TmuxSession, command: string, env: Record<string, string>): Promise<string> {
  const pane = await tmux.pane(command, env);
  const text = await tmux.waitFor(pane, /\[exit \d+\]/, 20_000);
  if (!/\[exit 0\]/.test(text)) throw new Error(`\`${command}\` failed:\n${text}`);
  await tmux.closePane(pane);
  return text;
}

/**
 * broker-sim on a free port of every address (`broker-sim --host 0.0.0.0`), its database in `dir`,
 * then the student added with the kit's command while it runs.
 */
export async function simClassServer(tmux: TmuxSession, dir: string): Promise<ClassServer> {
  const env = { QUEUELAB_HOME: dir };
  const db = join(dir, 'queuelab.db');
  const pane = await tmux.pane(`node bin/broker-sim.js --no-tui --host 0.0.0.0 --port 0 --http-port 0 --db ${db}`, env);
  const text = await tmux.waitFor(pane, /management API on http/, 20_000);
  const port = Number(/listening on amqp:\/\/\S+:(\d+)/.exec(text)![1]);
  const found = listDiscoveries(env).find((d) => d.dbPath === db);
  if (!found?.managementUrl) throw new Error(`broker-sim wrote no discovery entry with a management API:\n${text}`);
  const student = studentName();
  const said = await instructor(tmux, `node bin/broker-sim.js user add ${student} --password ${SHEET_PASSWORD} --vhost ${student} --db ${db}`, env);
  if (!/on the running broker-sim/.test(said)) throw new Error(`user add did not reach the running broker:\n${said}`);
  return classServer('sim', '127.0.0.1', port, student, found.managementUrl, async () => {
    await tmux.keys(pane, 'C-c');
  });
}

/** The RabbitMQ of `amqpUrl` (management API on 15672 of its host, as guest), with the student made through its API. */
export async function rabbitClassServer(amqpUrl: string, managementUrl: string): Promise<ClassServer> {
  const u = new URL(amqpUrl);
  const admin = `Basic ${Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString('base64')}`;
  const api = async (method: string, path: string, body?: unknown): Promise<void> => {
    const res = await fetch(`${managementUrl}/api/${path}`, {
      method, headers: { authorization: admin, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok && !(method === 'DELETE' && res.status === 404)) throw new Error(`${method} /api/${path}: ${res.status} ${await res.text()}`);
  };
  const student = studentName();
  const cleanUp = async (): Promise<void> => {
    await api('DELETE', `vhosts/${encodeURIComponent(student)}`);
    await api('DELETE', `users/${encodeURIComponent(student)}`);
  };
  try {
    await api('PUT', `vhosts/${encodeURIComponent(student)}`, {});
    await api('PUT', `users/${encodeURIComponent(student)}`, { password: SHEET_PASSWORD, tags: 'management' });
    await api('PUT', `permissions/${encodeURIComponent(student)}/${encodeURIComponent(student)}`, { configure: '.*', write: '.*', read: '.*' });
  } catch (err) {
    await cleanUp();
    throw err;
  }
  return classServer('rabbitmq', u.hostname, Number(u.port || 5672), student, managementUrl, cleanUp);
}

const studentAuth = (server: ClassServer): string => `Basic ${Buffer.from(`${server.student}:${SHEET_PASSWORD}`).toString('base64')}`;

/** How many connections the student has open, as the management API lists them to the student. */
export async function connectionCount(server: ClassServer): Promise<number> {
  const res = await fetch(`${server.managementUrl}/api/connections`, { headers: { authorization: studentAuth(server) } });
  if (!res.ok) throw new Error(`GET connections: ${res.status} ${await res.text()}`);
  return (await res.json() as { user?: string }[]).filter((c) => c.user === server.student).length;
}

export interface QueueState {
  ready: number;
  unacked: number;
  consumers: number;
}

/** What the broker holds in the student's queue, read as the student through the management API; undefined when there is none. */
export async function queueState(server: ClassServer, queue: string): Promise<QueueState | undefined> {
  const res = await fetch(`${server.managementUrl}/api/queues/${encodeURIComponent(server.student)}/${encodeURIComponent(queue)}`,
    { headers: { authorization: studentAuth(server) } });
  if (res.status === 404) return undefined;
  if (!res.ok) throw new Error(`GET queue ${queue}: ${res.status} ${await res.text()}`);
  const q = await res.json() as { messages_ready?: number; messages_unacknowledged?: number; consumers?: number };
  return { ready: q.messages_ready ?? 0, unacked: q.messages_unacknowledged ?? 0, consumers: q.consumers ?? 0 };
}

/** The queue's ready messages and consumers as the student's passive queue.declare sees them; undefined when there is none. */
export async function declared(server: ClassServer, queue: string): Promise<{ ready: number; consumers: number } | undefined> {
  const c = await amqp.connect(server.url);
  try {
    const ch = await c.createChannel();
    ch.on('error', () => {});
    const q = await ch.checkQueue(queue).catch((err: { code?: number }) => { if (err.code === 404) return undefined; throw err; });
    return q && { ready: q.messageCount, consumers: q.consumerCount };
  } finally {
    await c.close().catch(() => {});
  }
}
