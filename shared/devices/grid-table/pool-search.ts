import type { StringPool } from './growable';

// The grid's quick search over a pooled column: a word is found by scanning the column's one
// string, a few calls per match, instead of one `includes` on each of 1,000,000 strings (322 ms
// a keystroke at 1,000,000 devices before; `npm run bench:grid:scale`).

/** The value whose characters hold this offset (the last one starting at or before it). */
function valueAt(starts: Uint32Array, offset: number): number {
  let low = 0;
  let high = starts.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Sets `into[k]` to 1 for each value k of the pool that holds `word` (not empty, already lower
 * case in a lower-cased pool). A match never spans two values.
 */
export function markContaining(pool: StringPool, word: string, into: Uint8Array): void {
  const { all, starts } = pool;
  let at = all.indexOf(word);
  while (at !== -1) {
    const k = valueAt(starts, at);
    const end = starts[k + 1]!;
    if (at + word.length <= end) {
      into[k] = 1;
      // The next value: one match is enough for this one.
      at = all.indexOf(word, end);
    } else {
      at = all.indexOf(word, at + 1);
    }
  }
}
