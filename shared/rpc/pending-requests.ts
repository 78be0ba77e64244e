/**
 * The one request/reply endpoint of the house: each request gets a fresh id, its reply settles
 * the matching promise, and when the link goes away every request, waiting or later, settles
 * with the closing reply. Nothing waits forever on a peer that is gone.
 */
export class PendingRequests<Reply> {
  private nextId = 0;
  private readonly waiting = new Map<number, (reply: Reply) => void>();
  private closed: { reply: Reply } | undefined;

  /** Sends a request under a fresh id (the caller's `send`) and waits for its reply. */
  request(send: (id: number) => void): Promise<Reply> {
    if (this.closed) return Promise.resolve(this.closed.reply);
    const id = (this.nextId += 1);
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      send(id);
    });
  }

  /** A reply arrived; replies to unknown or settled ids are ignored. */
  settle(id: number, reply: Reply): void {
    this.waiting.get(id)?.(reply);
    this.waiting.delete(id);
  }

  /** The peer is gone: everything waiting, and every later request, gets this reply. */
  close(reply: Reply): void {
    this.closed = { reply };
    for (const resolve of this.waiting.values()) resolve(reply);
    this.waiting.clear();
  }

  get size(): number {
    return this.waiting.size;
  }
}
