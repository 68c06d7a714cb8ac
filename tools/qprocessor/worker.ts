/**
 * The lab's worker: takes messages from a queue, fakes work, and acknowledges or fails as its flags
 * say. It has `concurrency` slots: with one, messages are handled strictly in order, as a
 * single-threaded worker would; with N, up to N at once, each acked when its own work ends, in
 * whatever order they finish (lapinmq's worker threads with prefetch N).
 */
import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import { outcomeFor, workMillis, type FailureRates } from './outcome.ts';
import { blockThread } from './fake-work.ts';
import { sleep } from '../shared/output.ts';

export interface WorkerOptions extends FailureRates {
  queue: string;
  acknowledge: boolean;
  /** basic.qos prefetch count; 0 = unlimited. */
  prefetch: number;
  /** How many messages are worked on at once. */
  concurrency: number;
  /** The fake work blocks the process (no heartbeats meanwhile) instead of waiting. */
  block: boolean;
  delayPerChar: number;
  print: (event: string, detail: string) => void;
  /** Called for --crash-every: the process ends abruptly, mid-message. */
  crash: () => never;
}

export interface Summary { received: number; acked: number; lost: number; nacked: number; rejected: number; redelivered: number }

/** The last time the fake work blocked the process: how long, and when it ended. */
export interface Block { ms: number; endedAt: number }

export class Worker {
  readonly summary: Summary = { received: 0, acked: 0, lost: 0, nacked: 0, rejected: 0, redelivered: 0 };
  /** The most messages worked on at the same time. */
  peak = 0;
  lastBlock: Block | undefined;
  private consumerTag: string | undefined;
  private ch: Channel | undefined;
  private conn: ChannelModel | undefined;
  private stopping = false;
  private lost = false;
  /** Why the broker closed this worker's channel, when it did (e.g. a consumer timeout). */
  channelError: string | undefined;
  /** Messages delivered but not yet in a slot. */
  private readonly waiting: ConsumeMessage[] = [];
  /** What each slot works on (index = slot number − 1), with its number and body. */
  private readonly slots: ({ m: ConsumeMessage; k: number; body: string; worked?: boolean } | undefined)[];
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly o: WorkerOptions) {
    this.slots = new Array(o.concurrency).fill(undefined);
  }

  async start(conn: ChannelModel): Promise<void> {
    this.conn = conn;
    const ch = await conn.createChannel();
    this.ch = ch;
    ch.on('error', (err: Error) => { this.channelError = err.message.split('\n')[0]; });
    // A channel the broker closes (a consumer timeout, an unknown delivery tag) takes no more acks:
    // this worker is done on this connection, and closes it so that the caller exits or reconnects.
    ch.on('close', () => {
      if (this.stopping) return;
      this.connectionLost(this.channelError ? 'the channel was closed' : 'the connection was lost');
      conn.close().catch(() => {});
    });
    if (this.o.prefetch > 0) await ch.prefetch(this.o.prefetch);
    const { consumerTag } = await ch.consume(this.o.queue, (m) => {
      if (!m) { this.o.print('INFO', 'the broker cancelled this consumer (queue deleted?)'); return; }
      this.waiting.push(m);
      if (this.consumerTag) this.fillSlots();
    }, { noAck: !this.o.acknowledge });
    this.consumerTag = consumerTag;
    this.o.print('INFO', `waiting for messages on '${this.o.queue}' (${this.describe()})`);
    // Messages already in the queue arrive with consume-ok, before this line; they start now.
    this.fillSlots();
  }

  private describe(): string {
    const parts = [this.o.acknowledge ? 'manual acks' : 'auto-ack'];
    if (this.o.prefetch) parts.push(`prefetch ${this.o.prefetch}`);
    if (this.o.concurrency > 1) parts.push(`${this.o.concurrency} at once`);
    if (this.o.block) parts.push('work blocks the process');
    return parts.join(', ');
  }

  /** Starts waiting messages in free slots, lowest slot first. */
  private fillSlots(): void {
    for (let i = this.slots.indexOf(undefined); i >= 0 && this.waiting.length > 0; i = this.slots.indexOf(undefined)) {
      const m = this.waiting.shift()!;
      if (this.stopping) { this.giveBack(m); continue; }
      const k = ++this.summary.received;
      this.slots[i] = { m, k, body: m.content.toString() };
      this.peak = Math.max(this.peak, this.slots.filter(Boolean).length);
      const run = this.handle(i).finally(() => {
        this.slots[i] = undefined;
        this.running.delete(run);
        this.fillSlots();
      });
      this.running.add(run);
    }
  }

  /** "#3" with one slot; "#3 "body" (slot 2)" with several, so every line says which message. */
  private label(i: number, withBody: boolean): string {
    const s = this.slots[i]!;
    if (this.o.concurrency === 1) return withBody ? `#${s.k} ${JSON.stringify(s.body)}` : `#${s.k}`;
    return `#${s.k} ${JSON.stringify(s.body)} (slot ${i + 1})`;
  }

  private async handle(i: number): Promise<void> {
    const { m, k, body } = this.slots[i]!;
    if (m.fields.redelivered) this.summary.redelivered++;
    this.o.print(m.fields.redelivered ? 'REDELIVERED' : 'RECEIVED', this.label(i, true));
    const ms = workMillis(body, this.o.delayPerChar);
    const ch = this.ch!;
    switch (outcomeFor(k, this.o)) {
      case 'crash':
        await sleep(ms / 2);
        this.o.print('CRASH', `${this.label(i, false)} the worker dies in the middle of this message`);
        this.o.crash();
        break;
      case 'lose':
        this.summary.lost++;
        this.o.print('LOST', `${this.label(i, true)} ${this.o.acknowledge ? 'never acked: the broker gives it to another worker when this one goes away' : 'auto-acked, so it is gone for good'}`);
        return;
      case 'nack':
        if (!this.o.acknowledge) break;
        this.summary.nacked++;
        ch.nack(m, false, true);
        this.o.print('NACKED', `${this.label(i, false)} retry later: requeued`);
        return;
      case 'reject':
        if (!this.o.acknowledge) break;
        this.summary.rejected++;
        ch.reject(m, false);
        this.o.print('REJECTED', `${this.label(i, false)} do not retry: dropped (or dead-lettered)`);
        return;
      case 'process':
        break;
    }
    if (this.o.block) {
      blockThread(ms);
      this.lastBlock = { ms, endedAt: Date.now() };
      this.slots[i]!.worked = true;
      await this.roundTrip();
    } else {
      await sleep(ms);
    }
    if (this.lost) return; // connectionLost() has said what became of it
    if (this.o.acknowledge) {
      ch.ack(m);
      this.summary.acked++;
      this.o.print('ACKED', `${this.label(i, false)} done`);
    } else {
      this.o.print('DONE', `${this.label(i, false)} done`);
    }
  }

  /**
   * One round trip to the broker (a channel opened and closed): after blocking, the only sure way
   * to learn whether the broker dropped the connection meanwhile, before claiming an ack. Acks get
   * no reply, so an ack into a dropped connection would otherwise look like any other.
   */
  private async roundTrip(): Promise<void> {
    try {
      const probe = await this.conn!.createChannel();
      await probe.close();
    } catch {
      // The connection is gone: the channel's 'close' handler has already called connectionLost().
    }
  }

  /** Messages not started when the worker stops go back to the queue (with --acknowledge). */
  private giveBack(m: ConsumeMessage): void {
    if (this.o.acknowledge) this.ch?.nack(m, false, true);
  }

  /**
   * The connection is gone: no ack can be sent any more. Says what becomes of each message in a
   * slot (with manual acks the broker gives it to another worker; auto-acked, it is lost).
   */
  connectionLost(what = 'the connection was lost'): void {
    if (this.lost) return;
    this.lost = true;
    this.slots.forEach((s, i) => {
      if (!s) return;
      if (this.o.acknowledge) {
        const state = s.worked ? `worked on, but ${what} before its ack` : `unfinished when ${what}`;
        this.o.print('ERROR', `${this.label(i, true)} ${state}: never acked, so the broker gives it to another worker`);
      } else {
        this.summary.lost++;
        this.o.print('LOST', `${this.label(i, true)} auto-acked, so it is gone for good: ${what} mid-work`);
      }
    });
    this.waiting.splice(0);
  }

  /** Messages in a slot now. */
  get inFlight(): number {
    return this.slots.filter(Boolean).length;
  }

  /** Stops taking messages, finishes the ones in slots, returns the rest. */
  async stop(): Promise<Summary> {
    this.stopping = true;
    if (this.consumerTag && this.ch && !this.lost) await this.ch.cancel(this.consumerTag).catch(() => {});
    while (this.running.size > 0) await Promise.all([...this.running]);
    for (const m of this.waiting.splice(0)) this.giveBack(m);
    // Closing the channel sends its close after the last acks, on the same channel: amqplib may
    // otherwise write a connection.close (channel 0) ahead of them, and the broker drops what follows.
    if (!this.lost) await this.ch?.close().catch(() => {});
    return this.summary;
  }
}
