/**
 * The dashboard as lines of text for a width and height, from the model alone (pure, so render
 * tests can check it without a terminal). Blessed tags mark the selected row and errors.
 */
import { rate, sparkline, STOPPED, type Model } from './model.ts';
import type { QueueInfo } from '../shared/management-client.ts';

const esc = (s: string): string => s.replace(/[{}]/g, (c) => (c === '{' ? '{open}' : '{close}'));

function fit(s: string, width: number, right = false): string {
  if (s.length > width) return width <= 1 ? s.slice(0, width) : `${s.slice(0, width - 1)}…`;
  return right ? s.padStart(width) : s.padEnd(width);
}

const n = (v: number | undefined): string => String(v ?? 0);
const r = (v: number): string => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

function uptime(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
}

/** The line for a failed refresh: a stopped broker-sim is waited for, anything else retried. */
function errorLine(error: string, width: number): string {
  return `{red-fg}${esc(fit(error === STOPPED ? error : `disconnected — retrying: ${error}`, width))}{/red-fg}`;
}

function header(m: Model, width: number): string[] {
  const s = m.snapshot;
  if (!s) return [esc(fit(`qtop | ${m.source}`, width)), m.error ? errorLine(m.error, width) : 'connecting…'];
  const o = s.overview;
  const kind = o.product_name === 'broker-sim' ? `broker-sim ${o.product_version ?? ''}`.trim() : `RabbitMQ ${o.rabbitmq_version ?? o.management_version}`;
  const up = s.uptime;
  const st = o.message_stats;
  // Counted from the lists shown, not the overview's totals (RabbitMQ refreshes those on its own clock).
  const line1 = `qtop | ${kind}${up ? ` | up ${uptime(up)}` : ''} | ${s.connections.length} conn ${s.channels.length} chan ${m.consumerCount()} cons`
    + ` | pub ${r(rate(st, 'publish'))} dlv ${r(rate(st, 'deliver_get'))} ack ${r(rate(st, 'ack'))} /s`;
  const line2 = m.error
    ? errorLine(m.error, width)
    : esc(fit(`${m.source} | vhost: ${m.vhost ?? 'all'} | sort: ${m.sort} | filter: ${m.filter || 'none'}`, width));
  return [esc(fit(line1, width)), line2];
}

/** Column widths for the queue table at this width: QUEUE no wider than its longest name. */
function columns(width: number, names: string[]): { name: number; spark: number } {
  const fixed = 6 + 6 + 5 + 7 + 7 + 7; // ready unacked consumers publish deliver ack
  const gaps = 7;
  const spark = width >= 100 ? 24 : width >= 80 ? 12 : 0;
  const longest = Math.max('QUEUE'.length, ...names.map((n) => n.length));
  return { name: Math.max('QUEUE'.length, Math.min(longest, width - fixed - gaps - spark)), spark };
}

/** A queue's name in the table: with its vhost when every vhost is shown and it is not /. */
function shownName(m: Model, q: QueueInfo): string {
  return m.vhost === undefined && q.vhost !== '/' ? `${q.vhost}/${q.name}` : q.name;
}

function table(m: Model, width: number, height: number): string[] {
  const rows = m.rows();
  const c = columns(width, rows.map((q) => shownName(m, q)));
  const head = `${fit('QUEUE', c.name)} ${fit('READY', 6, true)} ${fit('UNACK', 6, true)} ${fit('CONS', 5, true)} `
    + `${fit('PUB/s', 7, true)} ${fit('DLV/s', 7, true)} ${fit('ACK/s', 7, true)}${c.spark ? ` ${fit('DEPTH', c.spark)}` : ''}`;
  const out = [`{bold}${esc(fit(head, width))}{/bold}`];
  if (rows.length === 0) {
    out.push(m.snapshot ? (m.filter || m.vhost ? '(no queue matches)' : '(no queues yet)') : '');
    return out;
  }
  // Keep the selection in view.
  const visible = Math.max(1, height - 1);
  const first = Math.min(Math.max(0, m.selected - visible + 1), Math.max(0, rows.length - visible));
  rows.slice(first, first + visible).forEach((q, i) => {
    const name = shownName(m, q);
    const st = q.message_stats;
    const line = `${fit(name, c.name)} ${fit(n(q.messages_ready), 6, true)} ${fit(n(q.messages_unacknowledged), 6, true)} `
      + `${fit(n(q.consumers), 5, true)} ${fit(r(rate(st, 'publish')), 7, true)} ${fit(r(rate(st, 'deliver_get')), 7, true)} `
      + `${fit(r(rate(st, 'ack')), 7, true)}${c.spark ? ` ${sparkline(m.history.get(`${q.vhost}/${q.name}`) ?? [], c.spark)}` : ''}`;
    const text = esc(fit(line, width));
    out.push(first + i === m.selected ? `{inverse}${text}{/inverse}` : text);
  });
  return out;
}

function details(m: Model, width: number): string[] {
  const q = m.selectedQueue();
  if (!q) return [];
  const out = [esc(fit(`-- ${q.name} ${'-'.repeat(Math.max(0, width))}`, width))];
  const consumers = m.consumersOfSelected();
  if (consumers.length === 0) out.push('  no consumers');
  for (const c of consumers.slice(0, 4)) {
    const held = c.autoAck ? 'auto-ack: what it holds is invisible to the broker' : `unacked ${c.unacked}`;
    out.push(esc(fit(`  ${c.connection} (${c.tag}) ch ${c.channel}  prefetch ${c.prefetch || '∞'}  ${held}`, width)));
  }
  if (consumers.length > 4) out.push(`  … ${consumers.length - 4} more consumers`);
  if (m.brokerSim) {
    const leases = m.leasesOfSelected();
    for (const l of leases.slice(0, 3)) {
      const left = l.time_left_ms === null ? 'no deadline' : `${Math.ceil(l.time_left_ms / 1000)}s left`;
      const body = l.body_preview === undefined ? '' : ` ${JSON.stringify(l.body_preview.length > 16 ? `${l.body_preview.slice(0, 15)}…` : l.body_preview)}`;
      out.push(esc(fit(`  lease: #${l.message_id}${body} held by ${l.worker} for ${Math.floor(l.held_ms / 1000)}s, ${left}`, width)));
    }
    if (leases.length > 3) out.push(`  … ${leases.length - 3} more leases`);
  }
  return out;
}

/** Why an event happened, in words, naming the worker (remembered after it has gone). */
function because(m: Model, e: { kind: string; consumer_tag: string | null; detail: string | null }): string {
  const who = e.consumer_tag ? `consumer ${m.workerOf(e.consumer_tag)}` : 'a basic.get';
  const why: Record<string, string> = {
    'lease.released': `${who} disconnected (or closed its channel)`,
    'lease.expired': `${who} held it past the consumer timeout`,
    'lease.requeued': `${who} gave it back (requeue)`,
    'lease.rejected': `${who} rejected it`,
    'consumer.cancelled': `${who} cancelled`,
  };
  const reason = why[e.kind];
  return [reason, e.detail].filter(Boolean).join('; ');
}

function events(m: Model, width: number, max: number): string[] {
  const list = m.snapshot?.events;
  if (!list || max <= 0) return [];
  const shown = list.filter((e) => e.kind !== 'lease.granted' && e.kind !== 'lease.acked').slice(0, max);
  if (shown.length === 0) return [];
  return ['{bold}recent events{/bold}', ...shown.map((e) => {
    const t = new Date(e.at).toTimeString().slice(0, 8);
    const said = because(m, e);
    return esc(fit(`  ${t} ${e.kind}${e.message_id !== null ? ` #${e.message_id}` : ''} ${e.queue}${said ? `: ${said}` : ''}`, width));
  })];
}

export const KEYS = '↑↓jk select ⏎ details s sort v vhost / filter p purge d delete ? help q quit';

const HELP = [
  '{bold}qtop keys{/bold}',
  '  ↑ ↓ j k   select a queue          s   sort: name, ready, unacked, consumers, publish rate',
  '  v         next vhost (all first)  /   filter queues by name (empty: all)',
  '  enter     show or hide the selected queue\'s consumers, leases and events',
  '  p         purge the selected queue (asks first)',
  '  d         delete the selected queue (asks first)',
  '  ?         this help               q   quit (also Ctrl-C)',
  '',
  'READY: waiting for a consumer. UNACK: delivered, not yet acknowledged (held by a worker).',
  'Rates are messages per second over the last seconds, as the management API computes them.',
];

/** Every line of the screen, top to bottom, exactly `height` of them. */
export function renderLines(m: Model, width: number, height: number): string[] {
  const top = header(m, width);
  const notice = m.notice ? [esc(fit(m.notice, width))] : [''];
  if (m.showHelp) return pad([...top, '', ...HELP.map((l) => (l.startsWith('{') ? l : esc(fit(l, width))))], height, width);
  const body = m.showDetails ? details(m, width) : [];
  const ev = m.showDetails ? events(m, width, 4) : [];
  const log = m.log.slice(-3).map((l) => `{gray-fg}${esc(fit(l, width))}{/gray-fg}`);
  const footer = esc(fit(KEYS, width));
  const reserved = top.length + notice.length + 1;
  const tableHeight = Math.max(4, height - reserved - body.length - ev.length - log.length);
  const lines = [...top, ...notice, ...table(m, width, tableHeight)];
  while (lines.length < top.length + notice.length + tableHeight) lines.push('');
  lines.push(...body, ...ev, ...log);
  return pad(lines.slice(0, height - 1), height - 1, width).concat(footer);
}

function pad(lines: string[], height: number, _width: number): string[] {
  const out = lines.slice(0, height);
  while (out.length < height) out.push('');
  return out;
}
