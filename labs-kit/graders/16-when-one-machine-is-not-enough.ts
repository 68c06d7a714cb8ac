/**
 * Lab 16 grader, on a three-node RabbitMQ cluster it starts for itself on this machine
 * (tools/shared/brokers/cluster.ts): the producer's queue is replicated on the three nodes; the
 * node of the queue's leader is stopped while orders are still coming and the consumer is behind;
 * every order the producer saw confirmed is then consumed, by the consumer on a node that stayed up.
 * A classic queue lives on one node: stopped with it, the orders it held are not consumed.
 */
import { clusterUnavailable, startRabbitCluster, type RabbitCluster } from '../../tools/shared/brokers/index.ts';
import type { Program } from '../program.ts';
import { StepFailure, until, type GradeContext, type Step } from '../step.ts';

const COUNT = 150;

const confirmed = (p: Program): Set<string> => new Set([...p.output.matchAll(/ \[x\] Confirmed (order \d+)/g)].map((m) => m[1]!));
const received = (p: Program): Set<string> => new Set([...p.output.matchAll(/ \[x\] Received (order \d+)/g)].map((m) => m[1]!));

async function members(cluster: RabbitCluster, queue: string): Promise<string[]> {
  const out = await cluster.rabbitmqctl(cluster.nodes[0]!, ['list_queues', 'name', 'type', 'members', '--formatter', 'json', '--quiet']);
  const q = (JSON.parse(out) as { name: string; members: string[] | string }[]).find((x) => x.name === queue);
  return Array.isArray(q?.members) ? q.members : [];
}

async function stopLeaderMidStream(ctx: GradeContext, cluster: RabbitCluster): Promise<void> {
  const second = cluster.nodes[1]!;
  const third = cluster.nodes[2]!;
  const queue = ctx.name('orders');
  // The producer declares the queue on the second node (a quorum queue's leader starts on the
  // declaring client's node); the consumer is on the third, which stays up.
  const producer = ctx.run('producer', [], { AMQP_URL: second.url, QUEUE: queue, COUNT: String(COUNT), DELAY_MS: '10' });
  await producer.waitFor(/Confirmed order 1\b/, 'expected producer.ts to print " [x] Confirmed order 1"', 60_000);
  const consumer = ctx.run('consumer', [], { AMQP_URL: third.url, QUEUE: queue, DELAY_MS: '30' });
  await consumer.waitFor(/Received order 1\b/, 'expected consumer.ts to print " [x] Received order 1"', 60_000);
  const replicas = await members(cluster, queue);
  await producer.waitFor(() => confirmed(producer).size >= COUNT / 3, `expected producer.ts to have ${COUNT / 3} orders confirmed`, 60_000);
  const leader = (await cluster.leaderOf(queue)) ?? second;
  if (leader === third) throw new StepFailure(`the queue's leader is on the consumer's node (${third.name}); expected it where producer.ts declared it`);
  await cluster.stopNode(leader);
  // Whatever the producer saw confirmed up to now, and anything it gets confirmed later, must arrive.
  await producer.exited.catch(() => {});
  const promised = confirmed(producer);
  const missing = (): string[] => [...promised].filter((o) => !received(consumer).has(o));
  const done = await until(async () => missing().length, (n) => n === 0, 30_000);
  if (done === undefined) {
    const gone = missing();
    const why = replicas.length < 3
      ? `the queue had ${replicas.length} replica(s): a classic queue lives on the one node it was declared on, and is gone with it; declare a quorum queue (x-queue-type: quorum), replicated on the 3 nodes`
      : `consumer.ts printed: ${consumer.output.split('\n').slice(-3).join(' | ')}`;
    throw new StepFailure(`${gone.length} of ${promised.size} confirmed orders were never consumed after the queue's node (${leader.name}) `
      + `was stopped (e.g. ${gone.slice(0, 3).join(', ')}): ${why}`);
  }
  if (replicas.length !== 3) throw new StepFailure(`expected the queue '${queue}' to be replicated on the 3 nodes; it had ${replicas.length} replica(s)`);
}

export const steps: Step[] = [
  {
    name: 'the queue is replicated on three nodes; with its leader\'s node stopped mid-stream, every confirmed order is consumed',
    unavailable: (broker) => clusterUnavailable()
      ?? (broker === 'rabbitmq' ? 'this grader starts its own three-node RabbitMQ cluster: it runs in the default (broker-sim) grading run' : undefined),
    async run(ctx) {
      const cluster = await startRabbitCluster();
      try {
        await stopLeaderMidStream(ctx, cluster);
      } finally {
        await cluster.close();
      }
    },
  },
];
