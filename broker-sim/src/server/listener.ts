/** The TCP listener: accepts sockets and keeps the live connections, for shutdown and the management API. */
import { createServer, type Server } from 'node:net';
import type { Broker } from '../core/broker.ts';
import { Connection, type Limits } from './connection.ts';

export interface ListenerOptions {
  host: string;
  port: number;
  heartbeat: number;
  log: (line: string) => void;
  limits?: Partial<Limits>;
  /** connection_max: beyond it new sockets are closed at once. Default: no limit. */
  maxConnections?: number;
}

export class AmqpListener {
  readonly connections = new Set<Connection>();
  private server: Server | undefined;
  private nextId = 1;

  constructor(private readonly broker: Broker, private readonly options: ListenerOptions) {}

  /** Listens; resolves with the port, rejects with the socket error (EADDRINUSE…). */
  listen(port = this.options.port): Promise<number> {
    const server = createServer((socket) => {
      if (this.options.maxConnections !== undefined && this.connections.size >= this.options.maxConnections) {
        this.options.log(`refusing a connection from ${socket.remoteAddress}: ${this.connections.size} open, the limit is ${this.options.maxConnections}`);
        socket.destroy();
        return;
      }
      const c = new Connection(this.nextId++, socket, this.broker, this.options, (gone) => this.connections.delete(gone));
      this.connections.add(c);
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.options.host, () => {
        server.off('error', reject);
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  async close(): Promise<void> {
    for (const c of this.connections) c.socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
