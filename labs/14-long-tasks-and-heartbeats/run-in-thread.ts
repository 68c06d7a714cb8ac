// Lab 14, run-in-thread.ts: runs a TypeScript module in a worker thread (node:worker_threads) and
// resolves with the first message the thread posts. A worker thread has an event loop of its own,
// so the main one stays free (for amqplib's heartbeats) while the thread works. tsx does not load
// .ts files in worker threads by itself, so the thread registers it before importing the module.
import { Worker } from 'node:worker_threads';

const tsx = import.meta.resolve('tsx/esm/api');

export function runInThread<T = unknown>(module: URL, workerData: unknown): Promise<T> {
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); })`;
  return new Promise((resolve, reject) => {
    const thread = new Worker(boot, { eval: true, workerData });
    thread.once('message', (answer: T) => resolve(answer));
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`the thread ended (exit code ${code}) without an answer`)));
  });
}
