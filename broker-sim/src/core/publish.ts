/**
 * Publishing: the one path a message takes into the broker, whoever sends it — basic.publish over
 * AMQP, the management API's publish, and the broker itself when it dead-letters. It builds the
 * message, routes it through the exchange, exchange-to-exchange bindings and alternate exchanges (or straight to a
 * direct reply-to consumer), puts a copy in each queue reached, and says how that went.
 */
import { decodeProperties, readDeliveryMode } from '../protocol/index.ts';
import { publishHints } from './content.ts';
import { DirectReplies } from './direct-reply.ts';
import type { Exchange } from './exchange.ts';
import type { Message } from './message.ts';
import type { Queue } from './queue.ts';
import type { Storage } from './storage.ts';

/** A message as its publisher hands it over. */
export interface Publication {
  exchange: string;
  routingKey: string;
  /** Content properties as published (flags + list), passed through to consumers. */
  propertiesRaw: Buffer;
  body: Buffer;
  /** basic.publish's mandatory flag: a message no queue takes is returned. */
  mandatory?: boolean;
}

export interface PublishOutcome {
  /** A queue took it. */
  routed: boolean;
  /** Mandatory and taken by nothing: basic.return it to the publisher. */
  returned: boolean;
  /** A queue refused it (x-overflow reject-publish): a confirming publisher gets basic.nack. */
  rejected: boolean;
  /** The properties as published (what a basic.return carries). */
  propertiesRaw: Buffer;
}

export interface PublishOptions {
  /** Queues that must not get a copy, though routing reaches them (dead-lettering's cycle rule). */
  skip?: (q: Queue) => boolean;
}

/** Where messages are published: a vhost's exchanges and queues. */
export interface PublishTarget {
  readonly name: string;
  readonly exchanges: ReadonlyMap<string, Exchange>;
  readonly queues: ReadonlyMap<string, Queue>;
}

/** What publishing needs from the broker. */
export interface PublishServices {
  newMessageId(): number;
  readonly directReplies: DirectReplies;
}

export class Publisher {
  constructor(private readonly target: PublishTarget, private readonly storage: Storage, private readonly services: PublishServices) {}

  /**
   * Publishes one message. Throws RabbitMQ's 406 for an expiration that is no whole number, before
   * anything is routed. A missing exchange routes nowhere (its absence is checked at basic.publish).
   */
  publish(p: Publication, options?: PublishOptions): PublishOutcome {
    const { expiration, priority } = publishHints(p.propertiesRaw);
    const mandatory = p.mandatory ?? false;
    if (p.exchange === '' && DirectReplies.isReplyKey(p.routingKey)) {
      // As RabbitMQ 3.10: a direct reply reaches its consumer (if it is still there) but no queue,
      // so it counts as unroutable, and a mandatory one is returned too.
      this.services.directReplies.target(p.routingKey)?.deliverReply(p.routingKey, p.propertiesRaw, p.body);
      return { routed: false, returned: mandatory, rejected: false, propertiesRaw: p.propertiesRaw };
    }
    const x = this.target.exchanges.get(p.exchange);
    let queues = x ? this.route(x, p.routingKey, () => decodeProperties(p.propertiesRaw).headers ?? {}) : [];
    const skip = options?.skip;
    if (skip) queues = queues.filter((q) => !skip(q));
    const persistent = readDeliveryMode(p.propertiesRaw) === 2;
    let rejected = false;
    for (const q of queues) {
      const m: Message = {
        id: this.services.newMessageId(), exchange: p.exchange, routingKey: p.routingKey, propertiesRaw: p.propertiesRaw,
        body: p.body, persistent, redelivered: false, stored: false,
      };
      if (priority !== undefined) m.priority = priority;
      if (!this.enqueue(q, m, expiration)) rejected = true;
    }
    return { routed: queues.length > 0, returned: queues.length === 0 && mandatory, rejected, propertiesRaw: p.propertiesRaw };
  }

  /**
   * The queues a message published to `exchange` with this key reaches, following
   * exchange-to-exchange bindings and alternate exchanges once each, as RabbitMQ routes: an
   * exchange none of whose bindings match passes the message to its alternate exchange (if that
   * exists), whose own alternate follows in turn; an exchange already visited is not entered again.
   */
  route(exchange: Exchange, routingKey: string, headers: () => Record<string, unknown>): Queue[] {
    const { queues, exchanges } = this.target;
    if (exchange.name === '') {
      const q = queues.get(routingKey);
      return q ? [q] : [];
    }
    const out = new Set<Queue>();
    const seen = new Set<Exchange>();
    const walk = (x: Exchange): void => {
      if (seen.has(x)) return;
      seen.add(x);
      const matched = x.matches(routingKey, headers);
      if (matched.length === 0) {
        const ae = x.alternateExchange;
        const next = ae === undefined ? undefined : exchanges.get(ae);
        if (next) walk(next);
        return;
      }
      for (const b of matched) {
        if (b.destinationType === 'queue') {
          const q = queues.get(b.destination);
          if (q) out.add(q);
        } else {
          const next = exchanges.get(b.destination);
          if (next) walk(next);
        }
      }
    };
    walk(exchange);
    return [...out];
  }

  /**
   * Puts one copy in a queue; persistent ones in durable queues (and every one in a quorum queue)
   * are stored. False when the queue refused it (x-overflow reject-publish).
   */
  private enqueue(q: Queue, m: Message, expiration: number | undefined): boolean {
    const expiresAt = q.expiresAt(expiration);
    if (expiresAt !== undefined) m.expiresAt = expiresAt;
    if (q.stores(m)) {
      this.storage.insertMessage(this.target.name, q.name, m);
      m.stored = true;
    }
    if (q.enqueue(m)) return true;
    if (m.stored) {
      this.storage.deleteMessage(m.id);
      m.stored = false;
    }
    return false;
  }
}
