/**
 * A class as a definitions document, the JSON `rabbitmqadmin import FILE` and POST /api/definitions
 * take (and RabbitMQ's load_definitions at boot): users with their passwords, vhosts, full rights,
 * and the max-queues limit as a vhost-limits parameter.
 */
import { FULL_RIGHTS, STUDENT_TAGS } from './class-api.ts';
import type { Student } from './roster.ts';

export interface Definitions {
  users: { name: string; password: string; tags: string }[];
  vhosts: { name: string }[];
  permissions: { user: string; vhost: string; configure: string; write: string; read: string }[];
  parameters: { vhost: string; component: 'vhost-limits'; name: 'limits'; value: { 'max-queues': number } }[];
}

export function classDefinitions(students: Student[], limits: { maxQueues?: number } = {}): Definitions {
  const max = limits.maxQueues;
  return {
    users: students.map((s) => ({ name: s.user, password: s.password, tags: STUDENT_TAGS.join(',') })),
    vhosts: students.map((s) => ({ name: s.vhost })),
    permissions: students.map((s) => ({ user: s.user, vhost: s.vhost, ...FULL_RIGHTS })),
    parameters: max === undefined ? [] : students.map((s) => ({ vhost: s.vhost, component: 'vhost-limits' as const, name: 'limits' as const, value: { 'max-queues': max } })),
  };
}
