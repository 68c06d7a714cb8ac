/**
 * The class view's model: from one snapshot of the management API to one row per student (a vhost
 * other than '/'), named after the user with rights there who is not an administrator. Pure: the
 * last-activity clock is kept from one snapshot to the next by the caller (ClassActivity).
 */
import type { ConnectionInfo, PermissionInfo, QueueInfo, VhostInfo } from '../shared/management-client.ts';

export interface ClassSnapshot {
  at: number;
  vhosts: VhostInfo[];
  queues: QueueInfo[];
  connections: ConnectionInfo[];
  /** Who has rights where (needs an administrator); without it, a row is named after its vhost. */
  permissions?: PermissionInfo[];
  /** Users who are not students (administrators), left out of the names. */
  admins?: string[];
}

export interface StudentRow {
  student: string;
  vhost: string;
  connections: number;
  queues: number;
  ready: number;
  unacked: number;
  consumers: number;
  /** When something last changed in the vhost (ms), as far as the view has seen; undefined: never. */
  lastActivity?: number;
}

/** Vhosts the kit makes for itself (grading runs): not students. */
const NOT_STUDENTS = /^(\/|qlab-grade-.*)$/;

/** What changes when a student does anything: counts of messages moved, queues, connections. */
function signature(v: VhostInfo, queues: QueueInfo[], conns: ConnectionInfo[]): string {
  const s = v.message_stats ?? {};
  return JSON.stringify([s.publish ?? 0, s.deliver_get ?? 0, s.ack ?? 0, queues.map((q) => [q.name, q.messages ?? 0, q.consumers ?? 0]), conns.map((c) => c.name)]);
}

/** The last-activity clock: a vhost is active at a snapshot where its signature changed. */
export class ClassActivity {
  private readonly seen = new Map<string, { sig: string; at: number | undefined }>();

  rows(snap: ClassSnapshot): StudentRow[] {
    return snap.vhosts.filter((v) => !NOT_STUDENTS.test(v.name)).map((v) => this.row(snap, v))
      .sort((a, b) => a.student.localeCompare(b.student));
  }

  private row(snap: ClassSnapshot, v: VhostInfo): StudentRow {
    const queues = snap.queues.filter((q) => q.vhost === v.name);
    const conns = snap.connections.filter((c) => c.vhost === v.name);
    const sig = signature(v, queues, conns);
    const before = this.seen.get(v.name);
    const opened = conns.length ? Math.max(...conns.map((c) => c.connected_at)) : undefined;
    const at = before === undefined ? opened : before.sig === sig ? before.at : snap.at;
    this.seen.set(v.name, { sig, at });
    const sum = (f: (q: QueueInfo) => number | undefined): number => queues.reduce((n, q) => n + (f(q) ?? 0), 0);
    return {
      student: studentOf(snap, v.name), vhost: v.name, connections: conns.length, queues: queues.length,
      ready: sum((q) => q.messages_ready), unacked: sum((q) => q.messages_unacknowledged), consumers: sum((q) => q.consumers),
      ...(at === undefined ? {} : { lastActivity: at }),
    };
  }
}

function studentOf(snap: ClassSnapshot, vhost: string): string {
  const admins = new Set(snap.admins ?? []);
  const users = (snap.permissions ?? []).filter((p) => p.vhost === vhost && !admins.has(p.user)).map((p) => p.user).sort();
  return users.length ? users.join(', ') : vhost;
}

/** "12s ago", "3m ago", "1h ago", or "—" for never. */
export function ago(now: number, at: number | undefined): string {
  if (at === undefined) return '—';
  const s = Math.max(0, Math.round((now - at) / 1000));
  return s < 60 ? `${s}s ago` : s < 3600 ? `${Math.floor(s / 60)}m ago` : `${Math.floor(s / 3600)}h ago`;
}

/** The table as lines of text, `width` columns at most: connected students first marked ●, idle ○. */
export function renderClass(rows: StudentRow[], now: number, width = 80): string[] {
  const name = Math.max(7, ...rows.map((r) => r.student.length));
  const head = `  ${'student'.padEnd(name)}  conns  queues  ready  unacked  consumers  last activity`;
  const lines = rows.map((r) => `${r.connections ? '●' : '○'} ${r.student.padEnd(name)}  ${num(r.connections, 5)}  ${num(r.queues, 6)}  `
    + `${num(r.ready, 5)}  ${num(r.unacked, 7)}  ${num(r.consumers, 9)}  ${ago(now, r.lastActivity)}`);
  const connected = rows.filter((r) => r.connections > 0).length;
  return [`class: ${rows.length} students, ${connected} connected`, head, ...lines].map((l) => l.slice(0, width));
}

const num = (n: number, w: number): string => String(n).padStart(w);
