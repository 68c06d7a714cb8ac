/**
 * The lab's worker: takes messages from a queue one at a time, fakes work, and acknowledges or
 * fails as its flags say. Messages are handled strictly in order, as a single-threaded worker would.
 */
import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import { outcomeFor, workMillis, type FailureRates } from './outcome.ts';
import { sleep } from '../shared/output.ts';

export interface WorkerOptions extends FailureRates {
  queue: string;
  acknowledge: boolean;
  prefetch?: number;
  delayPerChar: number;
  print: (event: string, detail: string) => void;
  /** Called for --crash-every: the process ends abruptly, mid-message. */
  crash: () => never;
}

export interface Summary { received: number; acked: number; lost: number; nacked: number; rejected: number; redelivered: number }

export class Worker {
  readonly summary: Summary = { received: 0, acked: 0, lost: 0, nacked: 0, rejected: 0, redelivered: 0 };
  private chain: Promise<void> = Promise.resolve();
  private consumerTag: string | undefined;
  private ch: Channel | undefined;
  private stopping = false;
  private waiting: ConsumeMessage[] = [];

  constructor(private readonly o: WorkerOptions) {}

  async start(conn: ChannelModel): Promise<void> {
    const ch = await conn.createChannel();
    this.ch = ch;
    if (this.o.prefetch !== undefined && this.o.prefetch > 0) await ch.prefetch(this.o.prefetch);
    const { consumerTag } = await ch.consume(this.o.queue, (m) => {
      if (!m) { this.o.print('INFO', 'the broker cancelled this consumer (queue deleted?)'); return; }
      this.waiting.push(m);
      this.chain = this.chain.then(() => this.handle(m));
    }, { noAck: !this.o.acknowledge });
    this.consumerTag = consumerTag;
    this.o.print('INFO', `waiting for messages on '${this.o.queue}' (${this.o.acknowledge ? 'manual acks' : 'auto-ack'}${this.o.prefetch ? `, prefetch ${this.o.prefetch}` : ''})`);
  }

  private async handle(m: ConsumeMessage): Promise<void> {
    this.waiting.shift();
    if (this.stopping) return this.giveBack(m);
    const k = ++this.summary.received;
    const body = m.content.toString();
    if (m.fields.redelivered) this.summary.redelivered++;
    this.o.print(m.fields.redelivered ? 'REDELIVERED' : 'RECEIVED', `#${k} ${JSON.stringify(body)}`);
    const outcome = outcomeFor(k, this.o);
    const ch = this.ch!;
    switch (outcome) {
      case 'crash':
        await sleep(workMillis(body, this.o.delayPerChar) / 2);
        this.o.print('CRASH', `#${k} the worker dies in the middle of this message`);
        this.o.crash();
        break;
      case 'lose':
        this.summary.lost++;
        this.o.print('LOST', `#${k} ${JSON.stringify(body)} ${this.o.acknowledge ? 'never acked: the broker gives it to another worker when this one goes away' : 'auto-acked, so it is gone for good'}`);
        return;
      case 'nack':
        if (!this.o.acknowledge) break;
        this.summary.nacked++;
        ch.nack(m, false, true);
        this.o.print('NACKED', `#${k} retry later: requeued`);
        return;
      case 'reject':
        if (!this.o.acknowledge) break;
        this.summary.rejected++;
        ch.reject(m, false);
        this.o.print('REJECTED', `#${k} do not retry: dropped (or dead-lettered)`);
        return;
      case 'process':
        break;
    }
    await sleep(workMillis(body, this.o.delayPerChar));
    if (this.o.acknowledge) {
      ch.ack(m);
      this.summary.acked++;
      this.o.print('ACKED', `#${k} done`);
    } else {
      this.o.print('DONE', `#${k} done`);
    }
  }

  /** Messages not started when the worker stops go back to the queue (with --acknowledge). */
  private giveBack(m: ConsumeMessage): void {
    if (this.o.acknowledge) this.ch?.nack(m, false, true);
  }

  /** Stops taking messages, finishes the current one, returns the rest. */
  async stop(): Promise<Summary> {
    this.stopping = true;
    if (this.consumerTag && this.ch) await this.ch.cancel(this.consumerTag).catch(() => {});
    await this.chain;
    for (const m of this.waiting.splice(0)) this.giveBack(m);
    return this.summary;
  }
}
