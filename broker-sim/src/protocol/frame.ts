/**
 * Frames of AMQP 0-9-1: type, channel, size, payload, frame-end. parseFrame reads one from the front
 * of a buffer (null when more bytes are needed) and checks frame-end and frame_max right there.
 */
import { ProtocolError } from './errors.ts';
import { decodeMethod, writeMethod, type Method } from './method-codec.ts';
import { Writer } from './wire.ts';

export const FRAME_METHOD = 1;
export const FRAME_HEADER = 2;
export const FRAME_BODY = 3;
export const FRAME_HEARTBEAT = 8;
export const FRAME_END = 0xce;
export const FRAME_MIN_SIZE = 4096;
/** Bytes a frame adds around its payload: type, channel, size and frame-end. */
export const FRAME_OVERHEAD = 8;

export const PROTOCOL_HEADER: Buffer = Buffer.from([0x41, 0x4d, 0x51, 0x50, 0, 0, 9, 1]);
export const HEARTBEAT_FRAME: Buffer = Buffer.from([FRAME_HEARTBEAT, 0, 0, 0, 0, 0, 0, FRAME_END]);

export type Frame =
  | { type: 1; channel: number; method: Method }
  | { type: 2; channel: number; classId: number; bodySize: number; propertiesRaw: Buffer }
  | { type: 3; channel: number; body: Buffer }
  | { type: 8; channel: number };

/** Whether buf starts with AMQP 0-9-1's protocol header. */
export function isProtocolHeader(buf: Buffer): 'ok' | 'bad' | 'partial' {
  const n = Math.min(buf.length, PROTOCOL_HEADER.length);
  if (buf.subarray(0, n).compare(PROTOCOL_HEADER, 0, n) !== 0) return 'bad';
  return n < PROTOCOL_HEADER.length ? 'partial' : 'ok';
}

/**
 * Parses one frame from the front of buf; null means more bytes are needed. frameMax 0 is unlimited.
 * Throws ProtocolError 501 for a bad frame-end, an oversize or unknown frame.
 */
export function parseFrame(buf: Buffer, frameMax: number): { frame: Frame; rest: Buffer } | null {
  if (buf.length < 7) return null;
  const type = buf[0]!;
  const channel = buf.readUInt16BE(1);
  const size = buf.readUInt32BE(3);
  if (frameMax > 0 && size + FRAME_OVERHEAD > frameMax) {
    throw new ProtocolError(501, `FRAME_ERROR - frame size ${size + FRAME_OVERHEAD} exceeds frame_max ${frameMax}`);
  }
  if (buf.length < size + FRAME_OVERHEAD) return null;
  if (buf[7 + size] !== FRAME_END) throw new ProtocolError(501, 'FRAME_ERROR - frame end marker missing');
  const payload = buf.subarray(7, 7 + size);
  const rest = buf.subarray(size + FRAME_OVERHEAD);
  switch (type) {
    case FRAME_METHOD:
      return { frame: { type: 1, channel, method: decodeMethod(payload) }, rest };
    case FRAME_HEADER: {
      if (size < 14) throw new ProtocolError(502, 'SYNTAX_ERROR - content header too short');
      const classId = payload.readUInt16BE(0);
      const big = payload.readBigUInt64BE(4);
      if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new ProtocolError(501, 'FRAME_ERROR - body size too large');
      return { frame: { type: 2, channel, classId, bodySize: Number(big), propertiesRaw: payload.subarray(12) }, rest };
    }
    case FRAME_BODY:
      return { frame: { type: 3, channel, body: payload }, rest };
    case FRAME_HEARTBEAT:
      return { frame: { type: 8, channel }, rest };
    default:
      throw new ProtocolError(501, `FRAME_ERROR - unknown frame type ${type}`);
  }
}

function frameStart(w: Writer, type: number, channel: number): number {
  w.octet(type);
  w.short(channel);
  return w.lengthSlot();
}

function frameEnd(w: Writer, at: number): void {
  w.patchLength(at);
  w.octet(FRAME_END);
}

/** Writes a method frame into a writer. */
export function writeMethodFrame(w: Writer, channel: number, m: Method): void {
  const at = frameStart(w, FRAME_METHOD, channel);
  writeMethod(w, m);
  frameEnd(w, at);
}

/** Encodes one method frame. */
export function encodeMethodFrame(channel: number, m: Method): Buffer {
  const w = new Writer(128);
  writeMethodFrame(w, channel, m);
  return w.result();
}

/** Writes method + header + body frames (bodies split to frameMax) into a writer. */
export function writeContentFrames(w: Writer, channel: number, m: Method, propertiesRaw: Buffer, body: Buffer, frameMax: number): void {
  writeMethodFrame(w, channel, m);
  let at = frameStart(w, FRAME_HEADER, channel);
  w.short(m.classId);
  w.short(0);
  w.longlong(body.length);
  w.bytes(propertiesRaw);
  frameEnd(w, at);
  const chunk = frameMax > 0 ? frameMax - FRAME_OVERHEAD : body.length;
  for (let off = 0; off < body.length; off += chunk) {
    at = frameStart(w, FRAME_BODY, channel);
    w.bytes(body.subarray(off, Math.min(off + chunk, body.length)));
    frameEnd(w, at);
  }
}

/** Encodes method + header + body frames as one buffer (basic.deliver, get-ok, return, publish). */
export function encodeContentFrames(channel: number, m: Method, propertiesRaw: Buffer, body: Buffer, frameMax: number): Buffer {
  const w = new Writer(64 + propertiesRaw.length + body.length);
  writeContentFrames(w, channel, m, propertiesRaw, body, frameMax);
  return w.result();
}
