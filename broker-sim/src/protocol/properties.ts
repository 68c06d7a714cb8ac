/**
 * basic's content properties. The codec itself is generated (properties.generated.ts); this file
 * adds what the broker's publish path needs without decoding everything. The broker keeps the raw
 * flag word and list and passes them through to consumers untouched.
 */
export { decodeProperties, encodeProperties, PROPERTY_FLAGS, type BasicProperties } from './properties.generated.ts';

/** Empty properties: a zero flag word. Shared; do not modify. */
export const NO_PROPERTIES: Buffer = Buffer.from([0, 0]);

/**
 * delivery-mode without decoding the other properties: the publish hot path needs only this.
 * It follows content-type, content-encoding and headers, which are skipped by their lengths.
 * Returns undefined when absent or when raw is too short to hold it.
 */
export function readDeliveryMode(raw: Buffer): number | undefined {
  if (raw.length < 2) return undefined;
  const flags = (raw[0]! << 8) | raw[1]!;
  if ((flags & 0x1000) === 0) return undefined;
  let o = 2;
  // Continuation flag words (bit 0) carry nothing in 0-9-1; skip them as decodeProperties does.
  for (let more = flags & 1; more && o + 2 <= raw.length; o += 2) more = raw[o + 1]! & 1;
  if (flags & 0x8000) { if (o >= raw.length) return undefined; o += 1 + raw[o]!; }
  if (flags & 0x4000) { if (o >= raw.length) return undefined; o += 1 + raw[o]!; }
  if (flags & 0x2000) { if (o + 4 > raw.length) return undefined; o += 4 + raw.readUInt32BE(o); }
  return o < raw.length ? raw[o] : undefined;
}
