/** Every path the management API serves, by resource family. */
import type { ApiRouter } from './api.ts';
import { registerConnectionRoutes } from './connections.ts';
import { registerDefinitionRoutes } from './definitions.ts';
import { registerExchangeRoutes } from './exchanges.ts';
import { registerHealthRoutes } from './health.ts';
import { registerMessageRoutes } from './messages.ts';
import { registerNodeExtrasRoutes } from './node-extras.ts';
import { registerOverviewRoutes } from './overview.ts';
import { registerPermissionRoutes } from './permissions.ts';
import { registerPolicyRoutes } from './policies.ts';
import { registerQueuelabRoutes } from './queuelab.ts';
import { registerQueueRoutes } from './queues.ts';
import { Router } from './router.ts';
import { registerUserRoutes } from './users.ts';
import { registerVhostLimitRoutes } from './vhost-limits.ts';

export function buildRouter(): ApiRouter {
  const r: ApiRouter = new Router();
  registerOverviewRoutes(r);
  registerQueueRoutes(r);
  registerExchangeRoutes(r);
  registerMessageRoutes(r);
  registerConnectionRoutes(r);
  registerQueuelabRoutes(r);
  registerHealthRoutes(r);
  registerUserRoutes(r);
  registerPermissionRoutes(r);
  registerVhostLimitRoutes(r);
  registerDefinitionRoutes(r);
  registerNodeExtrasRoutes(r);
  registerPolicyRoutes(r);
  return r;
}
