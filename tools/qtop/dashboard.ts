/**
 * The live dashboard: a blessed screen redrawn from the model once a second, the poller that keeps
 * the model fresh from the management API, and the keys. A failed refresh shows "disconnected —
 * retrying" and the next one tries again; nothing the broker does can crash it.
 */
import blessed from 'blessed';
import { ManagementClient, ManagementError } from '../shared/management-client.ts';
import { Model, type Snapshot } from './model.ts';
import { renderLines } from './render.ts';

export interface DashboardOptions {
  client: ManagementClient;
  /** What the header says the dashboard watches (e.g. the management URL). */
  source: string;
  intervalMs?: number;
  vhost?: string;
  /** Streams for the screen (tests pass fakes); default the terminal. */
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Called when the user quits. Default: exit the process. */
  onQuit?: () => void;
}

export interface Dashboard {
  model: Model;
  screen: blessed.Widgets.Screen;
  /** Fetches once and redraws (the poller calls it every interval). */
  refresh(): Promise<void>;
  /** The visible text, line by line, as a terminal shows it. */
  text(): string[];
  stop(): void;
}

/** One snapshot of everything the dashboard shows. */
export async function takeSnapshot(client: ManagementClient, vhost?: string): Promise<Snapshot> {
  const [overview, nodes, queues, consumers, channels, connections] = await Promise.all([
    client.getOverview(), client.getNodes().catch(() => []), client.getQueues(vhost), client.getConsumers(vhost), client.getChannels(),
    client.getConnections(),
  ]);
  const sim = overview.product_name === 'broker-sim';
  const [leases, events] = sim
    ? await Promise.all([client.getUnacked(vhost).catch(() => null), client.getEvents({ limit: 20, ...(vhost ? { vhost } : {}) }).catch(() => null)])
    : [null, null];
  return { at: Date.now(), overview, uptime: nodes[0]?.uptime, queues, consumers, channels, connections, leases, events };
}

export function startDashboard(o: DashboardOptions): Dashboard {
  const model = new Model(o.source);
  model.vhost = o.vhost;
  // @types/blessed types input as Writable; blessed itself reads keys from any readable stream.
  const screen = blessed.screen({
    smartCSR: true, title: 'qtop', warnings: false,
    ...(o.input ? { input: o.input } : {}), ...(o.output ? { output: o.output } : {}),
    ...(o.output ? { terminal: 'xterm-256color' } : {}),
  } as blessed.Widgets.IScreenOptions);
  const body = blessed.box({ parent: screen, top: 0, left: 0, width: '100%', height: '100%', tags: true, wrap: false });
  let stopped = false;
  let busy = false;
  let timer: NodeJS.Timeout | undefined;

  const draw = (): void => {
    if (stopped) return;
    body.setContent(renderLines(model, Number(screen.width), Number(screen.height)).join('\n'));
    screen.render();
  };

  const refresh = async (): Promise<void> => {
    try {
      model.update(await takeSnapshot(o.client, o.vhost));
    } catch (err) {
      model.fail(err instanceof ManagementError ? err.message : (err as Error).message.split('\n')[0]!);
    }
    draw();
  };

  const loop = async (): Promise<void> => {
    if (stopped) return;
    await refresh();
    if (!stopped) timer = setTimeout(() => void loop(), o.intervalMs ?? 1000);
  };

  /** Asks y/n on the bottom line; runs act on yes. */
  const confirm = (question: string, act: () => Promise<void>): void => {
    if (busy) return;
    busy = true;
    const q = blessed.question({ parent: screen, bottom: 0, left: 0, width: '100%', height: 3, border: 'line', tags: false });
    q.ask(`${question} (y/n)`, (_err, yes) => {
      q.destroy();
      busy = false;
      if (!yes) { model.notice = 'cancelled'; draw(); return; }
      act().then(() => refresh()).catch((err: Error) => { model.notice = `refused: ${err.message.split('\n')[0]}`; draw(); });
    });
    screen.render();
  };

  screen.key(['q', 'C-c'], () => {
    if (busy) return;
    stop();
    (o.onQuit ?? (() => process.exit(0)))();
  });
  screen.key(['up', 'k'], () => { if (!busy) { model.move(-1); draw(); } });
  screen.key(['down', 'j'], () => { if (!busy) { model.move(1); draw(); } });
  screen.key(['s'], () => { if (!busy) { model.cycleSort(); draw(); } });
  screen.key(['enter'], () => { if (!busy) { model.showDetails = !model.showDetails; draw(); } });
  screen.key(['v'], () => { if (!busy) { model.cycleVhost(); draw(); } });
  screen.key(['?'], () => { if (!busy) { model.showHelp = !model.showHelp; draw(); } });
  screen.key(['escape'], () => { if (!busy && model.showHelp) { model.showHelp = false; draw(); } });
  screen.key(['/'], () => {
    if (busy) return;
    busy = true;
    const p = blessed.prompt({ parent: screen, bottom: 0, left: 0, width: '100%', height: 3, border: 'line' });
    p.input('filter queues by name (empty: all):', model.filter, (_err, value) => {
      p.destroy();
      busy = false;
      if (typeof value === 'string') model.setFilter(value.trim());
      draw();
    });
    screen.render();
  });
  screen.key(['p'], () => {
    const q = model.selectedQueue();
    if (!q) return;
    confirm(`purge queue '${q.name}' (${q.messages_ready ?? 0} ready messages)?`, async () => {
      await o.client.purgeQueue(q.vhost, q.name);
      model.notice = `purged ${q.name}`;
    });
  });
  screen.key(['d'], () => {
    const q = model.selectedQueue();
    if (!q) return;
    confirm(`delete queue '${q.name}' and its ${q.messages ?? 0} messages?`, async () => {
      await o.client.deleteQueue(q.vhost, q.name);
      model.notice = `deleted ${q.name}`;
    });
  });
  screen.on('resize', draw);

  function stop(): void {
    if (stopped) return;
    stopped = true;
    if (timer) clearTimeout(timer);
    screen.destroy();
  }

  draw();
  void loop();
  return {
    model, screen, refresh, stop,
    text: () => ((screen as unknown as { lines: [unknown, string][][] }).lines).map((line) => line.map((cell) => cell[1]).join('').trimEnd()),
  };
}
