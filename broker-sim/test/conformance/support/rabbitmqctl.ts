/**
 * RabbitMQ's CLI for tests that must change RabbitMQ for a moment (and put it back): RABBITMQCTL
 * (e.g. `docker exec ID rabbitmqctl` for a container), else the local rabbitmqctl.
 */
import { execFileSync } from 'node:child_process';

/** Runs rabbitmqctl with these arguments; returns what it printed. Throws when it fails. */
export function rabbitmqctl(...args: string[]): string {
  const [cmd, ...pre] = (process.env.RABBITMQCTL ?? 'rabbitmqctl').split(' ');
  return execFileSync(cmd!, [...pre, ...args], { stdio: 'pipe', timeout: 30_000 }).toString();
}

/** `rabbitmqctl eval EXPR`: what the Erlang expression returned, as printed. */
export function rabbitmqEval(expr: string): string {
  return rabbitmqctl('eval', expr).trim();
}

/** Why rabbitmqctl cannot run `args` here (a skip reason), or undefined when it can. */
export function cannotRun(what: string, ...args: string[]): string | undefined {
  try {
    rabbitmqctl(...args);
    return undefined;
  } catch (err) {
    return `${what} is not available here (${(err as Error).message.split('\n')[0]})`;
  }
}
