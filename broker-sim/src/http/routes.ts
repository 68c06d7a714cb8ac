/** Every path the management API serves, by resource family. */
import type { ApiRouter } from './api.ts';
import { registerConnectionRoutes } from './connections.ts';
import { registerExchangeRoutes } from './exchanges.ts';
import { registerHealthRoutes } from './health.ts';
import { registerMessageRoutes } from './messages.ts';
import { registerOverviewRoutes } from './overview.ts';
import { registerPolicyRoutes } from './policies.ts';
import { registerQueuelabRoutes } from './queuelab.ts';
import { registerQueueRoutes } from './queues.ts';
import { Router } from './router.ts';

export function buildRouter(): ApiRouter {
  const r: ApiRouter = new Router();
  registerOverviewRoutes(r);
  registerQueueRoutes(r);
  registerExchangeRoutes(r);
  registerMessageRoutes(r);
  registerConnectionRoutes(r);
  registerQueuelabRoutes(r);
  registerHealthRoutes(r);
  registerPolicyRoutes(r);
  return r;
}
