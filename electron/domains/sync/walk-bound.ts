import { S1TooManyItemsError } from '../../adapters/sentinelone/errors';
import { WALK_MARGIN } from '../../adapters/tuning';

/**
 * The most items a walk of a list the console counted may bring: the count and a margin for
 * changes during the walk. Checked as each page arrives, before it is prepared or stored.
 */
export class WalkBound {
  private received = 0;
  private readonly allowed: number;

  constructor(
    private readonly path: string,
    counted: number,
  ) {
    this.allowed = counted + Math.max(WALK_MARGIN.items, Math.ceil(counted * WALK_MARGIN.fraction));
  }

  /** Counts a page's items; throws once the walk has brought more than the console could hold. */
  add(items: number): void {
    this.received += items;
    if (this.received > this.allowed)
      throw new S1TooManyItemsError(this.path, 'walk', this.received, this.allowed);
  }
}
