/**
 * What the admin commands change, wherever it lives: the running broker for the database (found
 * by discovery), through its management API with its local admin token (admin-token.ts) — the
 * change takes effect at once, as rabbitmqctl's do — or, with no broker running on it, the
 * database file itself. A broker on the database that cannot be reached is an error: its file is
 * never written behind its back.
 */
import { resolve } from 'node:path';
import type { PermissionRecord, PolicyRecord } from '../../core/storage.ts';
import type { VhostLimit } from '../../core/vhost.ts';
import { readAdminToken } from '../../admin-token.ts';
import { listDiscoveries, type Discovery } from '../../discovery.ts';
import { dbPathOf, type DbArgs } from '../db-options.ts';
import { ApiAdmin } from './api-admin.ts';
import { DbAdmin } from './db-admin.ts';

export interface UserEntry { name: string; tags: string[] }
/** A policy as RabbitMQ's API and set_policy take it. */
export interface PolicyBody { pattern: string; definition: unknown; priority: number; 'apply-to': string }
export interface LimitsEntry { vhost: string; value: Record<string, number> }

export interface Admin {
  /** " on the running broker-sim (pid N)", or "" when the database is written directly. */
  readonly where: string;
  putUser(name: string, password: string, tags: string): Promise<void>;
  /** false: there was no such user. */
  deleteUser(name: string): Promise<boolean>;
  users(): Promise<UserEntry[]>;
  addVhost(name: string): Promise<void>;
  deleteVhost(name: string): Promise<boolean>;
  vhosts(): Promise<string[]>;
  /** Throws a one-line error when the user or the vhost does not exist. */
  setPermission(p: PermissionRecord): Promise<void>;
  clearPermission(user: string, vhost: string): Promise<boolean>;
  permissions(): Promise<PermissionRecord[]>;
  /** Throws a one-line error when the vhost does not exist. */
  setLimit(vhost: string, name: VhostLimit, value: number): Promise<void>;
  clearLimit(vhost: string, name: VhostLimit): Promise<void>;
  limits(): Promise<LimitsEntry[]>;
  /** Throws a one-line error ("policy refused: …", "no vhost …") when it is not taken. */
  setPolicy(vhost: string, name: string, body: PolicyBody): Promise<void>;
  clearPolicy(vhost: string, name: string): Promise<boolean>;
  policies(vhost?: string): Promise<PolicyRecord[]>;
}

/** RabbitMQ's validation reason as one line of the admin commands. */
export function policyRefused(reason: string): Error {
  return new Error(`policy refused: ${reason.replace(/^Validation failed\s*/, '').trim()}`);
}

/** The running broker on this database file, if any. */
function brokerOn(path: string): Discovery | undefined {
  if (path === ':memory:') return undefined;
  return listDiscoveries().find((d) => d.dbPath === resolve(path));
}

/** How to reach a running broker's API as the local admin; throws a one-line error when it cannot be. */
function reach(running: Discovery, path: string): ApiAdmin {
  const token = readAdminToken(path);
  if (!running.managementUrl || token?.pid !== running.pid) {
    // Without --no-http the API is off only because its port was taken (RabbitMQ's management plugin on 15672).
    throw new Error(`broker-sim (pid ${running.pid}, ${running.amqpUrl}) runs on ${path} without its management API `
      + '(started with --no-http, or its port was taken), so this change cannot reach it; '
      + 'restart it with --http-port N (or --any-port), or stop it first');
  }
  return new ApiAdmin({ pid: running.pid, managementUrl: running.managementUrl, token: token.token });
}

/** Runs fn on the running broker of `--db` if there is one, else on the database; closes what it opened. */
export async function withAdmin<T>(a: DbArgs, fn: (admin: Admin) => Promise<T>): Promise<T> {
  const path = dbPathOf(a);
  const running = brokerOn(path);
  if (running) return fn(reach(running, path));
  const admin = new DbAdmin(path);
  try {
    return await fn(admin);
  } finally {
    admin.close();
  }
}

/** Makes one change and says so, naming the running broker when it went there. */
export async function change(a: DbArgs, fn: (admin: Admin) => Promise<void>, done: string): Promise<void> {
  const where = await withAdmin(a, async (admin) => {
    await fn(admin);
    return admin.where;
  });
  console.log(done + where);
}
