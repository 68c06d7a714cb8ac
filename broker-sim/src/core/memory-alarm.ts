/**
 * The memory alarm, as RabbitMQ's vm_memory_high_watermark: when the broker uses more memory than
 * its limit, the alarm is raised (publishers are blocked, consumers go on draining); once use is
 * back below the limit by a margin (CLEAR_BELOW), it clears. No polling while all is well: use is read on publish
 * activity, at most once every CHECK_EVERY_MS; only while the alarm is in effect does a timer read
 * it again, every RECHECK_MS, since a blocked broker receives no publishes to prompt a check.
 *
 * Use is what the broker took at start plus its account of the memory it holds for messages
 * (MessageMemory), not its resident memory read anew: a Node process keeps the memory it freed
 * (100,000 messages consumed leave its RSS where it was), so an alarm on RSS would never clear.
 */
import type { Clock } from './clock.ts';
import type { MessageMemory } from './message.ts';

/** Reads of memory use at most this often (ms) on activity. */
export const CHECK_EVERY_MS = 5;
/** While the alarm is in effect, use is read again this often (ms). */
export const RECHECK_MS = 200;
/**
 * The alarm clears once the messages take less than this share of the room the limit leaves them
 * (the limit less what the broker took at start), so it does not flap at the limit.
 */
export const CLEAR_BELOW = 0.9;

export interface MemoryLimit {
  /** Bytes the broker may use before the alarm is raised. */
  limit: number;
  /** Bytes the broker used before it held any message (its resident memory at start). */
  base: number;
}

export class MemoryAlarm {
  private lastCheck = -Infinity;
  private over = false;
  private cancelRecheck: (() => void) | undefined;
  /** Bytes in use at the last reading. */
  lastUsed = 0;

  /** @param changed told when the alarm is raised (true) or cleared (false), with the use that did it */
  constructor(private readonly memory: MemoryLimit, private readonly messages: MessageMemory, private readonly clock: Clock,
    private readonly changed: (over: boolean, used: number) => void) {}

  get limit(): number { return this.memory.limit; }
  get inEffect(): boolean { return this.over; }
  /** Bytes in use now, as the alarm counts them. */
  get used(): number { return this.memory.base + this.messages.estimate; }

  /** Activity that may grow memory (a publish): reads use unless it was read a moment ago. */
  poke(): void {
    const now = this.clock.now();
    if (now - this.lastCheck >= CHECK_EVERY_MS) this.check(now);
  }

  /** Stops the timer (the broker is closing). */
  stop(): void {
    this.cancelRecheck?.();
    this.cancelRecheck = undefined;
  }

  private check(now: number): void {
    this.lastCheck = now;
    const used = this.lastUsed = this.used;
    if (!this.over && used > this.memory.limit) {
      this.over = true;
      this.changed(true, used);
      this.armRecheck();
    } else if (this.over && used < this.memory.base + (this.memory.limit - this.memory.base) * CLEAR_BELOW) {
      this.over = false;
      this.stop();
      this.changed(false, used);
    }
  }

  private armRecheck(): void {
    this.cancelRecheck = this.clock.setTimer(RECHECK_MS, () => {
      this.cancelRecheck = undefined;
      this.check(this.clock.now());
      if (this.over && !this.cancelRecheck) this.armRecheck();
    });
  }
}
