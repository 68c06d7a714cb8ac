/**
 * The broker view's entry point in the browser: log in with a user of the management API, then
 * every second read the chosen vhost (snapshot.ts) and draw it — the graph, its table alternative,
 * the selected queue, broker-sim's leases and event log — and act on it with the API calls
 * rabbitmqadmin makes (publish, get, purge, delete).
 */
import type { GotMessage } from './api-types.ts';
import { PageApi, PageApiError } from './api-client.ts';
import { byId, h, replaceIfChanged, tableElement } from './dom.ts';
import { exchangeLabel, plural } from './format.ts';
import { buildGraph } from './graph.ts';
import { GraphView } from './graph-view.ts';
import { DepthHistory, sparklinePoints } from './history.ts';
import { publishOutcome, publishProperties } from './publish.ts';
import { fetchSnapshot, isBrokerSim, whoIsLoggedIn, type PageSnapshot } from './snapshot.ts';
import { freshnessLine, REFRESH_MS, StatsInterval } from './stats-interval.ts';
import { bindingTable, consumerTable, eventTable, exchangeTable, leaseTable, queueFacts, queueTable } from './tables.ts';

const LOGIN_KEY = 'queuelab.login';
const params = new URLSearchParams(location.search);

const state: {
  api?: PageApi; vhost: string; snapshot?: PageSnapshot; selected?: string; generation: number; timer?: number;
  history: DepthHistory; interval: StatsInterval;
} = { vhost: '/', generation: 0, history: new DepthHistory(), interval: new StatsInterval() };

const graph = new GraphView(byId('graph'), (q) => select(q));

// ---- login ----------------------------------------------------------------------------------

async function login(user: string, password: string): Promise<void> {
  const api = new PageApi(new URL('api/', location.href).href, user, password);
  const who = await whoIsLoggedIn(api);
  if (who.vhosts.length === 0) throw new Error(`user ${user} has no permissions on any vhost`);
  sessionStorage.setItem(LOGIN_KEY, JSON.stringify({ user, password }));
  state.api = api;
  const wanted = params.get('vhost');
  state.vhost = wanted !== null && who.vhosts.includes(wanted) ? wanted : who.vhosts.includes('/') ? '/' : who.vhosts[0]!;
  const vhostSelect = byId<HTMLSelectElement>('vhost');
  vhostSelect.replaceChildren(...who.vhosts.map((v) => h('option', { value: v, selected: v === state.vhost }, v)));
  const tags = Array.isArray(who.user.tags) ? who.user.tags.join(', ') : who.user.tags;
  byId('who').textContent = `${who.user.name}${tags ? ` (${tags})` : ''}`;
  byId('login').hidden = true;
  byId('app').hidden = false;
  byId('session').hidden = false;
  restart();
}

function logout(message = ''): void {
  sessionStorage.removeItem(LOGIN_KEY);
  state.generation++;
  clearTimeout(state.timer);
  state.api = undefined;
  state.snapshot = undefined;
  state.selected = undefined;
  byId('app').hidden = true;
  byId('session').hidden = true;
  byId('login').hidden = false;
  byId('banner').hidden = true;
  byId('freshness').textContent = '';
  byId('login-error').textContent = message;
}

byId<HTMLFormElement>('login-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const user = byId<HTMLInputElement>('login-user').value.trim();
  const password = byId<HTMLInputElement>('login-password').value;
  byId('login-error').textContent = '';
  login(user, password).catch((err: Error) => { byId('login-error').textContent = err.message; });
});
byId('logout').addEventListener('click', () => logout());
byId<HTMLSelectElement>('vhost').addEventListener('change', (ev) => {
  state.vhost = (ev.target as HTMLSelectElement).value;
  state.selected = undefined;
  state.snapshot = undefined;
  byId('messages').replaceChildren();
  restart();
});

// ---- refresh loop ---------------------------------------------------------------------------

/** Starts a new refresh loop; answers that belong to an older one (another vhost) are dropped. */
function restart(): void {
  clearTimeout(state.timer);
  const generation = ++state.generation;
  void refresh(generation);
}

async function refresh(generation: number): Promise<void> {
  const api = state.api;
  if (!api) return;
  const started = Date.now();
  try {
    const snap = await fetchSnapshot(api, state.vhost);
    if (generation !== state.generation) return;
    state.snapshot = snap;
    state.history.record(snap);
    state.interval.observe(snap);
    byId('banner').hidden = true;
    render(snap);
  } catch (err) {
    if (generation !== state.generation) return;
    if (err instanceof PageApiError && err.status === 401 && err.reason === 'Login failed') return logout(err.message);
    const banner = byId('banner');
    banner.textContent = `disconnected — retrying: ${(err as Error).message}`;
    banner.hidden = false;
  }
  if (generation === state.generation) state.timer = window.setTimeout(() => void refresh(generation), Math.max(0, REFRESH_MS - (Date.now() - started)));
}

function render(snap: PageSnapshot): void {
  const o = snap.overview;
  byId('broker').textContent = isBrokerSim(o) ? `broker-sim ${o.product_version ?? ''} · ${o.node}` : `RabbitMQ ${o.rabbitmq_version ?? ''} · ${o.cluster_name}`;
  byId('freshness').textContent = freshnessLine(snap, state.interval);
  if (state.selected !== undefined && !snap.queues.some((q) => q.name === state.selected)) {
    byId('queue-result').textContent = `queue ${state.selected} is gone`;
    state.selected = undefined;
  }
  const g = buildGraph(snap, { showDefaultExchange: byId<HTMLInputElement>('show-default').checked });
  const box = byId('graph');
  graph.svg.setAttribute('aria-label', `Topology of vhost ${snap.vhost}: ${plural(g.nodes.filter((n) => n.kind === 'exchange').length, 'exchange')}, `
    + `${plural(g.nodes.filter((n) => n.kind === 'queue').length, 'queue')}, ${plural(g.nodes.filter((n) => n.kind === 'consumer').length, 'consumer')}`);
  graph.render(g, box.clientWidth > 0 && box.clientWidth < 640 ? 'TB' : 'LR', state.history, snap.vhost, state.selected);
  renderTables(snap);
  renderQueue(snap);
  renderExchanges(snap);
  renderLeases();
  renderEvents(snap);
}

function renderTables(snap: PageSnapshot): void {
  const panel = byId('table-panel');
  if (panel.hidden) return;
  const queues = queueTable(snap);
  const tables = [exchangeTable(snap), bindingTable(snap), queues, consumerTable(snap)];
  replaceIfChanged(panel, JSON.stringify([tables, state.selected]), () => tables.map((t) => tableElement(t, t === queues
    ? { id: 'queue-table', empty: 'no queues in this vhost', rowAction: (i) => select(queues.queues![i]!), ...(state.selected === undefined ? {} : { selected: queues.queues!.indexOf(state.selected) }) }
    : { empty: 'none' })));
}

// ---- the selected queue ---------------------------------------------------------------------

function select(queue: string): void {
  if (state.selected !== queue) byId('messages').replaceChildren();
  state.selected = queue;
  byId('queue-result').textContent = '';
  if (byId<HTMLSelectElement>('publish-exchange').value === '') byId<HTMLInputElement>('publish-key').value = queue;
  if (state.snapshot) render(state.snapshot);
}

function renderQueue(snap: PageSnapshot): void {
  const name = state.selected;
  const facts = name === undefined ? undefined : queueFacts(snap, name);
  byId('queue-actions').hidden = facts === undefined;
  byId('queue-depth').hidden = facts === undefined;
  const details = byId('queue-details');
  if (name === undefined || facts === undefined) {
    replaceIfChanged(details, 'none', () => h('p', { class: 'muted' }, 'Select a queue in the graph or the table.'));
    return;
  }
  const consumers = consumerTable(snap, name);
  replaceIfChanged(details, JSON.stringify([name, facts, consumers]), () => [
    h('h3', { class: 'queue-name' }, name),
    h('dl', { class: 'facts' }, ...facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', { 'data-fact': k }, v)])),
    h('div', { class: 'scroll-x' }, tableElement(consumers, { empty: 'no consumers' })),
  ]);
  const depths = state.history.of(snap.vhost, name).slice(-120);
  byId('queue-depth').querySelector('polyline')!.setAttribute('points', sparklinePoints(depths, 300, 36, 120));
  byId('queue-depth-caption').textContent = `depth (ready + unacked) over the last ${depths.length} s: now ${depths[depths.length - 1] ?? 0}, at most ${Math.max(0, ...depths)}`;
}

function messageElement(m: GotMessage, i: number): HTMLElement {
  const props = Array.isArray(m.properties) ? {} : m.properties;
  return h('div', { class: 'message' },
    h('div', {}, h('strong', {}, `#${i + 1}`), ` routing key '${m.routing_key}' via ${exchangeLabel(m.exchange)}`,
      m.redelivered ? ' · redelivered' : '', ` · ${plural(m.payload_bytes, 'byte')}`),
    Object.keys(props).length ? h('div', { class: 'muted' }, JSON.stringify(props)) : null,
    h('pre', {}, m.payload_encoding === 'base64' ? `(binary, base64) ${m.payload}` : m.payload));
}

async function takeMessages(ackmode: 'ack_requeue_true' | 'ack_requeue_false'): Promise<void> {
  const { api, selected } = state;
  if (!api || selected === undefined) return;
  const count = Math.max(1, Math.min(100, Number(byId<HTMLInputElement>('peek-count').value) || 1));
  const got = await api.getMessages(state.vhost, selected, count, ackmode);
  const left = got.length ? got[got.length - 1]!.message_count : undefined;
  byId('queue-result').textContent = got.length === 0
    ? `${selected} has no ready messages`
    : ackmode === 'ack_requeue_true'
      ? `peeked at ${plural(got.length, 'message')}: they went back to the queue, marked redelivered`
      : `took ${plural(got.length, 'message')} off the queue (acked); ${left ?? 0} left ready`;
  byId('messages').replaceChildren(...got.map(messageElement));
  restart();
}

function confirmAction(text: string, ok: string): Promise<boolean> {
  const dialog = byId<HTMLDialogElement>('confirm');
  byId('confirm-text').textContent = text;
  byId('confirm-ok').textContent = ok;
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise((resolve) => dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true }));
}

async function purgeOrDelete(what: 'purge' | 'delete'): Promise<void> {
  const { api, selected, snapshot } = state;
  if (!api || selected === undefined) return;
  const q = snapshot?.queues.find((x) => x.name === selected);
  const text = what === 'purge'
    ? `Purge queue ${selected}? Its ${plural(q?.messages_ready ?? 0, 'ready message')} are dropped; unacknowledged ones stay with their consumers.`
    : `Delete queue ${selected} and its ${plural(q?.messages ?? 0, 'message')}? Its ${plural(q?.consumers ?? 0, 'consumer')} are cancelled.`;
  if (!(await confirmAction(text, what === 'purge' ? 'Purge' : 'Delete'))) {
    byId('queue-result').textContent = 'cancelled';
    return;
  }
  if (what === 'purge') await api.purge(state.vhost, selected);
  else await api.deleteQueue(state.vhost, selected);
  byId('queue-result').textContent = what === 'purge' ? `purged ${selected}` : `deleted ${selected}`;
  byId('messages').replaceChildren();
  restart();
}

const failInto = (id: string) => (err: Error): void => { byId(id).textContent = err.message; };
byId('peek').addEventListener('click', () => takeMessages('ack_requeue_true').catch(failInto('queue-result')));
byId('get').addEventListener('click', () => takeMessages('ack_requeue_false').catch(failInto('queue-result')));
byId('purge').addEventListener('click', () => purgeOrDelete('purge').catch(failInto('queue-result')));
byId('delete').addEventListener('click', () => purgeOrDelete('delete').catch(failInto('queue-result')));

// ---- publish --------------------------------------------------------------------------------

function renderExchanges(snap: PageSnapshot): void {
  const select = byId<HTMLSelectElement>('publish-exchange');
  const names = snap.exchanges.map((x) => x.name).sort();
  const current = select.value;
  replaceIfChanged(select, JSON.stringify([snap.vhost, snap.exchanges.map((x) => [x.name, x.type])]), () => names.map((n) => {
    const x = snap.exchanges.find((e) => e.name === n)!;
    return h('option', { value: n, selected: n === current }, `${exchangeLabel(n)} (${x.type})`);
  }));
}

byId<HTMLFormElement>('publish-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const out = byId<HTMLOutputElement>('publish-result');
  const field = (id: string): string => byId<HTMLInputElement>(id).value;
  const api = state.api;
  if (!api) return;
  const exchange = byId<HTMLSelectElement>('publish-exchange').value;
  const key = field('publish-key');
  void (async () => {
    try {
      const properties = publishProperties({
        persistent: byId<HTMLInputElement>('publish-persistent').checked, contentType: field('publish-content-type'),
        correlationId: field('publish-correlation-id'), replyTo: field('publish-reply-to'), messageId: field('publish-message-id'),
        expiration: field('publish-expiration'), priority: field('publish-priority'), headers: field('publish-headers'),
      });
      const r = await api.publish(state.vhost, exchange, key, byId<HTMLTextAreaElement>('publish-payload').value, properties);
      out.className = r.routed ? '' : 'error';
      out.textContent = publishOutcome(r.routed, exchange, key);
      restart();
    } catch (err) {
      out.className = 'error';
      out.textContent = (err as Error).message;
    }
  })();
});

// ---- leases and events ----------------------------------------------------------------------

function renderLeases(): void {
  const snap = state.snapshot;
  if (!snap) return;
  const el = byId('lease-table');
  if (!snap.unacked) {
    replaceIfChanged(el, 'rabbitmq', () => h('p', { class: 'muted' },
      'RabbitMQ\'s management API does not list which consumer holds which message or when its consumer timeout runs out; '
      + 'broker-sim shows them here. The unacked counts above are RabbitMQ\'s.'));
    return;
  }
  const t = leaseTable(snap, Date.now());
  replaceIfChanged(el, JSON.stringify(t.rows), () => tableElement(t, { empty: 'no message is held unacknowledged' }));
}

function renderEvents(snap: PageSnapshot): void {
  const el = byId('event-table');
  if (!snap.events) {
    replaceIfChanged(el, 'rabbitmq', () => h('p', { class: 'muted' },
      'RabbitMQ keeps no event log of deliveries in its management API; broker-sim shows expired leases, requeues, dead-lettering and at-most-once failures here.'));
    return;
  }
  const t = eventTable(snap, { routine: byId<HTMLInputElement>('show-routine').checked });
  replaceIfChanged(el, JSON.stringify(t.rows), () => tableElement(t, { empty: 'nothing has happened yet' }));
}

// Lease countdowns move between refreshes.
window.setInterval(renderLeases, 250);

// ---- tabs and options -----------------------------------------------------------------------

function showTab(which: 'graph' | 'table'): void {
  for (const t of ['graph', 'table'] as const) {
    const tab = byId(`tab-${t}`);
    tab.setAttribute('aria-selected', String(t === which));
    tab.tabIndex = t === which ? 0 : -1;
    byId(`${t}-panel`).hidden = t !== which;
  }
  if (state.snapshot) render(state.snapshot);
}
byId('tab-graph').addEventListener('click', () => showTab('graph'));
byId('tab-table').addEventListener('click', () => showTab('table'));
for (const id of ['tab-graph', 'tab-table']) {
  byId(id).addEventListener('keydown', (ev) => {
    if (ev.key !== 'ArrowLeft' && ev.key !== 'ArrowRight') return;
    const next = id === 'tab-graph' ? 'table' : 'graph';
    showTab(next);
    byId(`tab-${next}`).focus();
  });
}
for (const id of ['show-default', 'show-routine']) byId(id).addEventListener('change', () => { if (state.snapshot) render(state.snapshot); });
window.addEventListener('resize', () => { if (state.snapshot) render(state.snapshot); });

// ---- start ----------------------------------------------------------------------------------

byId<HTMLInputElement>('login-user').value = params.get('user') ?? 'guest';
const saved = sessionStorage.getItem(LOGIN_KEY);
if (saved) {
  const { user, password } = JSON.parse(saved) as { user: string; password: string };
  login(user, password).catch((err: Error) => logout(err.message));
}
