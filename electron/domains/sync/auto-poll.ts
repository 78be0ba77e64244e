export const DEFAULT_POLL_INTERVAL_MS = 5 * 60_000;

export interface Timers {
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Syncs again every interval (Sumo polls every 5 minutes) while the app or `s1inv serve`
 * runs; the CLI never starts one. The next run is scheduled when the previous one ends, so
 * runs never overlap however long a sync takes.
 */
export class AutoPoller {
  private handle: unknown;
  private active = false;

  constructor(
    private readonly run: () => Promise<unknown>,
    private readonly intervalMs: number = DEFAULT_POLL_INTERVAL_MS,
    private readonly timers: Timers = realTimers,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  get running(): boolean {
    return this.active;
  }

  start(): void {
    if (this.active) return;
    this.active = true;
    this.schedule();
  }

  stop(): void {
    this.active = false;
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle);
    this.handle = undefined;
  }

  private schedule(): void {
    this.handle = this.timers.setTimeout(() => {
      this.handle = undefined;
      void this.run()
        .catch(this.onError)
        .finally(() => {
          if (this.active) this.schedule();
        });
    }, this.intervalMs);
  }
}
