/**
 * Crash safety, measured: cycles of publishers (persistent, confirmed) and consumers (manual acks)
 * working against broker-sim until it is killed with SIGKILL at a random moment, then restarted on
 * the same database. At the end every confirmed message is accounted for: delivered, or still in
 * the queue (or, at most once, in its failed queue). Lost = confirmed and never seen again; an acked
 * message that comes back (its ack older than the crash by more than the commit window) counts too;
 * at most once, a message delivered twice is a duplicate.
 */
import { rmSync } from 'node:fs';
import amqp from 'amqplib';
import { scratchDir, startSimProcess, type SimProcess } from '../tools/shared/brokers/index.ts';

export interface TortureOptions {
  cycles: number;
  publishers: number;
  consumers: number;
  seed: number;
  atMostOnce: boolean;
  /** Each cycle runs this long (ms, random in the range) before the kill. */
  runMs: [number, number];
  log?: (line: string) => void;
}

export interface CycleRow { cycle: number; published: number; confirmed: number; acked: number; killedAfterMs: number }
export interface TortureResult {
  rows: CycleRow[];
  confirmed: number;
  lost: number;
  ackedCameBack: number;
  /** Acks sent within the commit window before a kill, whose message came back: allowed, as on RabbitMQ. */
  inFlightAcksReturned: number;
  duplicated: number;
  seed: number;
}

/** Acks this close to the kill may not have reached the disk yet (commit batching + socket). */
const ACK_IN_FLIGHT_MS = 100;
const QUEUE = 'torture';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function runTorture(o: TortureOptions): Promise<TortureResult> {
  const random = rng(o.seed);
  const dir = scratchDir();
  const extra = o.atMostOnce ? ['--at-most-once'] : [];
  const confirmed = new Set<string>();
  const deliveries = new Map<string, number>();
  const ackedAt = new Map<string, number>();
  let ackedCameBack = 0;
  let inFlightAcksReturned = 0;
  let lastKillAt = 0;
  const rows: CycleRow[] = [];
  let sim: SimProcess | undefined;
  try {
    for (let cycle = 1; cycle <= o.cycles; cycle++) {
      sim = await startSimProcess(dir, extra);
      const conns: amqp.ChannelModel[] = [];
      const row: CycleRow = { cycle, published: 0, confirmed: 0, acked: 0, killedAfterMs: 0 };
      let running = true;
      const open = async (): Promise<amqp.ChannelModel> => {
        const c = await amqp.connect(sim!.url);
        c.on('error', () => {});
        conns.push(c);
        return c;
      };
      const setup = await (await open()).createChannel();
      await setup.assertQueue(QUEUE, { durable: true });
      for (let k = 0; k < o.consumers; k++) {
        const ch = await (await open()).createChannel();
        ch.on('error', () => {});
        await ch.prefetch(1 + Math.floor(random() * 20));
        await ch.consume(QUEUE, (m) => {
          if (!m || !running) return;
          const id = m.content.toString();
          deliveries.set(id, (deliveries.get(id) ?? 0) + 1);
          const acked = ackedAt.get(id);
          if (acked !== undefined) {
            if (lastKillAt - acked > ACK_IN_FLIGHT_MS) ackedCameBack++; else inFlightAcksReturned++;
          }
          try { ch.ack(m); ackedAt.set(id, Date.now()); row.acked++; } catch { /* the broker is gone */ }
        });
      }
      const publishers = Array.from({ length: o.publishers }, async (_, p) => {
        const ch = await (await open()).createConfirmChannel();
        let broken = false;
        ch.on('error', () => { broken = true; });
        ch.on('close', () => { broken = true; });
        let seq = 0;
        while (running && !broken) {
          const batch: Promise<void>[] = [];
          for (let i = 0; i < 20 && running; i++) {
            const id = `c${cycle}-p${p}-${seq++}`;
            row.published++;
            batch.push(new Promise<void>((resolve) => {
              try {
                ch.sendToQueue(QUEUE, Buffer.from(id), { persistent: true }, (err) => {
                  if (!err) { confirmed.add(id); row.confirmed++; }
                  resolve();
                });
              } catch (err) { broken = true; o.log?.(`publisher ${p}: ${(err as Error).message}`); resolve(); }
            }));
          }
          // Wait for this batch's confirms, or for the kill.
          await Promise.race([Promise.all(batch), new Promise((r) => setTimeout(r, 2000))]);
        }
      });
      o.log?.(`cycle ${cycle}: running`);
      const runFor = o.runMs[0] + Math.floor(random() * (o.runMs[1] - o.runMs[0]));
      await new Promise((r) => setTimeout(r, runFor));
      lastKillAt = Date.now();
      await sim.stop('SIGKILL');
      running = false;
      row.killedAfterMs = runFor;
      o.log?.(`cycle ${cycle}: killed`);
      await Promise.all(publishers.map((p) => p.catch(() => {})));
      o.log?.(`cycle ${cycle}: publishers stopped`);
      // A connection to a killed broker may never answer close: do not wait long for it.
      for (const c of conns) await Promise.race([c.close().catch(() => {}), new Promise((r) => setTimeout(r, 200))]);
      rows.push(row);
      o.log?.(`cycle ${cycle}: published ${row.published}, confirmed ${row.confirmed}, acked ${row.acked}, killed after ${runFor} ms`);
    }
    // The last restart: everything left is drained and counted.
    sim = await startSimProcess(dir, extra);
    const c = await amqp.connect(sim.url);
    const ch = await c.createChannel();
    const left = new Set<string>();
    for (const q of o.atMostOnce ? [QUEUE, `${QUEUE}.failed`] : [QUEUE]) {
      for (let m = await ch.get(q, { noAck: true }); m; m = await ch.get(q, { noAck: true })) {
        const id = m.content.toString();
        left.add(id);
        const acked = ackedAt.get(id);
        if (q === QUEUE && acked !== undefined) {
          if (lastKillAt - acked > ACK_IN_FLIGHT_MS) ackedCameBack++; else inFlightAcksReturned++;
        }
      }
    }
    await c.close();
    await sim.stop('SIGTERM');
    const lost = [...confirmed].filter((id) => !deliveries.has(id) && !left.has(id)).length;
    const duplicated = o.atMostOnce ? [...deliveries.values()].filter((n) => n > 1).length : 0;
    return { rows, confirmed: confirmed.size, lost, ackedCameBack, inFlightAcksReturned, duplicated, seed: o.seed };
  } finally {
    await sim?.stop('SIGKILL').catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

export function tortureTable(r: TortureResult): string {
  const lines = ['| cycle | published | confirmed | acked | killed after |', '|---|---|---|---|---|'];
  for (const row of r.rows) lines.push(`| ${row.cycle} | ${row.published} | ${row.confirmed} | ${row.acked} | ${row.killedAfterMs} ms |`);
  lines.push('', `cycles ${r.rows.length}, confirmed ${r.confirmed}, lost ${r.lost}, acked and back ${r.ackedCameBack}, `
    + `acks in flight at a kill and back ${r.inFlightAcksReturned}, duplicated ${r.duplicated} (seed ${r.seed})`);
  return lines.join('\n');
}
