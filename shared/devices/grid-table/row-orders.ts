// Row indices in a column's order, the grid's sorts. Devices with no value come last; rows with
// equal keys keep their load order, so every sort is stable and the same twice.

export type SortKey = string | number | undefined;

/** Row indices in order, and how many of them (the first ones) have a value. */
export interface RowOrder {
  order: Int32Array;
  filled: number;
}

/** Rows with a value by their keys (then by `ties`, then by index), rows without one last. */
export function comparedOrder(
  keys: readonly SortKey[],
  ties?: readonly (string | number)[],
): Int32Array {
  const filled: number[] = [];
  const empty: number[] = [];
  keys.forEach((key, i) => (key === undefined ? empty : filled).push(i));
  filled.sort((a, b) => {
    const x = keys[a]!;
    const y = keys[b]!;
    if (x !== y) return x < y ? -1 : 1;
    if (ties && ties[a] !== ties[b]) return ties[a]! < ties[b]! ? -1 : 1;
    return a - b;
  });
  return Int32Array.from([...filled, ...empty]);
}

/**
 * The order of rows that hold one of a few values by code (0: none, k: the k-th value, whose
 * key is `keys[k - 1]`): the values are sorted once, then the rows placed by their value's rank
 * in one counting pass. Values with the same key ("Paris", "paris") share a rank; values with no
 * key come last with the rows that have none.
 */
export function orderByCodes(codes: ArrayLike<number>, keys: readonly SortKey[]): RowOrder {
  const byKey = keys.map((_, id) => id).filter((id) => keys[id] !== undefined);
  byKey.sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  const rankOfCode = new Int32Array(keys.length + 1);
  let ranks = 0;
  byKey.forEach((id, at) => {
    if (at > 0 && keys[id] !== keys[byKey[at - 1]!]) ranks += 1;
    rankOfCode[id + 1] = ranks;
  });
  const last = byKey.length === 0 ? 0 : ranks + 1;
  rankOfCode[0] = last;
  keys.forEach((key, id) => {
    if (key === undefined) rankOfCode[id + 1] = last;
  });
  // Where each rank's rows start, then the rows in index order within each.
  const starts = new Int32Array(last + 2);
  for (let i = 0; i < codes.length; i += 1) starts[rankOfCode[codes[i]!]! + 1]! += 1;
  for (let r = 1; r < starts.length; r += 1) starts[r]! += starts[r - 1]!;
  // The rows with a value are those before the last rank's start.
  const filled = starts[last]!;
  const order = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i += 1) order[starts[rankOfCode[codes[i]!]!]!++] = i;
  return { order, filled };
}

/**
 * The same order for values that repeat (counts, flags…), coded as they come. Undefined when
 * they hardly repeat (more than one distinct value per RANKED_AT_MOST rows): comparing is then
 * as quick.
 */
export function rankedOrder<T>(
  values: ArrayLike<T>,
  keyOf: (value: T) => SortKey,
): RowOrder | undefined {
  const codeOf = new Map<T, number>();
  const distinct: T[] = [];
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i]!;
    let code = codeOf.get(value);
    if (code === undefined) {
      if ((distinct.length + 1) * RANKED_AT_MOST > values.length) return undefined;
      code = distinct.push(value);
      codeOf.set(value, code);
    }
    codes[i] = code;
  }
  return orderByCodes(codes, distinct.map(keyOf));
}

/** Values take the ranked order when there is at most one distinct value per this many rows. */
const RANKED_AT_MOST = 16;
