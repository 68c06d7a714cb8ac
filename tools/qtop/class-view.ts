/**
 * `qtop --class`: the class at a glance for an instructor — one row per student's vhost (connected,
 * connections, queues, ready, unacked, consumers, last activity), redrawn every interval from the
 * management API of broker-sim or RabbitMQ. A failed refresh says so and the next one tries again.
 */
import blessed from 'blessed';
import { ManagementClient, ManagementError } from '../shared/management-client.ts';
import { ClassActivity, renderClass, type ClassSnapshot } from './class-model.ts';

export interface ClassViewOptions {
  client: ManagementClient;
  source: string;
  intervalMs?: number;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  onQuit?: () => void;
}

export interface ClassView { refresh(): Promise<void>; text(): string[]; stop(): void }

/** One snapshot; who has rights where only when the user may read it (an administrator). */
export async function takeClassSnapshot(client: ManagementClient): Promise<ClassSnapshot> {
  const [vhosts, queues, connections, users, permissions] = await Promise.all([
    client.getVhosts(), client.getQueues(), client.getConnections(), client.getUsers().catch(() => undefined), client.getPermissions().catch(() => undefined),
  ]);
  const admins = users?.filter((u) => (Array.isArray(u.tags) ? u.tags : u.tags.split(',')).includes('administrator')).map((u) => u.name);
  return { at: Date.now(), vhosts, queues, connections, ...(permissions ? { permissions } : {}), ...(admins ? { admins } : {}) };
}

export function startClassView(o: ClassViewOptions): ClassView {
  const screen = blessed.screen({
    smartCSR: true, title: 'qtop --class', warnings: false,
    ...(o.input ? { input: o.input } : {}), ...(o.output ? { output: o.output, terminal: 'xterm-256color' } : {}),
  } as blessed.Widgets.IScreenOptions);
  const body = blessed.box({ parent: screen, top: 0, left: 0, width: '100%', height: '100%', wrap: false });
  const activity = new ClassActivity();
  let lines: string[] = [`qtop --class: ${o.source} (connecting…)`];
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const draw = (): void => {
    if (stopped) return;
    body.setContent(lines.join('\n'));
    screen.render();
  };
  const refresh = async (): Promise<void> => {
    try {
      const snap = await takeClassSnapshot(o.client);
      lines = [`qtop --class: ${o.source}   q quit`, ...renderClass(activity.rows(snap), snap.at, Number(screen.width))];
    } catch (err) {
      const why = err instanceof ManagementError ? err.message : (err as Error).message.split('\n')[0]!;
      lines = [`qtop --class: ${o.source}: disconnected — retrying (${why})`];
    }
    draw();
  };
  const loop = async (): Promise<void> => {
    await refresh();
    if (!stopped) timer = setTimeout(() => void loop(), o.intervalMs ?? 1000);
  };
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    if (timer) clearTimeout(timer);
    screen.destroy();
  };
  screen.key(['q', 'C-c'], () => { stop(); (o.onQuit ?? (() => process.exit(0)))(); });
  screen.on('resize', draw);
  draw();
  void loop();
  return {
    refresh, stop,
    text: () => ((screen as unknown as { lines: [unknown, string][][] }).lines).map((line) => line.map((cell) => cell[1]).join('').trimEnd()),
  };
}
