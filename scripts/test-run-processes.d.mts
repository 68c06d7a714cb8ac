/** The processes (by pid) whose environment carries QUEUELAB_TEST_RUN=<run>. */
export function processesOf(run: string): number[];
/** The run's tmux sockets (queuelab-test-<run>-…). */
export function tmuxSocketsOf(run: string): string[];
/** Stops the run's tmux servers, then every process of the run still there. */
export function cleanUp(run: string): void;
