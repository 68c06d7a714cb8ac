/**
 * A class as a definitions document, the JSON `rabbitmqadmin import FILE` and POST /api/definitions
 * take (and RabbitMQ's load_definitions at boot): users with their passwords, vhosts, full rights,
 * and the vhost limits as a vhost-limits parameter (those that limit: -1 is none, as no parameter).
 */
import { DEFAULT_LIMITS, type StudentLimits } from './broker-options.ts';
import { FULL_RIGHTS, STUDENT_TAGS } from './class-api.ts';
import type { Student } from './roster.ts';

export interface Definitions {
  users: { name: string; password: string; tags: string }[];
  vhosts: { name: string }[];
  permissions: { user: string; vhost: string; configure: string; write: string; read: string }[];
  parameters: { vhost: string; component: 'vhost-limits'; name: 'limits'; value: Partial<StudentLimits> }[];
}

export function classDefinitions(students: Student[], limits: StudentLimits = DEFAULT_LIMITS): Definitions {
  const value = Object.fromEntries(Object.entries(limits).filter(([, n]) => n >= 0)) as Partial<StudentLimits>;
  return {
    users: students.map((s) => ({ name: s.user, password: s.password, tags: STUDENT_TAGS.join(',') })),
    vhosts: students.map((s) => ({ name: s.vhost })),
    permissions: students.map((s) => ({ user: s.user, vhost: s.vhost, ...FULL_RIGHTS })),
    parameters: Object.keys(value).length === 0 ? [] : students.map((s) => ({ vhost: s.vhost, component: 'vhost-limits' as const, name: 'limits' as const, value })),
  };
}
