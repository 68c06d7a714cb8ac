/**
 * A client connection as core sees it: the vhost it opened, its channels, and the exclusive queues
 * it declared — deleted when it closes, from its own set rather than by searching the vhost.
 */
import type { Broker } from './broker.ts';
import { CoreChannel, type ChannelSink } from './channel.ts';
import type { Queue, QueueOwner } from './queue.ts';
import type { QueueDeclare, Vhost } from './vhost.ts';

export class CoreConnection implements QueueOwner {
  readonly exclusiveQueues = new Set<Queue>();
  readonly channels = new Map<number, CoreChannel>();
  private closed = false;

  /**
   * @param id the connection's number, in the broker's event log and the management API
   * @param counted a client's connection, counted against the vhost's max-connections (the
   *   management API's own short-lived ones are not)
   * @param name its name in the management API; clientName the one its client gave (connection_name)
   */
  constructor(readonly broker: Broker, readonly id: number, readonly vhost: Vhost, private readonly counted = true,
    readonly name = `connection ${id}`, readonly clientName?: string) {
    if (counted) vhost.connections++;
  }

  /** A new channel; `sink` is told what to send its client. */
  openChannel(number: number, sink: ChannelSink): CoreChannel {
    const ch = new CoreChannel(this, number, sink);
    this.channels.set(number, ch);
    return ch;
  }

  /** queue.declare on this connection: an exclusive queue is its own. */
  declareQueue(d: QueueDeclare): Queue {
    return this.vhost.declareQueue(d, this);
  }

  /** The connection is gone: its channels close (deliveries go back) and its exclusive queues are deleted. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.counted) this.vhost.connections--;
    for (const ch of [...this.channels.values()]) ch.close();
    for (const q of [...this.exclusiveQueues]) {
      if (!q.deleted) this.vhost.removeQueue(q);
    }
    this.exclusiveQueues.clear();
  }
}
