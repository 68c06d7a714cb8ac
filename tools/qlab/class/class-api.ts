/**
 * A class on a broker, through its management API (broker-sim's or RabbitMQ's, the calls
 * rabbitmqadmin makes): each student a user tagged `management` (so qtop works on their own
 * vhost), a vhost of their own with its limits, and full rights in it — and nowhere else.
 */
import type { ManagementClient, PermissionInfo, UserInfo } from '../../shared/management-client.ts';
import { ToolError } from '../../shared/connect.ts';
import { DEFAULT_LIMITS, type StudentLimits } from './broker-options.ts';
import type { Student } from './roster.ts';

export const STUDENT_TAGS = ['management'];
export const FULL_RIGHTS = { configure: '.*', write: '.*', read: '.*' };

export interface ClassMember { user: string; vhosts: string[]; connections: number }

const tagsOf = (u: UserInfo): string[] => (Array.isArray(u.tags) ? u.tags : u.tags.split(',').filter(Boolean));

/** A student is a user whose only tag is management. */
const isStudent = (u: UserInfo): boolean => tagsOf(u).join(',') === STUDENT_TAGS.join(',');

/**
 * Refuses a roster that would change someone who is not a student (an administrator named in it
 * would lose their tags): checked before anything is made.
 */
export async function checkRoster(api: ManagementClient, students: Student[]): Promise<void> {
  const users = new Map((await api.getUsers()).map((u) => [u.name, u]));
  const bad = students.filter((s) => users.has(s.user) && !isStudent(users.get(s.user)!))
    .map((s) => `line ${s.line}: '${s.user}' is a user with tags '${tagsOf(users.get(s.user)!).join(',')}', not a student`);
  if (bad.length) throw new ToolError(`${bad.join('; ')} (nothing was made)`);
}

/**
 * Makes one student (again: every call is a PUT, so a second run changes nothing). When a step
 * fails, what this call created is deleted again, so no student is left half-made.
 */
export async function provision(api: ManagementClient, s: Student, limits: StudentLimits = DEFAULT_LIMITS): Promise<'created' | 'exists'> {
  const hadUser = (await api.getUsers()).some((u) => u.name === s.user);
  const vhost = await api.putVhost(s.vhost);
  try {
    await api.putUser(s.user, s.password, STUDENT_TAGS);
    await api.putPermissions(s.vhost, s.user, FULL_RIGHTS);
    for (const [name, value] of Object.entries(limits) as [keyof StudentLimits, number][]) await api.putVhostLimit(s.vhost, name, value);
  } catch (err) {
    if (!hadUser) await api.deleteUser(s.user).catch(() => {});
    if (vhost === 'created') await api.deleteVhost(s.vhost).catch(() => {});
    throw err;
  }
  return vhost === 'created' || !hadUser ? 'created' : 'exists';
}

/** Checks the students against the broker, then makes each: a line per student saying what happened. */
export async function makeStudents(api: ManagementClient, students: Student[], limits: StudentLimits = DEFAULT_LIMITS): Promise<string[]> {
  await checkRoster(api, students);
  const lines: string[] = [];
  for (const s of students) lines.push(`${s.user}: ${await provision(api, s, limits)} (vhost ${s.vhost})`);
  return lines;
}

/** The students on the broker, with their vhosts and open connections. */
export async function listClass(api: ManagementClient): Promise<ClassMember[]> {
  const [users, perms, conns] = await Promise.all([api.getUsers(), api.getPermissions(), api.getConnections()]);
  return users.filter(isStudent).map((u) => ({
    user: u.name,
    vhosts: perms.filter((p: PermissionInfo) => p.user === u.name).map((p) => p.vhost).sort(),
    connections: conns.filter((c) => c.user === u.name).length,
  })).sort((a, b) => a.user.localeCompare(b.user));
}

async function member(api: ManagementClient, user: string): Promise<ClassMember> {
  const m = (await listClass(api)).find((s) => s.user === user);
  if (!m) throw new ToolError(`'${user}' is not a student on this broker (qlab class list shows who is)`);
  return m;
}

/** Deletes the student and their vhost(s), which closes their connections. */
export async function removeStudent(api: ManagementClient, user: string): Promise<ClassMember> {
  const m = await member(api, user);
  for (const v of m.vhosts.filter((v) => v !== '/')) await api.deleteVhost(v);
  await api.deleteUser(user);
  return m;
}

/** Empties a student's vhost(s): deletes its queues and its own exchanges (amq.* and the default stay). */
export async function resetStudent(api: ManagementClient, user: string): Promise<{ queues: number; exchanges: number }> {
  const m = await member(api, user);
  let queues = 0;
  let exchanges = 0;
  for (const v of m.vhosts.filter((v) => v !== '/')) {
    for (const q of await api.getQueues(v)) { await api.deleteQueue(v, q.name); queues++; }
    for (const x of await api.getExchanges(v)) {
      if (x.name === '' || x.name.startsWith('amq.')) continue;
      await api.deleteExchange(v, x.name);
      exchanges++;
    }
  }
  return { queues, exchanges };
}
