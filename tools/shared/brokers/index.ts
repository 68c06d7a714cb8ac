/**
 * The kit's broker launchers, the one place a broker is started for a test, a grading run, the
 * bench or the test runner:
 * - startInProcessSim: broker-sim in this process, free port, throw-away database;
 * - startSimProcess / startSimInBackground: broker-sim as a real process (bin/broker-sim.js);
 * - startRabbitMq: RABBITMQ_URL, else a RABBITMQ_IMAGE container when Docker works;
 * - startRabbitCluster: three local RabbitMQ nodes joined in a cluster (lab 16), when rabbitmq-server is installed.
 * startBroker picks by kind, for code that runs the same against either.
 */
import type { BrokerSimOptions } from '../../../broker-sim/src/index.ts';
import { startInProcessSim } from './in-process.ts';
import { startRabbitMq } from './rabbitmq.ts';

export { startInProcessSim, type InProcessSim } from './in-process.ts';
export { scratchDir, SIM_BIN, SIM_NODE_FLAGS, startSimInBackground, startSimProcess, type SimProcess, type SimProcessOptions } from './child-process.ts';
export { clusterUnavailable, startRabbitCluster, type ClusterNode, type RabbitCluster } from './cluster.ts';
export { dockerWorks, RABBITMQ_IMAGE, rabbitMqEnv, rabbitMqFromEnv, RabbitMqUnavailable, startRabbitMq, type RabbitMq } from './rabbitmq.ts';

export type BrokerKind = 'sim' | 'rabbitmq';

/** A broker to run against, whichever kind it is. */
export interface LaunchedBroker {
  kind: BrokerKind;
  url: string;
  managementUrl?: string;
  close(): Promise<void>;
}

/** A private broker-sim (with simOptions), or RabbitMQ as startRabbitMq finds one. */
export function startBroker(kind: BrokerKind, simOptions: BrokerSimOptions = {}): Promise<LaunchedBroker> {
  return kind === 'sim' ? startInProcessSim(simOptions) : startRabbitMq();
}
