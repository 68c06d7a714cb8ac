/**
 * Fake work that blocks the whole process (--block), as CPU-bound work or a synchronous pika
 * callback does: nothing else runs meanwhile, not even amqplib's heartbeat timer. (The default fake
 * work is a timer, which leaves the event loop free, as waiting for I/O does.)
 */

/**
 * Holds this thread for `ms` without returning to the event loop. Atomics.wait sleeps
 * synchronously: to the event loop it is the same as a busy loop, without burning a core.
 */
export function blockThread(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

