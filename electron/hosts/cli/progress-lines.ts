import type { CliClock as Clock } from './context';

/** How often long work says where it is when standard error is not a terminal. */
export const PROGRESS_EVERY_MS = 5_000;

/**
 * Progress for a log rather than a terminal (a CI job, `2> sync.log`): no bars redrawn in
 * place, but one line every few seconds saying where the work stands, on standard error.
 */
export class ProgressLines {
  /** When the last line was printed; the first comes everyMs after the work began. */
  private lastAt: number;

  constructor(
    private readonly write: (text: string) => void,
    private readonly clock: Clock,
    private readonly everyMs = PROGRESS_EVERY_MS,
  ) {
    this.lastAt = clock.now().getTime();
  }

  /** Prints the line (built only then) unless one was printed less than everyMs ago. */
  offer(line: () => string): void {
    const now = this.clock.now().getTime();
    if (now - this.lastAt < this.everyMs) return;
    this.lastAt = now;
    this.write(`s1inv: ${line()}\n`);
  }
}
