/** qtop's executable: the dashboard, or one line on stderr and exit 1 for bad flags. */
import { hideBin } from 'yargs/helpers';
import { ManagementClient } from '../shared/management-client.ts';
import { runCli } from '../../broker-sim/src/run-cli.ts';
import { startDashboard } from './dashboard.ts';
import { buildCli, resolveManagement, type QtopArgs } from './qtop-command.ts';

await runCli('qtop', buildCli(hideBin(process.argv)).command('$0', false, () => {}, (argv) => {
  const a = argv as unknown as QtopArgs;
  const m = resolveManagement(a);
  const client = new ManagementClient({ url: m.url, username: m.username, password: m.password, timeoutMs: 3000 });
  startDashboard({ client, source: m.url, intervalMs: a.interval * 1000, ...(a.vhost ? { vhost: a.vhost } : {}) });
}));
