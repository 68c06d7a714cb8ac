/**
 * The dashboard in broker-sim's own terminal (`npm start`): qtop on the broker's management API,
 * with the AMQP URL students should use in its header and the broker's log lines under the table.
 * Quitting the dashboard stops the broker. bin/broker-sim.js plugs it into broker-sim's serve command.
 */
import type { DashboardHook } from '../../broker-sim/src/main.ts';
import { ManagementClient } from '../shared/management-client.ts';
import { startDashboard } from './dashboard.ts';

export const attachDashboard: DashboardHook = (o) => {
  const client = new ManagementClient({ url: o.managementUrl, username: 'guest', password: 'guest', timeoutMs: 3000 });
  const d = startDashboard({ client, source: `AMQP_URL=${o.amqpUrl}`, onQuit: o.onQuit });
  const add = (line: string): void => {
    d.model.log.push(line);
    if (d.model.log.length > 100) d.model.log.splice(0, d.model.log.length - 100);
  };
  for (const l of o.early) add(l);
  return add;
};
