/**
 * One AMQP connection: protocol header, start/start-ok (PLAIN, AMQPLAIN), tune/tune-ok, open on a
 * vhost, heartbeats both ways, close in either direction. Frames for channels other than 0 go to
 * their ServerChannel. Faults become reply codes: soft errors close a channel, hard errors the
 * connection; other connections carry on.
 */
import type { Socket } from 'node:net';
import type { Broker, User } from '../core/broker.ts';
import { CoreConnection } from '../core/connection.ts';
import { AmqpError, errors } from '../core/errors.ts';
import type { Vhost } from '../core/vhost.ts';
import {
  decodeTable, encodeMethodFrame, HEARTBEAT_FRAME, isProtocolHeader, method, parseFrame, PROTOCOL_HEADER,
  ProtocolError, ReplyCode, type Frame, type Method,
} from '../protocol/index.ts';
import { ServerChannel } from './channel.ts';
import { serverProperties } from './server-properties.ts';
import { BatchedWriter } from './writer.ts';

export const FRAME_MAX = 131072;
export const CHANNEL_MAX = 2047;
/** RabbitMQ's SILENT_CLOSE_DELAY, ms: how long a failed handshake's socket stays before it is reset. */
const SILENT_CLOSE_DELAY = 3000;

type Phase = 'header' | 'start' | 'secure' | 'tune' | 'open' | 'running' | 'closing' | 'closed';

/** A connection's state as RabbitMQ's management API names it. */
export type ConnectionState = 'starting' | 'tuning' | 'opening' | 'running' | 'flow' | 'blocking' | 'blocked' | 'closing' | 'closed';

/** One end of the TCP connection. */
export interface Endpoint { host: string; port: number }

export interface ConnectionOptions {
  heartbeat: number;
  log: (line: string) => void;
  /** Limits, each as RabbitMQ's setting of the same name; see DEFAULT_LIMITS. */
  limits?: Partial<Limits>;
}

export interface Limits {
  /** max_message_size: a larger body is refused with 406. */
  maxMessageSize: number;
  /** handshake_timeout, ms: a client that has not opened its connection by then is dropped. */
  handshakeTimeout: number;
  /** Bytes waiting to be written to a client that stops reading, beyond which no more is delivered to it. */
  writeBufferHigh: number;
}

export const DEFAULT_LIMITS: Limits = { maxMessageSize: 128 * 1024 * 1024, handshakeTimeout: 10_000, writeBufferHigh: 1024 * 1024 };

export class Connection {
  private phase: Phase = 'header';
  private buffer: Buffer = Buffer.alloc(0);
  private readonly out: BatchedWriter;
  readonly channels = new Map<number, ServerChannel>();
  frameMax = FRAME_MAX;
  channelMax = CHANNEL_MAX;
  heartbeat = 0;
  user: User | undefined;
  vhost: Vhost | undefined;
  /** Core's side of this connection, once connection.open chose a vhost. */
  core: CoreConnection | undefined;
  clientProperties: Record<string, unknown> = {};
  /** The SASL mechanism the client logged in with (PLAIN or AMQPLAIN), for the management API. */
  authMechanism = '';
  /** A password is being checked: frames that came after it wait in the buffer, in order. */
  private holding = false;
  private lastReceived = Date.now();
  /** Something was sent since the heartbeat timer last looked. */
  private sentSinceTick = true;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  /**
   * Blocked by an alarm: this connection published while one was in effect, so it is not read
   * until the alarms clear (TCP back-pressure then holds the publisher), as RabbitMQ blocks it.
   */
  private blocked = false;
  /** connection.blocked was sent, so connection.unblocked is owed. */
  private blockedSent = false;
  private readonly onBlocked = (reason: string | undefined): void => this.guard(() => { if (reason === undefined) this.unblock(); });
  private closeTimer: NodeJS.Timeout | undefined;
  readonly connectedAt = Date.now();
  readonly name: string;
  readonly limits: Limits;
  private handshakeTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly id: number,
    readonly socket: Socket,
    readonly broker: Broker,
    private readonly options: ConnectionOptions,
    private readonly onGone: (c: Connection) => void,
  ) {
    this.out = new BatchedWriter(socket);
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    // As RabbitMQ's handshake_timeout: a client that stalls before connection.open is dropped.
    this.handshakeTimer = setTimeout(() => {
      if (this.phase === 'running' || this.phase === 'closed') return;
      this.options.log(`connection ${this.name}: closing: handshake not completed within ${this.limits.handshakeTimeout} ms`);
      this.socket.destroy();
    }, this.limits.handshakeTimeout);
    this.handshakeTimer.unref();
    // A client that stopped reading gets no more deliveries until its socket drains.
    socket.on('drain', () => this.guard(() => { for (const ch of this.channels.values()) ch.core.redispatch(); }));
    this.name = `${socket.remoteAddress}:${socket.remotePort} -> ${socket.localAddress}:${socket.localPort}`;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.guard(() => this.receive(chunk)));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.guard(() => this.cleanup()));
  }

  /** running, blocking (an alarm is in effect; blocked at its next publish), blocked, …: as RabbitMQ reports it. */
  get state(): ConnectionState {
    switch (this.phase) {
      case 'header': case 'start': case 'secure': return 'starting';
      case 'tune': return 'tuning';
      case 'open': return 'opening';
      case 'closing': return 'closing';
      case 'closed': return 'closed';
      default:
        if (this.blocked) return 'blocked';
        return this.broker.blocked !== undefined ? 'blocking' : 'running';
    }
  }

  /** The client's end. */
  get peer(): Endpoint { return { host: this.socket.remoteAddress ?? '', port: this.socket.remotePort ?? 0 }; }
  /** The broker's end. */
  get local(): Endpoint { return { host: this.socket.localAddress ?? '', port: this.socket.localPort ?? 0 }; }
  get bytesReceived(): number { return this.socket.bytesRead; }
  get bytesSent(): number { return this.socket.bytesWritten; }
  /** The open channels. */
  openChannels(): Iterable<ServerChannel> { return this.channels.values(); }

  get loopback(): boolean {
    const a = this.socket.remoteAddress ?? '';
    return a === '::1' || a.startsWith('127.') || a.startsWith('::ffff:127.');
  }

  send(buf: Buffer): void {
    this.sentSinceTick = true;
    this.out.write(buf);
  }

  sendMethod(channel: number, m: Method): void {
    this.send(encodeMethodFrame(channel, m));
  }

  /** Runs a handler; a bug closes this connection with 541 and is logged, the broker lives on. */
  private guard(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      if (err instanceof AmqpError || err instanceof ProtocolError) {
        this.closeWith(err.code, err instanceof AmqpError ? err.text : err.message, err.classId, err.methodId);
        return;
      }
      this.options.log(`connection ${this.name}: internal error: ${(err as Error).stack ?? err}`);
      this.closeWith(ReplyCode.INTERNAL_ERROR, 'INTERNAL_ERROR - internal error', 0, 0);
    }
  }

  private receive(chunk: Buffer): void {
    if (this.phase === 'closed') return;
    this.lastReceived = Date.now();
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    if (this.phase === 'header') {
      const check = isProtocolHeader(this.buffer);
      if (check === 'partial') return;
      if (check === 'bad') {
        // As RabbitMQ: answer with the protocol version we speak, then close.
        this.socket.end(PROTOCOL_HEADER);
        this.phase = 'closed';
        return;
      }
      this.buffer = this.buffer.subarray(8);
      this.phase = 'start';
      this.sendMethod(0, method('connection.start', {
        versionMajor: 0, versionMinor: 9, serverProperties: serverProperties(),
        mechanisms: Buffer.from('PLAIN AMQPLAIN'), locales: Buffer.from('en_US'),
      }));
    }
    while (this.buffer.length > 0 && (this.phase as Phase) !== 'closed' && !this.holding) {
      const parsed = parseFrame(this.buffer, this.frameMax);
      if (!parsed) break;
      this.buffer = parsed.rest;
      this.frame(parsed.frame);
    }
    if (this.buffer.length > 0) this.buffer = Buffer.from(this.buffer);
  }

  private frame(f: Frame): void {
    if (f.type === 8) return;
    if (this.phase === 'closing') {
      if (f.type === 1 && f.channel === 0 && (f.method.name === 'connection.close-ok' || f.method.name === 'connection.close')) {
        if (f.method.name === 'connection.close') this.sendMethod(0, method('connection.close-ok', {}));
        this.finish();
      }
      return;
    }
    if (f.channel === 0) {
      if (f.type !== 1) throw errors.unexpectedFrame(`expected method frame on channel 0, got frame type ${f.type}`);
      this.connectionMethod(f.method);
      return;
    }
    if (this.phase !== 'running') throw errors.unexpectedFrame('channel frame before connection.open');
    let ch = this.channels.get(f.channel);
    if (!ch) {
      if (f.type !== 1 || f.method.name !== 'channel.open') {
        throw errors.channelError(`expected 'channel.open' on channel ${f.channel}`);
      }
      // As RabbitMQ, channel_max bounds how many are open at once, whatever their numbers.
      if (this.channels.size >= this.channelMax) {
        throw errors.notAllowed(`number of channels opened (${this.channels.size}) has reached the negotiated channel_max (${this.channelMax})`);
      }
      ch = new ServerChannel(this, f.channel);
      this.channels.set(f.channel, ch);
    }
    ch.frame(f);
  }

  private connectionMethod(m: Method): void {
    switch (m.name) {
      case 'connection.start-ok': return this.startOk(m.args);
      case 'connection.tune-ok': return this.tuneOk(m.args);
      case 'connection.open': return this.open(m.args.virtualHost);
      case 'connection.close':
        // Channels end now, not when the socket is gone: their consumers and reply keys must not
        // outlive a close-ok the client has already seen.
        this.releaseChannels();
        this.sendMethod(0, method('connection.close-ok', {}));
        this.finish();
        return;
      case 'connection.close-ok': this.finish(); return;
      case 'connection.update-secret': return this.updateSecret(m.args);
      case 'connection.secure-ok':
        throw errors.notImplemented(`${m.name} is not supported`);
      default:
        throw errors.commandInvalid(`unexpected method ${m.name} on channel 0`);
    }
  }

  private startOk(a: { clientProperties: Record<string, unknown>; mechanism: string; response: Buffer | string }): void {
    if (this.phase !== 'start') throw errors.commandInvalid('connection.start-ok out of sequence');
    this.clientProperties = a.clientProperties;
    this.authMechanism = a.mechanism;
    const { username, password } = credentials(a.mechanism, Buffer.from(a.response));
    this.phase = 'secure';
    this.hold(this.broker.authenticate(a.mechanism, username, password, this.loopback), (user) => {
      this.user = user;
      this.phase = 'tune';
      this.sendMethod(0, method('connection.tune', { channelMax: CHANNEL_MAX, frameMax: FRAME_MAX, heartbeat: this.options.heartbeat }));
    }, () => this.options.log(`connection ${this.name}: login refused for user '${username}'`));
  }

  /**
   * Waits for a check that runs off the event loop (a password), holding the frames that follow
   * it; then `then` runs, or a refusal closes the connection, and the held frames are read.
   */
  private hold<T>(check: Promise<T>, then: (v: T) => void, refused: () => void = () => {}): void {
    this.holding = true;
    const resume = (fn: () => void): void => this.guard(() => {
      this.holding = false;
      if (this.phase === 'closed') return;
      fn();
      this.receive(Buffer.alloc(0));
    });
    check.then((v) => resume(() => then(v)), (err: unknown) => resume(() => { refused(); throw err; }));
  }

  /**
   * connection.update-secret: the new secret is checked as a login would check it and the
   * connection carries on, update-secret-ok. As RabbitMQ 3.10's internal users, a secret that is
   * not the user's password is not refused (only logged): for them the secret is the password,
   * which update-secret does not change.
   */
  private updateSecret(a: { newSecret: Buffer | string; reason: string }): void {
    if (this.phase !== 'running') throw errors.channelError(`unexpected method in connection state ${this.state}`);
    const user = this.user!;
    const check = this.broker.authenticate(this.authMechanism, user.name, Buffer.from(a.newSecret).toString('utf8'), this.loopback)
      .then(() => true, () => false);
    this.hold(check, (matches) => {
      this.options.log(`connection ${this.name}: user '${user.name}' updated secret, reason: ${a.reason}`
        + (matches ? '' : ' (the new secret is not the user\'s password; the login stays as it was)'));
      this.sendMethod(0, method('connection.update-secret-ok', {}));
    });
  }

  private tuneOk(a: { channelMax: number; frameMax: number; heartbeat: number }): void {
    if (this.phase !== 'tune') throw errors.commandInvalid('connection.tune-ok out of sequence');
    const refusal = negotiationRefusal('frame_max', 4096, FRAME_MAX, a.frameMax)
      ?? negotiationRefusal('channel_max', 0, CHANNEL_MAX, a.channelMax);
    if (refusal) return this.failHandshake(refusal);
    this.frameMax = a.frameMax;
    this.channelMax = a.channelMax;
    this.heartbeat = a.heartbeat;
    this.phase = 'open';
    this.startHeartbeats();
  }

  /**
   * As RabbitMQ, a handshake that cannot go on (values it cannot accept in tune-ok) gets no
   * connection.close: the reason is logged and the socket is reset a few seconds later.
   */
  private failHandshake(reason: string): void {
    this.options.log(`connection ${this.name}: closing: ${reason}`);
    this.phase = 'closed';
    setTimeout(() => this.socket.resetAndDestroy(), SILENT_CLOSE_DELAY).unref();
  }

  private open(vhostName: string): void {
    if (this.phase !== 'open') throw errors.commandInvalid('connection.open out of sequence');
    this.vhost = this.broker.openVhost(this.user!, vhostName);
    const clientName = this.clientProperties.connection_name;
    this.core = new CoreConnection(this.broker, this.id, this.vhost, true, this.name, typeof clientName === 'string' ? clientName : undefined);
    this.phase = 'running';
    if (this.handshakeTimer) clearTimeout(this.handshakeTimer);
    this.sendMethod(0, method('connection.open-ok', {}));
    this.broker.blockWatchers.add(this.onBlocked);
  }

  /**
   * A channel of this connection publishes. While an alarm (memory, disk) is in effect that blocks
   * this connection, as RabbitMQ does at a connection's first publish during an alarm: it is told
   * with connection.blocked (if it announced that capability) and is not read after this message,
   * so nothing more is accepted from it until the alarms clear. Connections that only consume are
   * never blocked: they go on draining.
   */
  publishing(): void {
    const reason = this.broker.blocked;
    if (reason === undefined || this.blocked) return;
    this.blocked = true;
    this.socket.pause();
    const notify = (this.clientProperties.capabilities as Record<string, unknown> | undefined)?.['connection.blocked'] === true;
    if (!notify) return;
    this.sendMethod(0, method('connection.blocked', { reason: reason.slice(0, 255) }));
    this.blockedSent = true;
  }

  /** Every alarm has cleared: a blocked connection is read again, and told so if it was told it was blocked. */
  private unblock(): void {
    if (!this.blocked) return;
    this.blocked = false;
    if (this.blockedSent) this.sendMethod(0, method('connection.unblocked', {}));
    this.blockedSent = false;
    if (this.phase !== 'closed') this.socket.resume();
  }

  /**
   * Heartbeats: one frame every half timeout when nothing else was sent; a peer silent for two
   * timeouts is gone, and the connection is closed as RabbitMQ closes it (its unacked messages
   * return to their queues).
   */
  private startHeartbeats(): void {
    if (this.heartbeat <= 0) return;
    const ms = this.heartbeat * 1000;
    this.heartbeatTimer = setInterval(() => this.guard(() => {
      const now = Date.now();
      // A blocked connection is not read, so its heartbeats are not seen: as RabbitMQ, no timeout then.
      if (this.blocked) this.lastReceived = now;
      if (now - this.lastReceived > 2 * ms) {
        this.options.log(`connection ${this.name}: missed heartbeats from client, timeout: ${this.heartbeat}s`);
        // A reset, not a close, as RabbitMQ's: the peer sees ECONNRESET.
        this.socket.resetAndDestroy();
        return;
      }
      // As RabbitMQ's sender: a heartbeat when nothing else went out during the last half interval.
      if (!this.sentSinceTick) this.send(HEARTBEAT_FRAME);
      this.sentSinceTick = false;
    }), ms / 2);
    this.heartbeatTimer.unref();
  }

  /** Closes a channel (soft error) or this connection (hard error). */
  fail(channel: number, err: AmqpError): void {
    if (err.closesConnection || channel === 0) {
      this.closeWith(err.code, err.text, err.classId, err.methodId);
      return;
    }
    this.channels.get(channel)?.closeWith(err);
  }

  /** Server-initiated connection.close; the socket ends on close-ok or after a second. */
  closeWith(code: number, text: string, classId: number, methodId: number): void {
    if (this.phase === 'closing' || this.phase === 'closed') return;
    if (this.phase === 'header') { this.socket.destroy(); return; }
    this.options.log(`connection ${this.name}: closing with ${code} ${text}`);
    this.sendMethod(0, method('connection.close', { replyCode: code, replyText: text.slice(0, 255), classId, methodId }));
    this.phase = 'closing';
    this.releaseChannels();
    this.closeTimer = setTimeout(() => this.finish(), 1000);
    this.closeTimer.unref();
  }

  private finish(): void {
    this.phase = 'closed';
    this.socket.end();
    setTimeout(() => this.socket.destroy(), 100).unref();
  }

  private releaseChannels(): void {
    for (const ch of this.channels.values()) ch.release();
    this.channels.clear();
  }

  /** The client is not reading what it was sent: deliveries wait until the socket drains. */
  get congested(): boolean { return this.socket.writableLength > this.limits.writeBufferHigh; }

  /** The socket is gone: channels close (unacked messages return), exclusive queues are deleted. */
  private cleanup(): void {
    if (this.handshakeTimer) clearTimeout(this.handshakeTimer);
    this.broker.blockWatchers.delete(this.onBlocked);
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    if (this.closeTimer) clearTimeout(this.closeTimer);
    this.phase = 'closed';
    this.releaseChannels();
    this.core?.close();
    this.onGone(this);
  }
}

/**
 * What RabbitMQ says of a tune-ok value it cannot accept: under the minimum (0 = none asked), or
 * above the server's maximum (0 there asks for no limit, so it is above too).
 */
function negotiationRefusal(field: string, min: number, max: number, value: number): string | undefined {
  if (value !== 0 && value < min) return `negotiated ${field} = ${value} is lower than the minimum allowed value (${min})`;
  if (value === 0 || value > max) return `negotiated ${field} = ${value} is higher than the maximum allowed value (${max})`;
  return undefined;
}

/** Username and password from a PLAIN or AMQPLAIN response. */
function credentials(mechanism: string, response: Buffer): { username: string; password: string } {
  if (mechanism === 'PLAIN') {
    const parts = response.toString('utf8').split('\0');
    return { username: parts[1] ?? '', password: parts[2] ?? '' };
  }
  if (mechanism === 'AMQPLAIN') {
    // The table is sent without its length prefix.
    const withLength = Buffer.alloc(response.length + 4);
    withLength.writeUInt32BE(response.length, 0);
    response.copy(withLength, 4);
    const t = decodeTable(withLength);
    return { username: String(t.LOGIN ?? ''), password: String(t.PASSWORD ?? '') };
  }
  throw errors.accessRefused(`unsupported authentication mechanism '${mechanism}'`);
}
