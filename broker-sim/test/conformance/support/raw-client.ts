/**
 * A raw AMQP socket for tests that need frames no client library sends (immediate=true, a
 * channel.flow that pauses, chosen channel numbers, a client that never heartbeats): what the
 * server sent, parsed into frames, how the socket ended, and a PLAIN handshake with chosen tune-ok
 * values.
 */
import { connect as tcp, type Socket } from 'node:net';
import {
  encodeContentFrames, encodeMethodFrame, encodeProperties, method, parseFrame, PROTOCOL_HEADER,
  type BasicProperties, type Frame, type MethodArgs,
} from '../../../src/protocol/index.ts';

export interface Tune { channelMax?: number; frameMax?: number; heartbeat?: number }

export class Raw {
  private buf: Buffer = Buffer.alloc(0);
  readonly frames: Frame[] = [];
  /** Resolves when the socket is gone, with the error it ended with (ECONNRESET…), if any. */
  readonly closed: Promise<string | undefined>;
  garbled = false;
  private error: string | undefined;

  constructor(readonly sock: Socket) {
    sock.on('data', (d: Buffer) => {
      this.buf = Buffer.concat([this.buf, d]);
      if (this.buf.subarray(0, 4).toString() === 'AMQP') { this.buf = this.buf.subarray(8); return; }
      try {
        for (let p = parseFrame(this.buf, 1 << 20); p; p = parseFrame(this.buf, 1 << 20)) { this.frames.push(p.frame); this.buf = p.rest; }
      } catch { this.garbled = true; }
    });
    sock.on('error', (err: NodeJS.ErrnoException) => { this.error = err.code ?? err.message; });
    this.closed = new Promise((resolve) => sock.on('close', () => resolve(this.error)));
  }

  /** Connects to a port on 127.0.0.1, or to the host and port of an amqp:// URL. */
  static open(to: number | string): Promise<Raw> {
    const url = typeof to === 'string' ? new URL(to) : undefined;
    const host = url ? url.hostname.replace(/^\[|\]$/g, '') : '127.0.0.1';
    const port = url ? Number(url.port || 5672) : Number(to);
    return new Promise((resolve, reject) => {
      const s = tcp(port, host, () => resolve(new Raw(s)));
      s.once('error', reject);
    });
  }

  write(b: Buffer): void { if (!this.sock.destroyed) this.sock.write(b); }

  send<K extends keyof MethodArgs>(channel: number, name: K, args: Partial<MethodArgs[K]>): void {
    this.write(encodeMethodFrame(channel, method(name, args)));
  }

  /** basic.publish with its content header and body. */
  publish(channel: number, args: Partial<MethodArgs['basic.publish']>, body: string, props: BasicProperties = {}): void {
    this.write(encodeContentFrames(channel, method('basic.publish', args), encodeProperties(props), Buffer.from(body), 4096));
  }

  async next(name: string, ms = 3000): Promise<Frame & { type: 1 }> {
    const deadline = Date.now() + ms;
    for (;;) {
      const i = this.frames.findIndex((f) => f.type === 1 && f.method.name === name);
      if (i >= 0) return this.frames.splice(i, 1)[0] as Frame & { type: 1 };
      if (Date.now() > deadline) throw new Error(`no ${name} from the server; got ${this.frames.map((f) => (f.type === 1 ? f.method.name : f.type)).join(', ')}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** The arguments of the next `name` from the server. */
  async args<T = Record<string, unknown>>(name: string, ms = 3000): Promise<T> {
    return (await this.next(name, ms)).method.args as T;
  }

  /** Protocol header, start-ok (PLAIN as guest), tune-ok; with `open`, connection.open on vhost /. */
  async handshake(tune: Tune = {}, open = true, clientProperties: Record<string, unknown> = {}): Promise<void> {
    this.write(PROTOCOL_HEADER);
    await this.next('connection.start');
    this.send(0, 'connection.start-ok', {
      clientProperties: { product: 'raw test client', ...clientProperties }, mechanism: 'PLAIN', response: Buffer.from('\0guest\0guest'), locale: 'en_US',
    });
    const t = await this.args<{ frameMax: number; channelMax: number }>('connection.tune');
    this.send(0, 'connection.tune-ok', { channelMax: tune.channelMax ?? t.channelMax, frameMax: tune.frameMax ?? t.frameMax, heartbeat: tune.heartbeat ?? 0 });
    if (!open) return;
    this.send(0, 'connection.open', { virtualHost: '/' });
    await this.next('connection.open-ok');
  }

  /** The reply code of the connection.close the server sent, if it sent one. */
  closeCode(): number | undefined {
    const f = this.frames.find((x) => x.type === 1 && x.method.name === 'connection.close') as (Frame & { type: 1 }) | undefined;
    return f ? (f.method.args as { replyCode: number }).replyCode : undefined;
  }

  end(): void { this.sock.destroy(); }
}
