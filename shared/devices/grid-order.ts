import type { GridRow } from './grid-row';
import { SEVERITY_RANK } from '../cve-severity';
import { DUPLICATE_FIELDS } from './duplicates';

/** A sort the grid asks for: one of its columns, either way. */
export interface GridSort {
  column: keyof GridRow;
  direction: 'asc' | 'desc';
}

/**
 * Columns whose ties are broken by another: sorted by a duplicate group's size, the members of
 * each group sit together (ordered by what they share).
 */
const THEN_BY: Partial<Record<keyof GridRow, keyof GridRow>> = Object.fromEntries(
  Object.values(DUPLICATE_FIELDS).map(({ size, shares }) => [size, shares]),
);

/** Columns whose values have an order of their own: a severity sorts by rank, not by name. */
const RANKS: Partial<Record<keyof GridRow, Readonly<Record<string, number>>>> = {
  // "None" (CVEs read, none open) below any severity, "Unknown" among them.
  highestSeverity: { None: -1, ...SEVERITY_RANK },
};

/**
 * Row indices in a column's order, worked out once per column (a descending sort reads the same
 * order backwards) and kept until the rows change: a second sort on a column costs nothing, a
 * first one a sort of plain strings (lower-cased once, compared with <), not a locale collation.
 * Devices with no value come last either way.
 */
export class GridOrders {
  private readonly orders = new Map<string, { order: Int32Array; filled: number }>();

  constructor(private readonly rows: readonly GridRow[]) {}

  /** Forgets a column's order: a value in it changed. */
  forget(column: keyof GridRow): void {
    this.orders.delete(column);
  }

  /** The rows' indices in this sort's order. */
  order(sort: GridSort): Int32Array {
    const { order, filled } = this.ascending(sort.column);
    if (sort.direction === 'asc') return order;
    // Reversed, with the rows that have no value still at the end.
    const reversed = new Int32Array(order.length);
    for (let i = 0; i < filled; i += 1) reversed[i] = order[filled - 1 - i]!;
    reversed.set(order.subarray(filled), filled);
    return reversed;
  }

  private ascending(column: keyof GridRow): { order: Int32Array; filled: number } {
    const cached = this.orders.get(column);
    if (cached) return cached;
    const rank = RANKS[column];
    const keyOf = (value: GridRow[keyof GridRow]): SortKey =>
      rank && typeof value === 'string' ? (rank[value] ?? -1) : sortKey(value);
    const values = this.rows.map((row) => row[column]);
    const then = THEN_BY[column];
    let entry = then ? undefined : rankedOrder(values, keyOf);
    if (!entry) {
      const keys = values.map(keyOf);
      const ties = then ? this.rows.map((row) => sortKey(row[then]) ?? '') : undefined;
      entry = { order: comparedOrder(keys, ties), filled: keys.length - countEmpty(keys) };
    }
    this.orders.set(column, entry);
    return entry;
  }
}

type SortKey = string | number | undefined;

const countEmpty = (keys: readonly SortKey[]) =>
  keys.reduce<number>((n, key) => n + (key === undefined ? 1 : 0), 0);

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
 * The same order for a column whose values repeat (a site, an OS, an agent version…): its few
 * distinct values are keyed and sorted once, then the rows placed by their value's rank in one
 * counting pass, in index order within a rank. Values are told apart as they are held (the grid
 * shares one string per repeated value), so no row's key is worked out: at 1,000,000 devices a
 * first sort by OS took 821 ms keying every row. Undefined when the values hardly repeat.
 */
export function rankedOrder<T>(
  values: readonly T[],
  keyOf: (value: T) => SortKey,
): { order: Int32Array; filled: number } | undefined {
  const ids = new Map<T, number>();
  const distinct: T[] = [];
  const idOf = new Int32Array(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i]!;
    let id = ids.get(value);
    if (id === undefined) {
      if ((distinct.length + 1) * RANKED_AT_MOST > values.length) return undefined;
      id = distinct.push(value) - 1;
      ids.set(value, id);
    }
    idOf[i] = id;
  }
  // Each distinct value's rank: values with the same key ("Paris", "paris") share one, and
  // values with no key come after every rank.
  const keys = distinct.map(keyOf);
  const byKey = keys.map((_, id) => id).filter((id) => keys[id] !== undefined);
  byKey.sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  const rankOfId = new Int32Array(distinct.length);
  let ranks = 0;
  byKey.forEach((id, at) => {
    if (at > 0 && keys[id] !== keys[byKey[at - 1]!]) ranks += 1;
    rankOfId[id] = ranks;
  });
  const last = byKey.length === 0 ? 0 : ranks + 1;
  keys.forEach((key, id) => {
    if (key === undefined) rankOfId[id] = last;
  });
  // Where each rank's rows start, then the rows in index order within each.
  const starts = new Int32Array(last + 2);
  for (const id of idOf) starts[rankOfId[id]! + 1]! += 1;
  for (let r = 1; r < starts.length; r += 1) starts[r]! += starts[r - 1]!;
  // The rows with a value are those before the last rank's start.
  const filled = starts[last]!;
  const order = new Int32Array(values.length);
  for (let i = 0; i < idOf.length; i += 1) order[starts[rankOfId[idOf[i]!]!]!++] = i;
  return { order, filled };
}

/** A column takes the ranked order when it has at most one distinct value per this many rows. */
const RANKED_AT_MOST = 16;

function sortKey(value: GridRow[keyof GridRow]): SortKey {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.join(', ').toLowerCase();
  return value.toLowerCase();
}

/** The shown rows' indices from `offset`, at most `limit`, in `order` (load order without one). */
export function windowOf(
  visible: Uint8Array,
  order: Int32Array | undefined,
  offset: number,
  limit: number,
): number[] {
  const out: number[] = [];
  let seen = 0;
  for (let k = 0; k < visible.length && out.length < limit; k += 1) {
    const i = order ? order[k]! : k;
    if (visible[i] !== 1) continue;
    if (seen >= offset) out.push(i);
    seen += 1;
  }
  return out;
}

/**
 * The shown row `delta` places from row `at` in the grid's order, with its position among the
 * shown rows; undefined past either end. A row that is not shown (a device opened from a link
 * the filters leave out) steps to the first shown row, or the last one going back.
 */
export function neighbourOf(
  visible: Uint8Array,
  order: Int32Array | undefined,
  at: number,
  delta: 1 | -1,
): { index: number; position: number } | undefined {
  const shown: number[] = [];
  let here = -1;
  for (let k = 0; k < visible.length; k += 1) {
    const i = order ? order[k]! : k;
    if (visible[i] !== 1) continue;
    if (i === at) here = shown.length;
    shown.push(i);
  }
  const position = here === -1 ? (delta === 1 ? 0 : shown.length - 1) : here + delta;
  const index = shown[position];
  return index === undefined ? undefined : { index, position };
}
