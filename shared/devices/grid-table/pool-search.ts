import type { StringPool } from './growable';

// The grid's quick search over a pooled column: a word is found by scanning the column's one
// string, a few calls per match, instead of one `includes` on each of 1,000,000 strings (322 ms
// a keystroke at 1,000,000 devices before; `npm run bench:grid:scale`).

/**
 * The value whose characters hold this offset (the last one starting at or before it), looked
 * for from value `from` on: matches come in order, so the search only moves forward, in steps
 * that double (a match in nearly every value, as a digit in timestamps, costs a step or two; a
 * rare one a few halvings).
 */
function valueFrom(starts: Uint32Array, from: number, offset: number): number {
  const last = starts.length - 2;
  let low = from;
  let step = 1;
  while (low + step <= last && starts[low + step]! <= offset) {
    low += step;
    step *= 2;
  }
  let high = Math.min(low + step - 1, last);
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
  let k = 0;
  let at = all.indexOf(word);
  while (at !== -1) {
    k = valueFrom(starts, k, at);
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
