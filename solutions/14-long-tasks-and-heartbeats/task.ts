// Lab 14, task.ts: the long task. It stands for CPU-bound work (resizing an image, a simulation):
// it holds the thread it runs on for `ms`, and nothing else runs on that thread meanwhile. (It
// sleeps synchronously with Atomics.wait so that the lab does not heat your laptop; to the event
// loop that is the same as computing.) Started in a worker thread, it does the work and posts 'done'.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

export function work(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

if (!isMainThread) {
  work((workerData as { ms: number }).ms);
  parentPort!.postMessage('done');
}
