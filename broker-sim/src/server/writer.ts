/**
 * Batches a socket's writes per event-loop turn: the first write of a turn corks the socket and a
 * nextTick uncorks it, so a burst of deliveries or confirms leaves in as few TCP segments as possible.
 */
import type { Socket } from 'node:net';

export class BatchedWriter {
  private corked = false;
  constructor(private readonly socket: Socket) {}

  write(buf: Buffer): void {
    if (this.socket.destroyed) return;
    if (!this.corked) {
      this.corked = true;
      this.socket.cork();
      process.nextTick(() => {
        this.corked = false;
        this.socket.uncork();
      });
    }
    this.socket.write(buf);
  }
}
