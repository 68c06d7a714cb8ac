/** qtop's executable: the dashboard (or with --web the web page), or one line on stderr and exit 1 for bad flags. */
import { hideBin } from 'yargs/helpers';
import { ManagementClient } from '../shared/management-client.ts';
import { runCli } from '../../broker-sim/src/run-cli.ts';
import { startClassView } from './class-view.ts';
import { startDashboard } from './dashboard.ts';
import { buildCli, checkUrlAnswers, DEFAULT_WEB_PORT, resolveManagement, webVhost, type QtopArgs } from './qtop-command.ts';
import { pageAddress, startWebRelay } from './web-relay.ts';

await runCli('qtop', buildCli(hideBin(process.argv)).command('$0', false, () => {}, async (argv) => {
  const a = argv as unknown as QtopArgs;
  await checkUrlAnswers(a);
  const m = resolveManagement(a);
  if (a.web) {
    const relay = await startWebRelay({ managementUrl: m.url, host: a.webHost ?? '127.0.0.1', port: a.webPort ?? DEFAULT_WEB_PORT, log: (l) => console.error(l) });
    const vhost = webVhost(a);
    console.log(`qtop --web: the broker view of ${m.url} on ${pageAddress(relay.url, { username: m.username, ...(vhost !== undefined ? { vhost } : {}) })}`);
    const stop = (): void => { void relay.close().then(() => process.exit(0)); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return;
  }
  const client = new ManagementClient({ url: m.url, username: m.username, password: m.password, timeoutMs: 3000 });
  if (a.class) return void startClassView({ client, source: m.url, intervalMs: a.interval * 1000 });
  startDashboard({ client, source: m.url, intervalMs: a.interval * 1000, ...(a.vhost ? { vhost: a.vhost } : {}) });
}));
