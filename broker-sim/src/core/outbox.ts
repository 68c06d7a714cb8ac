/**
 * What a channel sends its client, in the order core produced it. Something that may leave only
 * once storage has committed (a delivery a delivery limit must survive, a publisher confirm, the
 * -ok of a durable declare) holds back everything produced after it, so the client never sees
 * frames out of order and never sees one whose cause a crash could undo.
 */
interface Held { send: () => void; ready: boolean }

type AfterCommit = (fn: () => void, ifLost?: () => void) => void;

export class Outbox {
  private held: Held[] = [];

  /** @param afterCommit runs a callback once every write queued so far is committed (or ifLost, if it cannot be) */
  constructor(private readonly afterCommit: AfterCommit) {}

  /** Nothing is waiting: what is produced now may go straight out. */
  get idle(): boolean { return this.held.length === 0; }

  /** Sends now, or after what is held. */
  send(send: () => void): void {
    if (this.held.length === 0) { send(); return; }
    this.held.push({ send, ready: true });
  }

  /**
   * Sends once every write queued so far is committed, and after what is held; or sends ifLost
   * instead (in the same place in the order) when that commit cannot happen.
   */
  sendDurably(send: () => void, ifLost?: () => void): void {
    const item: Held = { send, ready: false };
    this.held.push(item);
    const queue = this.held;
    const release = (): void => {
      item.ready = true;
      if (queue === this.held) this.flush();
    };
    this.afterCommit(release, ifLost && (() => { item.send = ifLost; release(); }));
  }

  /** The channel is closed: nothing held is sent. */
  clear(): void { this.held = []; }

  private flush(): void {
    while (this.held.length > 0 && this.held[0]!.ready) this.held.shift()!.send();
  }
}
