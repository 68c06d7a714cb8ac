/**
 * The broker a grading run uses: `sim` starts a private broker-sim on a free port with a throw-away
 * database (so graders run in parallel without interference); `rabbitmq` uses RABBITMQ_URL, or a
 * RabbitMQ started with testcontainers when Docker works.
 */
import { execFileSync } from 'node:child_process';
import { startPrivateSim } from '../../test/support/brokers.ts';
import { ToolError } from '../shared/connect.ts';

export interface GradingBroker { kind: 'sim' | 'rabbitmq'; url: string; managementUrl?: string; stop(): Promise<void> }

function dockerWorks(): boolean {
  try { execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 5000 }); return true; } catch { return false; }
}

export async function gradingBroker(kind: 'sim' | 'rabbitmq'): Promise<GradingBroker> {
  if (kind === 'sim') {
    const sim = await startPrivateSim();
    return { kind, url: sim.url, ...(sim.managementUrl ? { managementUrl: sim.managementUrl } : {}), stop: () => sim.close() };
  }
  if (process.env.RABBITMQ_URL) {
    const managementUrl = process.env.RABBITMQ_MANAGEMENT_URL ?? `http://${new URL(process.env.RABBITMQ_URL).hostname}:15672`;
    return { kind, url: process.env.RABBITMQ_URL, managementUrl, stop: async () => {} };
  }
  if (!dockerWorks()) {
    throw new ToolError('--broker rabbitmq needs RABBITMQ_URL (e.g. amqp://guest:guest@127.0.0.1:5672) or a working Docker for testcontainers');
  }
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer('rabbitmq:3-management').withExposedPorts(5672, 15672)
    .withWaitStrategy(Wait.forLogMessage(/Server startup complete/)).start();
  return {
    kind, url: `amqp://guest:guest@${container.getHost()}:${container.getMappedPort(5672)}`,
    managementUrl: `http://${container.getHost()}:${container.getMappedPort(15672)}`,
    stop: async () => { await container.stop(); },
  };
}
