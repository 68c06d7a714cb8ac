/**
 * RabbitMQ's direct reply-to: a client consumes from the pseudo-queue `amq.rabbitmq.reply-to` (no
 * acks) and publishes requests with reply_to `amq.rabbitmq.reply-to`; the broker rewrites that to
 * `amq.rabbitmq.reply-to.<token>`, and a reply published to the default exchange with that routing
 * key goes straight to the requesting channel's consumer — no queue in between.
 */
import { randomBytes } from 'node:crypto';

export const REPLY_TO = 'amq.rabbitmq.reply-to';
const PREFIX = `${REPLY_TO}.`;

/** A channel consuming its replies. */
export interface ReplyTarget {
  deliverReply(routingKey: string, propertiesRaw: Buffer, body: Buffer): void;
}

/** The broker's reply keys and the channels they lead to. */
export class DirectReplies {
  private readonly targets = new Map<string, ReplyTarget>();

  /** Registers a channel's reply consumer; returns the routing key replies must use. */
  register(target: ReplyTarget): string {
    const key = `${PREFIX}${randomBytes(18).toString('base64url')}`;
    this.targets.set(key, target);
    return key;
  }

  unregister(key: string): void {
    this.targets.delete(key);
  }

  /** The channel a reply's routing key names, if it is still there. */
  target(routingKey: string): ReplyTarget | undefined {
    return this.targets.get(routingKey);
  }

  static isReplyKey(routingKey: string): boolean {
    return routingKey.startsWith(PREFIX);
  }
}
