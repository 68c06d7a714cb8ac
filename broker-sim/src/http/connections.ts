/** /api/connections, /api/channels, /api/consumers: who is connected, on which channels, consuming what. */
import type { Consumer } from '../core/consumer.ts';
import type { Connection } from '../server/connection.ts';
import { noContent, ok, type ApiRequest, type ApiRouter } from './api.ts';
import { httpErrors } from './errors.ts';
import { peerHost, toJson } from './json.ts';
import type { ChannelRef, Snapshot } from './snapshot.ts';

export function connectionJson(s: Snapshot, c: Connection): Record<string, unknown> {
  const props = toJson(c.clientProperties) as Record<string, unknown>;
  const out: Record<string, unknown> = {
    auth_mechanism: c.authMechanism,
    channel_max: c.channelMax,
    channels: c.channels.size,
    client_properties: props,
    connected_at: c.connectedAt,
    frame_max: c.frameMax,
    host: peerHost(c.socket.localAddress),
    name: c.name,
    node: s.ctx.node,
    peer_host: peerHost(c.socket.remoteAddress),
    peer_port: c.socket.remotePort,
    port: c.socket.localPort,
    protocol: 'AMQP 0-9-1',
    recv_oct: c.socket.bytesRead,
    send_oct: c.socket.bytesWritten,
    ssl: false,
    state: 'running',
    timeout: c.heartbeat,
    type: 'network',
    user: c.user?.name,
    vhost: c.vhost?.name,
  };
  if (typeof props.connection_name === 'string') out.user_provided_name = props.connection_name;
  return out;
}

function connectionDetails(ref: ChannelRef): Record<string, unknown> {
  return { name: ref.conn.name, peer_host: peerHost(ref.conn.socket.remoteAddress), peer_port: ref.conn.socket.remotePort };
}

export function channelJson(s: Snapshot, ref: ChannelRef): Record<string, unknown> {
  const core = ref.ch.coreChannel;
  return {
    acks_uncommitted: 0,
    confirm: ref.ch.confirmMode,
    connection_details: connectionDetails(ref),
    consumer_count: core.consumers.size,
    global_prefetch_count: core.channelPrefetch,
    messages_unacknowledged: core.unackedCount,
    messages_uncommitted: 0,
    messages_unconfirmed: 0,
    name: ref.name,
    node: s.ctx.node,
    number: ref.ch.number,
    prefetch_count: core.consumerPrefetch,
    state: core.active ? 'running' : 'flow',
    transactional: ref.ch.transactional,
    user: ref.conn.user?.name,
    vhost: ref.conn.vhost?.name,
  };
}

export function consumerJson(s: Snapshot, c: Consumer): Record<string, unknown> {
  const ref = s.channelOf(c.channel);
  const sac = c.queue.options.singleActiveConsumer === true;
  const active = !sac || c.queue.consumers[0] === c;
  return {
    ack_required: !c.noAck,
    active,
    activity_status: active ? 'up' : 'waiting',
    arguments: {},
    channel_details: ref ? {
      connection_name: ref.conn.name, name: ref.name, node: s.ctx.node, number: ref.ch.number,
      peer_host: peerHost(ref.conn.socket.remoteAddress), peer_port: ref.conn.socket.remotePort, user: ref.conn.user?.name,
    } : {},
    consumer_tag: c.tag,
    exclusive: c.exclusive,
    prefetch_count: c.prefetch,
    queue: { name: c.queue.name, vhost: c.queue.vhost },
  };
}

function visibleConnections(req: ApiRequest, vhost?: string): Connection[] {
  return req.snapshot().connections()
    .filter((c) => req.access.seesUser(c.user?.name) && (vhost === undefined || c.vhost?.name === vhost))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function visibleChannels(req: ApiRequest, filter: (ref: ChannelRef) => boolean = () => true): ChannelRef[] {
  return req.snapshot().channels()
    .filter((ref) => req.access.seesUser(ref.conn.user?.name) && filter(ref))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function findConnection(req: ApiRequest): Connection {
  const c = visibleConnections(req).find((x) => x.name === req.params.name);
  if (!c) throw httpErrors.notFound();
  return c;
}

function consumers(req: ApiRequest, vhost?: string): unknown[] {
  const vhosts = vhost === undefined ? req.access.visibleVhosts() : [req.access.readable(vhost)];
  const s = req.snapshot();
  return vhosts.flatMap((v) => [...v.queues.values()].sort((a, b) => a.name.localeCompare(b.name)))
    .flatMap((q) => q.consumers.map((c) => consumerJson(s, c)));
}

export function registerConnectionRoutes(r: ApiRouter): void {
  r.add('/api/connections', { GET: (req) => ok(visibleConnections(req).map((c) => connectionJson(req.snapshot(), c))) });
  r.add('/api/vhosts/:vhost/connections', {
    GET: (req) => {
      req.access.readable(req.params.vhost!);
      return ok(visibleConnections(req, req.params.vhost).map((c) => connectionJson(req.snapshot(), c)));
    },
  });
  r.add('/api/connections/:name', {
    GET: (req) => ok(connectionJson(req.snapshot(), findConnection(req))),
    DELETE: (req) => {
      const c = findConnection(req);
      const reason = req.query.get('reason') ?? 'Closed via management plugin';
      c.closeWith(320, `CONNECTION_FORCED - ${reason}`, 0, 0);
      return noContent();
    },
  });
  r.add('/api/connections/:name/channels', {
    GET: (req) => {
      const c = findConnection(req);
      return ok(visibleChannels(req, (ref) => ref.conn === c).map((ref) => channelJson(req.snapshot(), ref)));
    },
  });
  r.add('/api/channels', { GET: (req) => ok(visibleChannels(req).map((ref) => channelJson(req.snapshot(), ref))) });
  r.add('/api/vhosts/:vhost/channels', {
    GET: (req) => {
      req.access.readable(req.params.vhost!);
      return ok(visibleChannels(req, (ref) => ref.conn.vhost?.name === req.params.vhost).map((ref) => channelJson(req.snapshot(), ref)));
    },
  });
  r.add('/api/channels/:name', {
    GET: (req) => {
      const ref = visibleChannels(req).find((x) => x.name === req.params.name);
      if (!ref) throw httpErrors.notFound();
      return ok({ ...channelJson(req.snapshot(), ref), consumer_details: [...ref.ch.coreChannel.consumers.values()].map((c) => consumerJson(req.snapshot(), c)) });
    },
  });
  r.add('/api/consumers', { GET: (req) => ok(consumers(req)) });
  r.add('/api/consumers/:vhost', { GET: (req) => ok(consumers(req, req.params.vhost!)) });
}
