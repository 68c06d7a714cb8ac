/** The AMQP 0-9-1 codec: bytes ⇄ frames ⇄ methods. Pure: no I/O, imports nothing else of the broker. */
export { ProtocolError } from './errors.ts';
export { FieldValue, encodeTable, decodeTable, plain, type FieldTable } from './field-table.ts';
export { method, decodeMethod, methodSpec, methodSpecById, type Method } from './method-codec.ts';
export { decodeProperties, encodeProperties, readDeliveryMode, NO_PROPERTIES, type BasicProperties } from './properties.ts';
export {
  FRAME_METHOD, FRAME_HEADER, FRAME_BODY, FRAME_HEARTBEAT, FRAME_END, FRAME_MIN_SIZE, FRAME_OVERHEAD,
  PROTOCOL_HEADER, HEARTBEAT_FRAME, isProtocolHeader, parseFrame, encodeMethodFrame, encodeContentFrames,
  writeMethodFrame, writeContentFrames, type Frame,
} from './frame.ts';
export { Writer, Reader } from './wire.ts';
export { ReplyCode, METHODS, type MethodName, type MethodArgs } from './spec.generated.ts';
