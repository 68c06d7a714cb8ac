/**
 * The AMQP 0-9-1 codec: bytes ⇄ frames ⇄ methods. Pure: no I/O, imports nothing else of the broker.
 * The method and property codecs are generated from RabbitMQ's spec JSON by
 * broker-sim/scripts/generate-codec.ts (`npm run generate`).
 */
export { ProtocolError } from './errors.ts';
export { ReplyCode, HARD_ERRORS } from './reply-codes.generated.ts';
export { FieldValue, encodeTable, decodeTable, plain, type FieldTable } from './field-table.ts';
export {
  METHODS, method, type Method, type MethodName, type MethodArgs, type MethodSpec, type WireType,
} from './methods.generated.ts';
export { decodeProperties, encodeProperties, readDeliveryMode, NO_PROPERTIES, PROPERTY_FLAGS, type BasicProperties } from './properties.ts';
export {
  FRAME_METHOD, FRAME_HEADER, FRAME_BODY, FRAME_HEARTBEAT, FRAME_END, FRAME_MIN_SIZE, FRAME_OVERHEAD,
  PROTOCOL_HEADER, HEARTBEAT_FRAME, isProtocolHeader, parseFrame, decodeMethod, encodeMethodFrame,
  encodeContentFrames, type Frame,
} from './frame.ts';
