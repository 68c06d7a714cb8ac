/**
 * The TCP listener: accepts sockets on one address or more (by default both loopbacks, 127.0.0.1
 * and ::1, since `localhost` is ::1 first for many clients) and keeps the live connections, for
 * shutdown and the management API.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { Broker } from '../core/broker.ts';
import { Connection, type Limits } from './connection.ts';

/** The addresses listened on when none is given. */
export const LOOPBACK_HOSTS = ['127.0.0.1', '::1'];

export interface ListenerOptions {
  /** One address, or several on the same port; the first must work, later ones may be missing (no IPv6). */
  host: string | string[];
  port: number;
  heartbeat: number;
  log: (line: string) => void;
  limits?: Partial<Limits>;
  /** connection_max: beyond it new sockets are closed at once. Default: no limit. */
  maxConnections?: number;
}

export class AmqpListener {
  readonly connections = new Set<Connection>();
  private readonly servers: Server[] = [];
  private nextId = 1;

  constructor(private readonly broker: Broker, private readonly options: ListenerOptions) {}

  /** Listens; resolves with the port, rejects with the socket error (EADDRINUSE…). */
  async listen(port = this.options.port): Promise<number> {
    const [first, ...others] = typeof this.options.host === 'string' ? [this.options.host] : this.options.host;
    // A free port on the first address may be taken on another: then try another free port.
    for (let attempt = 0; ; attempt++) {
      const main = await this.listenOn(first!, port);
      const bound = main.port;
      try {
        for (const host of others) await this.listenOn(host, bound, true);
        return bound;
      } catch (err) {
        await this.closeServers();
        if (port !== 0 || attempt >= 10) throw err;
      }
    }
  }

  private async listenOn(host: string, port: number, optional = false): Promise<{ port: number }> {
    const server = createServer((socket) => this.accept(socket));
    try {
      const bound = await new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      });
      this.servers.push(server);
      return { port: bound };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // A machine without IPv6 (or without this address) listens on the others.
      if (optional && (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT')) return { port };
      throw err;
    }
  }

  private accept(socket: Socket): void {
    if (this.options.maxConnections !== undefined && this.connections.size >= this.options.maxConnections) {
      this.options.log(`refusing a connection from ${socket.remoteAddress}: ${this.connections.size} open, the limit is ${this.options.maxConnections}`);
      socket.destroy();
      return;
    }
    const c = new Connection(this.nextId++, socket, this.broker, this.options, (gone) => this.connections.delete(gone));
    this.connections.add(c);
  }

  private async closeServers(): Promise<void> {
    const servers = this.servers.splice(0);
    await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  }

  async close(): Promise<void> {
    for (const c of this.connections) c.socket.destroy();
    await this.closeServers();
  }
}
