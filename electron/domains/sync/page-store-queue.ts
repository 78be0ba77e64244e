/**
 * The pages of a walk between download and snapshot: each is prepared off the thread (its
 * promise) and stored on it, in walk order, when the walk says so.
 *
 * Why the walk says when: storing a page is 10–25 ms of synchronous SQLite on the thread that
 * also sends the walk's requests. Stored whenever a worker happened to finish, a page held the
 * next request past its turn under the API's pace (25 requests/s on /agents) about half the time,
 * and a backlog stored back to back (the workers' first pages, while V8 warms up) held it for
 * hundreds of milliseconds. The walk calls `storeReady` right after a request has left, when the
 * most time is left before the next one may.
 */
export class PageStoreQueue<Page, Prepared> {
  private readonly queue: Slot<Page, Prepared>[] = [];

  constructor(private readonly store: (page: Page, prepared: Prepared) => void) {}

  /** Pages added and not stored yet. */
  get size(): number {
    return this.queue.length;
  }

  add(page: Page, prepared: Promise<Prepared>): void {
    const slot: Slot<Page, Prepared> = { page, done: false };
    slot.settled = prepared.then(
      (value) => Object.assign(slot, { done: true, value }),
      (error: unknown) => Object.assign(slot, { done: true, error }),
    );
    this.queue.push(slot);
  }

  /** Stores up to `max` pages from the head whose preparation is done; returns how many. */
  storeReady(max: number): number {
    let stored = 0;
    while (stored < max && this.queue[0]?.done) {
      this.storeHead();
      stored += 1;
    }
    return stored;
  }

  /** Waits for the head page's preparation, then stores it. */
  async storeNext(): Promise<void> {
    const head = this.queue[0];
    if (!head) return;
    await head.settled;
    this.storeHead();
  }

  /** Stores every page left, in order, as each is ready. */
  async storeAll(): Promise<void> {
    while (this.queue.length > 0) await this.storeNext();
  }

  /** Drops every page left unstored, once its preparation has settled (no worker still on it). */
  async dropAll(): Promise<void> {
    const left = this.queue.splice(0);
    await Promise.all(left.map((slot) => slot.settled));
  }

  private storeHead(): void {
    const slot = this.queue.shift()!;
    if ('error' in slot) throw slot.error;
    this.store(slot.page, slot.value as Prepared);
  }
}

interface Slot<Page, Prepared> {
  page: Page;
  done: boolean;
  settled?: Promise<unknown>;
  value?: Prepared;
  error?: unknown;
}
