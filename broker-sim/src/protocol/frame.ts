/**
 * Frames of AMQP 0-9-1: type octet, channel short, payload size long, payload, frame-end 0xCE.
 * parseFrame reads one from the front of a buffer (null when more bytes are needed) and checks
 * frame_max and frame-end right there; encoders build method and content frames in one allocation.
 */
import { ProtocolError } from './errors.ts';
import { ReplyCode } from './reply-codes.generated.ts';
import { decodeMethodPayload, encodeMethodFrameWithTail, type Method } from './methods.generated.ts';

export const FRAME_METHOD = 1;
export const FRAME_HEADER = 2;
export const FRAME_BODY = 3;
export const FRAME_HEARTBEAT = 8;
export const FRAME_END = 0xce;
/** The smallest frame_max a peer may negotiate, and the limit before tune-ok. */
export const FRAME_MIN_SIZE = 4096;
/** Bytes a frame adds around its payload: type, channel, size and frame-end. */
export const FRAME_OVERHEAD = 8;

/** 'AMQP' 0 0 9 1: what a client sends first. */
export const PROTOCOL_HEADER: Buffer = Buffer.from([0x41, 0x4d, 0x51, 0x50, 0, 0, 9, 1]);
/** A heartbeat frame, on channel 0 with an empty payload. */
export const HEARTBEAT_FRAME: Buffer = Buffer.from([FRAME_HEARTBEAT, 0, 0, 0, 0, 0, 0, FRAME_END]);

/**
 * One frame. Header properties and bodies are views into the parsed buffer (no copies): copy them
 * if they must outlive it.
 */
export type Frame =
  | { type: 1; channel: number; method: Method }
  | { type: 2; channel: number; classId: number; bodySize: number; propertiesRaw: Buffer }
  | { type: 3; channel: number; body: Buffer }
  | { type: 8; channel: number };

/** Whether buf starts with AMQP 0-9-1's protocol header: 'partial' while a prefix of it. */
export function isProtocolHeader(buf: Buffer): 'ok' | 'bad' | 'partial' {
  const n = Math.min(buf.length, PROTOCOL_HEADER.length);
  for (let i = 0; i < n; i++) if (buf[i] !== PROTOCOL_HEADER[i]) return 'bad';
  return n < PROTOCOL_HEADER.length ? 'partial' : 'ok';
}

function frameError(text: string): never {
  throw new ProtocolError(ReplyCode.FRAME_ERROR, `FRAME_ERROR - ${text}`);
}

/**
 * Parses one frame from the front of buf; null means more bytes are needed. frameMax 0 is unlimited.
 *
 * Throws ProtocolError, with the code RabbitMQ closes the connection with:
 * - 501 FRAME_ERROR for a frame larger than frameMax (checked as soon as the size is read), a
 *   missing frame-end, an unknown frame type, or a payload too short for its frame type;
 * - 540 NOT_IMPLEMENTED for a method id the spec does not have;
 * - 502 SYNTAX_ERROR for truncated or malformed method arguments.
 */
export function parseFrame(buf: Buffer, frameMax: number): { frame: Frame; rest: Buffer } | null {
  const len = buf.length;
  if (len < 7) return null;
  const type = buf[0]!;
  const channel = (buf[1]! << 8) | buf[2]!;
  const size = buf.readUInt32BE(3);
  if (frameMax > 0 && size > frameMax - FRAME_OVERHEAD) {
    frameError(`frame size ${size + FRAME_OVERHEAD} exceeds frame_max ${frameMax}`);
  }
  const end = 7 + size;
  if (len <= end) return null;
  if (buf[end] !== FRAME_END) frameError(`frame end marker is ${buf[end]}, not ${FRAME_END}`);
  const rest = buf.subarray(end + 1);
  switch (type) {
    case FRAME_METHOD:
      if (size < 4) frameError(`method frame of ${size} bytes`);
      return { frame: { type: 1, channel, method: decodeMethodIn(buf, end) }, rest };
    case FRAME_HEADER: {
      // class-id short, weight short, body-size longlong, then property flags and list.
      if (size < 14) frameError(`content header frame of ${size} bytes`);
      const classId = (buf[7]! << 8) | buf[8]!;
      const hi = buf.readUInt32BE(11);
      // Bodies beyond 2^53 bytes cannot be counted exactly, and no broker would accept one.
      if (hi >= 0x200000) frameError('content body size beyond 2^53');
      const bodySize = hi * 4294967296 + buf.readUInt32BE(15);
      return { frame: { type: 2, channel, classId, bodySize, propertiesRaw: buf.subarray(19, end) }, rest };
    }
    case FRAME_BODY:
      return { frame: { type: 3, channel, body: buf.subarray(7, end) }, rest };
    case FRAME_HEARTBEAT:
      if (size !== 0) frameError(`heartbeat frame with a ${size}-byte payload`);
      return { frame: { type: 8, channel }, rest };
    default:
      // RabbitMQ answers an unknown frame type with 501 FRAME_ERROR (unknown_frame).
      return frameError(`unknown frame type ${type}`);
  }
}

/** Decodes the method in a frame, naming the method in errors its field tables raise. */
function decodeMethodIn(buf: Buffer, end: number): Method {
  try {
    return decodeMethodPayload(buf, 7, end);
  } catch (err) {
    if (err instanceof ProtocolError && err.classId === 0 && end >= 11) {
      throw new ProtocolError(err.code, err.message, (buf[7]! << 8) | buf[8]!, (buf[9]! << 8) | buf[10]!);
    }
    throw err;
  }
}

/** Decodes a method frame's payload (class id, method id, arguments). */
export function decodeMethod(payload: Buffer): Method {
  return decodeMethodPayload(payload, 0, payload.length);
}

/** Encodes one method frame. */
export function encodeMethodFrame(channel: number, m: Method): Buffer {
  return encodeMethodFrameWithTail(channel, m, 0);
}

/**
 * Encodes method + content header + body frames as one buffer (basic.deliver, get-ok, return,
 * publish). The body is split into frames of at most frameMax - 8 bytes (frameMax 0: one frame);
 * an empty body sends no body frame.
 */
export function encodeContentFrames(channel: number, m: Method, propertiesRaw: Buffer, body: Buffer, frameMax: number): Buffer {
  const bodyLen = body.length;
  const chunk = frameMax > 0 ? frameMax - FRAME_OVERHEAD : bodyLen;
  if (frameMax > 0 && chunk < 1) throw new RangeError(`frame_max ${frameMax} leaves no room for a body`);
  const bodyFrames = bodyLen === 0 ? 0 : Math.ceil(bodyLen / chunk);
  const headerSize = 12 + propertiesRaw.length;
  const tail = FRAME_OVERHEAD + headerSize + bodyLen + FRAME_OVERHEAD * bodyFrames;
  const b = encodeMethodFrameWithTail(channel, m, tail);
  let o = b.length - tail;
  const ch1 = channel >>> 8;
  const ch2 = channel & 0xff;
  // Content header: class-id, weight 0, body size, property flags and list.
  b[o] = FRAME_HEADER; b[o + 1] = ch1; b[o + 2] = ch2;
  b.writeUInt32BE(headerSize, o + 3);
  b[o + 7] = m.classId >>> 8; b[o + 8] = m.classId; b[o + 9] = 0; b[o + 10] = 0;
  b.writeUInt32BE(Math.floor(bodyLen / 4294967296), o + 11);
  b.writeUInt32BE(bodyLen >>> 0, o + 15);
  propertiesRaw.copy(b, o + 19);
  o += 19 + propertiesRaw.length;
  b[o++] = FRAME_END;
  for (let off = 0; off < bodyLen; off += chunk) {
    const n = Math.min(chunk, bodyLen - off);
    b[o] = FRAME_BODY; b[o + 1] = ch1; b[o + 2] = ch2;
    b.writeUInt32BE(n, o + 3);
    body.copy(b, o + 7, off, off + n);
    o += 7 + n;
    b[o++] = FRAME_END;
  }
  return b;
}
