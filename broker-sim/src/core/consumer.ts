/** A consumer: a tag on a channel, attached to one queue, with its own prefetch limit. */
import type { CoreChannel } from './channel.ts';
import type { Queue } from './queue.ts';

export interface Consumer {
  tag: string;
  channel: CoreChannel;
  queue: Queue;
  noAck: boolean;
  exclusive: boolean;
  /** Per-consumer prefetch (basic.qos global=false in force when it was created); 0 = unlimited. */
  prefetch: number;
  /** x-priority: consumers of higher priority get messages first while they have credit (default 0). */
  priority: number;
  /** basic.consume's arguments, as the client sent them. */
  arguments: Record<string, unknown>;
}
