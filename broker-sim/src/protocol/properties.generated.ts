// generated — do not edit. Source: broker-sim/spec/amqp-rabbitmq-0.9.1.json, by
// broker-sim/scripts/generate-codec.ts (npm run generate).
/*
 * basic's content properties: a flag word (bit 15 = first property), then the present ones in order.
 *
 * Derived from the AMQP 0-9-1 specification as published by RabbitMQ, whose notice follows:
 *
 * Copyright (C) 2008-2020 VMware, Inc. or its affiliates.
 *
 * Permission is hereby granted, free of charge, to any person
 * obtaining a copy of this file (the "Software"), to deal in the
 * Software without restriction, including without limitation the
 * rights to use, copy, modify, merge, publish, distribute,
 * sublicense, and/or sell copies of the Software, and to permit
 * persons to whom the Software is furnished to do so, subject to
 * the following conditions:
 *
 * The above copyright notice and this permission notice shall be
 * included in all copies or substantial portions of the Software.
 *
 * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
 * EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES
 * OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
 * NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT
 * HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY,
 * WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
 * FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR
 * OTHER DEALINGS IN THE SOFTWARE.
 *
 * Class information entered from amqp_xml0-8.pdf and domain types from amqp-xml-doc0-9.pdf
 * Updated for 0-9-1 by Tony Garnock-Jones
 *
 * b3cb053f15e7b98808c0ccc67f23cb3e  amqp_xml0-8.pdf
 * http://twiststandards.org/?option=com_docman&task=cat_view&gid=28&Itemid=90
 * 8444db91e2949dbecfb2585e9eef6d64  amqp-xml-doc0-9.pdf
 * https://jira.amqp.org/confluence/download/attachments/720900/amqp-xml-doc0-9.pdf?version=1
 */
/* eslint-disable */
import { decodeTableRange, tableBytes, type FieldTable } from './field-table.ts';
import { shortstrTooLong, truncated } from './primitives.ts';

/** The content properties of a basic message. timestamp is in seconds, as on the wire. */
export interface BasicProperties {
  contentType?: string;
  contentEncoding?: string;
  headers?: FieldTable;
  deliveryMode?: number;
  priority?: number;
  correlationId?: string;
  replyTo?: string;
  expiration?: string;
  messageId?: string;
  timestamp?: number;
  type?: string;
  userId?: string;
  appId?: string;
  clusterId?: string;
}

/** Property flag bits, by property name. */
export const PROPERTY_FLAGS = {
  contentType: 0x8000,
  contentEncoding: 0x4000,
  headers: 0x2000,
  deliveryMode: 0x1000,
  priority: 0x0800,
  correlationId: 0x0400,
  replyTo: 0x0200,
  expiration: 0x0100,
  messageId: 0x0080,
  timestamp: 0x0040,
  type: 0x0020,
  userId: 0x0010,
  appId: 0x0008,
  clusterId: 0x0004,
} as const;

/** Decodes property flags and list (what a header frame carries after class, weight and body size). */
export function decodeProperties(raw: Buffer): BasicProperties {
  const b = raw;
  const e = b.length;
  if (e < 2) truncated(60, 0);
  const flags = (b[0]! << 8) | b[1]!;
  let o = 2;
  // Bit 0 set means another flag word follows; 0-9-1 defines no properties there, so skip them.
  for (let more = flags & 1; more; ) {
    if (o + 2 > e) truncated(60, 0);
    more = b[o + 1]! & 1;
    o += 2;
  }
  const p: BasicProperties = {};
  if (flags === 0) return p;
  if (flags & 0x8000) {
    if (o >= e) truncated(60, 0);
    const n = b[o++]!;
    if (o + n > e) truncated(60, 0);
    p.contentType = b.toString('utf8', o, o + n);
    o += n;
  }
  if (flags & 0x4000) {
    if (o >= e) truncated(60, 0);
    const n = b[o++]!;
    if (o + n > e) truncated(60, 0);
    p.contentEncoding = b.toString('utf8', o, o + n);
    o += n;
  }
  if (flags & 0x2000) {
    if (o + 4 > e) truncated(60, 0);
    const n = b.readUInt32BE(o);
    o += 4;
    if (o + n > e) truncated(60, 0);
    p.headers = decodeTableRange(b, o, o + n);
    o += n;
  }
  if (flags & 0x1000) {
    if (o >= e) truncated(60, 0);
    p.deliveryMode = b[o++]!;
  }
  if (flags & 0x0800) {
    if (o >= e) truncated(60, 0);
    p.priority = b[o++]!;
  }
  if (flags & 0x0400) {
    if (o >= e) truncated(60, 0);
    const n = b[o++]!;
    if (o + n > e) truncated(60, 0);
    p.correlationId = b.toString('utf8', o, o + n);
    o += n;
  }
  if (flags & 0x0200) {
    if (o >= e) truncated(60, 0);
    const n = b[o++]!;
    if (o + n > e) truncated(60, 0);
    p.replyTo = b.toString('utf8', o, o + n);
    o += n;
  }
  if (flags & 0x0100) {
    if (o >= e) truncated(60, 0);
    const n = b[o++]!;
    if (o + n > e) truncated(60, 0);
    p.expiration = b.toString('utf8', o, o + n);
    o += n;
  }
  if (flags & 0x0080) {
    if (o >= e) truncated(60, 0);
    const n = b[o++]!;
    if (o + n > e) truncated(60, 0);
    p.messageId = b.toString('utf8', o, o + n);
    o += n;
  }
  if (flags & 0x0040) {
    if (o + 8 > e) truncated(60, 0);
    p.timestamp = b.readUInt32BE(o) * 4294967296 + b.readUInt32BE(o + 4);
    o += 8;
  }
  if (flags & 0x0020) {
    if (o >= e) truncated(60, 0);
    const n = b[o++]!;
    if (o + n > e) truncated(60, 0);
    p.type = b.toString('utf8', o, o + n);
    o += n;
  }
  if (flags & 0x0010) {
    if (o >= e) truncated(60, 0);
    const n = b[o++]!;
    if (o + n > e) truncated(60, 0);
    p.userId = b.toString('utf8', o, o + n);
    o += n;
  }
  if (flags & 0x0008) {
    if (o >= e) truncated(60, 0);
    const n = b[o++]!;
    if (o + n > e) truncated(60, 0);
    p.appId = b.toString('utf8', o, o + n);
    o += n;
  }
  if (flags & 0x0004) {
    if (o >= e) truncated(60, 0);
    const n = b[o++]!;
    if (o + n > e) truncated(60, 0);
    p.clusterId = b.toString('utf8', o, o + n);
    o += n;
  }
  return p;
}

/** Encodes property flags and list; properties that are undefined or null are absent. */
export function encodeProperties(p: BasicProperties): Buffer {
  let flags = 0;
  let size = 2;
  const v0 = p.contentType;
  let n0 = 0;
  if (v0 != null) { n0 = Buffer.byteLength(v0); if (n0 > 255) shortstrTooLong('basic properties', 'contentType', n0); flags |= 0x8000; size += 1 + n0; }
  const v1 = p.contentEncoding;
  let n1 = 0;
  if (v1 != null) { n1 = Buffer.byteLength(v1); if (n1 > 255) shortstrTooLong('basic properties', 'contentEncoding', n1); flags |= 0x4000; size += 1 + n1; }
  const t2 = p.headers;
  const v2 = t2 == null ? undefined : tableBytes(t2);
  if (v2 !== undefined) { flags |= 0x2000; size += v2.length; }
  const v3 = p.deliveryMode;
  if (v3 != null) { flags |= 0x1000; size += 1; }
  const v4 = p.priority;
  if (v4 != null) { flags |= 0x0800; size += 1; }
  const v5 = p.correlationId;
  let n5 = 0;
  if (v5 != null) { n5 = Buffer.byteLength(v5); if (n5 > 255) shortstrTooLong('basic properties', 'correlationId', n5); flags |= 0x0400; size += 1 + n5; }
  const v6 = p.replyTo;
  let n6 = 0;
  if (v6 != null) { n6 = Buffer.byteLength(v6); if (n6 > 255) shortstrTooLong('basic properties', 'replyTo', n6); flags |= 0x0200; size += 1 + n6; }
  const v7 = p.expiration;
  let n7 = 0;
  if (v7 != null) { n7 = Buffer.byteLength(v7); if (n7 > 255) shortstrTooLong('basic properties', 'expiration', n7); flags |= 0x0100; size += 1 + n7; }
  const v8 = p.messageId;
  let n8 = 0;
  if (v8 != null) { n8 = Buffer.byteLength(v8); if (n8 > 255) shortstrTooLong('basic properties', 'messageId', n8); flags |= 0x0080; size += 1 + n8; }
  const v9 = p.timestamp;
  if (v9 != null) { flags |= 0x0040; size += 8; }
  const v10 = p.type;
  let n10 = 0;
  if (v10 != null) { n10 = Buffer.byteLength(v10); if (n10 > 255) shortstrTooLong('basic properties', 'type', n10); flags |= 0x0020; size += 1 + n10; }
  const v11 = p.userId;
  let n11 = 0;
  if (v11 != null) { n11 = Buffer.byteLength(v11); if (n11 > 255) shortstrTooLong('basic properties', 'userId', n11); flags |= 0x0010; size += 1 + n11; }
  const v12 = p.appId;
  let n12 = 0;
  if (v12 != null) { n12 = Buffer.byteLength(v12); if (n12 > 255) shortstrTooLong('basic properties', 'appId', n12); flags |= 0x0008; size += 1 + n12; }
  const v13 = p.clusterId;
  let n13 = 0;
  if (v13 != null) { n13 = Buffer.byteLength(v13); if (n13 > 255) shortstrTooLong('basic properties', 'clusterId', n13); flags |= 0x0004; size += 1 + n13; }
  const b = Buffer.allocUnsafe(size);
  b[0] = flags >>> 8;
  b[1] = flags;
  let o = 2;
  if (v0 != null) { b[o++] = n0; if (n0 > 0) b.write(v0, o, 'utf8'); o += n0; }
  if (v1 != null) { b[o++] = n1; if (n1 > 0) b.write(v1, o, 'utf8'); o += n1; }
  if (v2 !== undefined) { v2.copy(b, o); o += v2.length; }
  if (v3 != null) b[o++] = v3;
  if (v4 != null) b[o++] = v4;
  if (v5 != null) { b[o++] = n5; if (n5 > 0) b.write(v5, o, 'utf8'); o += n5; }
  if (v6 != null) { b[o++] = n6; if (n6 > 0) b.write(v6, o, 'utf8'); o += n6; }
  if (v7 != null) { b[o++] = n7; if (n7 > 0) b.write(v7, o, 'utf8'); o += n7; }
  if (v8 != null) { b[o++] = n8; if (n8 > 0) b.write(v8, o, 'utf8'); o += n8; }
  if (v9 != null) { const hi = Math.floor(v9 / 4294967296); b[o] = hi >>> 24; b[o + 1] = hi >>> 16; b[o + 2] = hi >>> 8; b[o + 3] = hi; o += 4; const lo = v9 >>> 0; b[o] = lo >>> 24; b[o + 1] = lo >>> 16; b[o + 2] = lo >>> 8; b[o + 3] = lo; o += 4; }
  if (v10 != null) { b[o++] = n10; if (n10 > 0) b.write(v10, o, 'utf8'); o += n10; }
  if (v11 != null) { b[o++] = n11; if (n11 > 0) b.write(v11, o, 'utf8'); o += n11; }
  if (v12 != null) { b[o++] = n12; if (n12 > 0) b.write(v12, o, 'utf8'); o += n12; }
  if (v13 != null) { b[o++] = n13; if (n13 > 0) b.write(v13, o, 'utf8'); o += n13; }
  return b;
}
