/** /api/connections, /api/channels, /api/consumers: who is connected, on which channels, consuming what. */
import type { Consumer } from '../core/consumer.ts';
import { ReplyCode } from '../protocol/index.ts';
import { noContent, ok, type ApiRequest, type ApiRouter } from './api.ts';
import type { ChannelConnectionDetails, ChannelInfo, ConnectionInfo, ConsumerInfo } from './contract.ts';
import type { AmqpConnectionView } from './context.ts';
import { httpErrors } from './errors.ts';
import { peerHost, toJson } from './json.ts';
import type { ChannelRef, Snapshot } from './snapshot.ts';

export function connectionJson(s: Snapshot, c: AmqpConnectionView): ConnectionInfo {
  const props = toJson(c.clientProperties) as Record<string, unknown>;
  const out: ConnectionInfo = {
    auth_mechanism: c.authMechanism,
    channel_max: c.channelMax,
    channels: [...c.openChannels()].length,
    client_properties: props,
    connected_at: c.connectedAt,
    frame_max: c.frameMax,
    host: peerHost(c.local.host),
    name: c.name,
    node: s.ctx.node,
    peer_host: peerHost(c.peer.host),
    peer_port: c.peer.port,
    port: c.local.port,
    protocol: 'AMQP 0-9-1',
    recv_oct: c.bytesReceived,
    send_oct: c.bytesSent,
    ssl: false,
    state: c.state,
    timeout: c.heartbeat,
    type: 'network',
    // Listed connections have logged in and opened a vhost (Snapshot.connections).
    user: c.user!.name,
    vhost: c.vhost!.name,
  };
  if (typeof props.connection_name === 'string') out.user_provided_name = props.connection_name;
  return out;
}

function connectionDetails(ref: ChannelRef): ChannelConnectionDetails {
  return { name: ref.conn.name, peer_host: peerHost(ref.conn.peer.host), peer_port: ref.conn.peer.port };
}

export function channelJson(s: Snapshot, ref: ChannelRef): ChannelInfo {
  const core = ref.ch.core;
  return {
    acks_uncommitted: ref.ch.uncommittedAcks,
    confirm: ref.ch.confirm,
    connection_details: connectionDetails(ref),
    consumer_count: core.consumers.size,
    global_prefetch_count: core.channelPrefetch,
    messages_unacknowledged: core.unackedCount,
    messages_uncommitted: ref.ch.uncommittedMessages,
    messages_unconfirmed: ref.ch.unconfirmed,
    name: ref.name,
    node: s.ctx.node,
    number: ref.ch.number,
    prefetch_count: core.consumerPrefetch,
    state: core.active ? 'running' : 'flow',
    transactional: ref.ch.transactional,
    user: ref.conn.user!.name,
    vhost: ref.conn.vhost!.name,
  };
}

/** A consumer as RabbitMQ lists it; undefined when its channel is not among the listed connections' (it never is). */
export function consumerJson(s: Snapshot, c: Consumer): ConsumerInfo | undefined {
  const ref = s.channelOf(c.channel);
  if (!ref) return undefined;
  const sac = c.queue.options.singleActiveConsumer === true;
  const active = !sac || c.queue.consumers[0] === c;
  return {
    ack_required: !c.noAck,
    active,
    activity_status: active ? 'up' : 'waiting',
    arguments: toJson(c.arguments) as Record<string, unknown>,
    channel_details: {
      connection_name: ref.conn.name, name: ref.name, node: s.ctx.node, number: ref.ch.number,
      peer_host: peerHost(ref.conn.peer.host), peer_port: ref.conn.peer.port, user: ref.conn.user!.name,
    },
    consumer_tag: c.tag,
    exclusive: c.exclusive,
    prefetch_count: c.prefetch,
    queue: { name: c.queue.name, vhost: c.queue.vhost },
  };
}

/** The consumers of a list, as JSON. */
export function consumersJson(s: Snapshot, list: Iterable<Consumer>): ConsumerInfo[] {
  const out: ConsumerInfo[] = [];
  for (const c of list) {
    const json = consumerJson(s, c);
    if (json) out.push(json);
  }
  return out;
}

function visibleConnections(req: ApiRequest, vhost?: string): AmqpConnectionView[] {
  return req.snapshot().connections()
    .filter((c) => req.access.seesUser(c.user?.name) && (vhost === undefined || c.vhost?.name === vhost))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function visibleChannels(req: ApiRequest, filter: (ref: ChannelRef) => boolean = () => true): ChannelRef[] {
  return req.snapshot().channels()
    .filter((ref) => req.access.seesUser(ref.conn.user?.name) && filter(ref))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function findConnection(req: ApiRequest): AmqpConnectionView {
  const c = visibleConnections(req).find((x) => x.name === req.params.name);
  if (!c) throw httpErrors.notFound();
  return c;
}

function consumers(req: ApiRequest, vhost?: string): ConsumerInfo[] {
  const vhosts = vhost === undefined ? req.access.visibleVhosts() : [req.access.readable(vhost)];
  const s = req.snapshot();
  return vhosts.flatMap((v) => [...v.queues.values()].sort((a, b) => a.name.localeCompare(b.name)))
    .flatMap((q) => consumersJson(s, q.consumers));
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
      c.closeWith(ReplyCode.CONNECTION_FORCED, `CONNECTION_FORCED - ${reason}`, 0, 0);
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
      const s = req.snapshot();
      const detailed: ChannelInfo = { ...channelJson(s, ref), consumer_details: consumersJson(s, ref.ch.core.consumers.values()) };
      return ok(detailed);
    },
  });
  r.add('/api/consumers', { GET: (req) => ok(consumers(req)) });
  r.add('/api/consumers/:vhost', { GET: (req) => ok(consumers(req, req.params.vhost!)) });
}
