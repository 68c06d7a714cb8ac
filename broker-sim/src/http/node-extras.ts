/**
 * /api/feature-flags and /api/extensions. broker-sim follows RabbitMQ 3.10.8, so it lists that
 * version's feature flags in the states a fresh 3.10.8 node has them; it has no management UI
 * extensions (its own web view is not one).
 */
import { ok, type ApiRouter } from './api.ts';
import type { FeatureFlagInfo } from './contract.ts';

function flag(name: string, desc: string, docUrl: string, state: FeatureFlagInfo['state'], providedBy: string): FeatureFlagInfo {
  return { name, desc, doc_url: docUrl, state, stability: 'stable', provided_by: providedBy };
}

const FEATURE_FLAGS: FeatureFlagInfo[] = [
  flag('classic_mirrored_queue_version', 'Support setting version for classic mirrored queues', '', 'enabled', 'rabbit'),
  flag('drop_unroutable_metric', 'Count unroutable publishes to be dropped in stats', '', 'disabled', 'rabbitmq_management_agent'),
  flag('empty_basic_get_metric', 'Count AMQP `basic.get` on empty queues in stats', '', 'disabled', 'rabbitmq_management_agent'),
  flag('implicit_default_bindings', 'Default bindings are now implicit, instead of being stored in the database', '', 'enabled', 'rabbit'),
  flag('maintenance_mode_status', 'Maintenance mode status', '', 'enabled', 'rabbit'),
  flag('quorum_queue', 'Support queues of type `quorum`', 'https://www.rabbitmq.com/quorum-queues.html', 'enabled', 'rabbit'),
  flag('stream_queue', 'Support queues of type `stream`', 'https://www.rabbitmq.com/stream.html', 'enabled', 'rabbit'),
  flag('user_limits', 'Configure connection and channel limits for a user', '', 'enabled', 'rabbit'),
  flag('virtual_host_metadata', 'Virtual host metadata (description, tags, etc)', '', 'enabled', 'rabbit'),
];

export function registerNodeExtrasRoutes(r: ApiRouter): void {
  r.add('/api/feature-flags', {
    GET: (req) => {
      req.access.requireAdmin();
      return ok(FEATURE_FLAGS);
    },
  });
  r.add('/api/extensions', { GET: () => ok([]) });
}
