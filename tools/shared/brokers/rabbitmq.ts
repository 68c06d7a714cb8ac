/**
 * Real RabbitMQ for a test run, a grading run or the bench: the one named by RABBITMQ_URL, else a
 * container of RABBITMQ_IMAGE started with testcontainers when Docker works.
 */
import { execFileSync } from 'node:child_process';
import { MANAGEMENT_PORT } from '../../../broker-sim/src/discovery.ts';
import { ToolError } from '../connect.ts';

/** The RabbitMQ the kit is tested against: 3.10 with the management plugin (docker-compose.yml uses it too). */
export const RABBITMQ_IMAGE = 'rabbitmq:3.10.8-management';

export interface RabbitMq {
  kind: 'rabbitmq';
  /** AMQP URL with credentials. */
  url: string;
  /** Its management API: RABBITMQ_MANAGEMENT_URL, else port 15672 of the AMQP URL's host. */
  managementUrl: string;
  /** How to run rabbitmqctl on that node, when it is not the local one (a container). */
  rabbitmqctl?: string;
  /** Where it came from, in words. */
  note: string;
  /** Stops what was started for the run (a container); leaves a RABBITMQ_URL broker alone. */
  close(): Promise<void>;
}

/** No RabbitMQ can be had: the message says what to set up. */
export class RabbitMqUnavailable extends ToolError {
  override name = 'RabbitMqUnavailable';
}

/** The RabbitMQ named by RABBITMQ_URL (and RABBITMQ_MANAGEMENT_URL), or undefined when it is not set. */
export function rabbitMqFromEnv(env: NodeJS.ProcessEnv = process.env): RabbitMq | undefined {
  const url = env.RABBITMQ_URL;
  if (!url) return undefined;
  return {
    kind: 'rabbitmq', url,
    managementUrl: env.RABBITMQ_MANAGEMENT_URL ?? `http://${new URL(url).hostname}:${MANAGEMENT_PORT}`,
    ...(env.RABBITMQCTL ? { rabbitmqctl: env.RABBITMQCTL } : {}),
    note: url,
    close: async () => {},
  };
}

export function dockerWorks(): boolean {
  try { execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 10_000 }); return true; } catch { return false; }
}

/** RABBITMQ_URL's broker; else a fresh container; else RabbitMqUnavailable. */
export async function startRabbitMq(env: NodeJS.ProcessEnv = process.env): Promise<RabbitMq> {
  const given = rabbitMqFromEnv(env);
  if (given) return given;
  if (!dockerWorks()) {
    throw new RabbitMqUnavailable('RabbitMQ needs RABBITMQ_URL (e.g. amqp://guest:guest@127.0.0.1:5672) or a working Docker for testcontainers');
  }
  const { GenericContainer, Wait } = await import('testcontainers');
  const c = await new GenericContainer(RABBITMQ_IMAGE).withExposedPorts(5672, MANAGEMENT_PORT)
    .withWaitStrategy(Wait.forLogMessage(/Server startup complete/)).withStartupTimeout(120_000).start();
  const host = c.getHost();
  return {
    kind: 'rabbitmq',
    url: `amqp://guest:guest@${host}:${c.getMappedPort(5672)}`,
    managementUrl: `http://${host}:${c.getMappedPort(MANAGEMENT_PORT)}`,
    rabbitmqctl: `docker exec ${c.getId()} rabbitmqctl`,
    note: `a ${RABBITMQ_IMAGE} container started with testcontainers (${c.getId().slice(0, 12)})`,
    close: async () => { await c.stop(); },
  };
}

/** The environment that points the kit's tests at this RabbitMQ. */
export function rabbitMqEnv(r: RabbitMq): Record<string, string> {
  return { RABBITMQ_URL: r.url, RABBITMQ_MANAGEMENT_URL: r.managementUrl, ...(r.rabbitmqctl ? { RABBITMQCTL: r.rabbitmqctl } : {}) };
}
