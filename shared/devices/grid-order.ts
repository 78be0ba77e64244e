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
    const keys = this.rows.map((row) => {
      const value = row[column];
      return rank && typeof value === 'string' ? (rank[value] ?? -1) : sortKey(value);
    });
    const then = THEN_BY[column];
    const ties = then ? this.rows.map((row) => sortKey(row[then]) ?? '') : undefined;
    const order = ties ? comparedOrder(keys, ties) : (rankedOrder(keys) ?? comparedOrder(keys));
    const entry = { order, filled: keys.length - countEmpty(keys) };
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
 * distinct values are sorted, then the rows placed by their value's rank in one counting pass,
 * in index order within a value. A million rows cost one pass, not a million-row sort (637 ms at
 * 1,000,000 devices, `npm run bench:grid:scale`). Undefined when the values hardly repeat.
 */
export function rankedOrder(keys: readonly SortKey[]): Int32Array | undefined {
  const distinct = new Map<string | number, number>();
  for (const key of keys) {
    if (key === undefined || distinct.has(key)) continue;
    distinct.set(key, 0);
    if (distinct.size * RANKED_AT_MOST > keys.length) return undefined;
  }
  const sorted = [...distinct.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  sorted.forEach((key, rank) => distinct.set(key, rank));
  // Where each rank's rows start; rows without a value after every rank.
  const starts = new Int32Array(sorted.length + 2);
  const rankOf = Int32Array.from(keys, (key) =>
    key === undefined ? sorted.length : distinct.get(key)!,
  );
  for (const rank of rankOf) starts[rank + 1]! += 1;
  for (let r = 1; r < starts.length; r += 1) starts[r]! += starts[r - 1]!;
  const order = new Int32Array(keys.length);
  rankOf.forEach((rank, i) => (order[starts[rank]!++] = i));
  return order;
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
