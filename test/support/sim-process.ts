/** broker-sim as a real child process, so a test can kill -9 it and start it again on the same file. */
export { scratchDir, startSimProcess, type SimProcess } from '../../tools/shared/brokers/index.ts';
