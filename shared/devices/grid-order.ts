import { GridRow } from './grid-row';
import { SEVERITY_RANK } from '../cve-severity';
import { DUPLICATE_FIELDS } from './duplicates';
import type { GridTable } from './grid-table/grid-table';
import { comparedOrder, rankedOrder, type RowOrder, type SortKey } from './grid-table/row-orders';

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
 * order backwards) and kept until the rows change: a second sort on a column costs nothing. A
 * text column held as codes sorts its distinct values and places the rows in one counting pass;
 * other columns compare plain keys (lower-cased once, compared with <), not a locale collation.
 * Devices with no value come last either way.
 */
export class GridOrders {
  private readonly orders = new Map<string, RowOrder>();

  constructor(private readonly table: GridTable) {}

  /** Forgets a column's order: a value in it changed. */
  forget(column: keyof GridRow): void {
    this.orders.delete(column);
  }

  /**
   * The columns whose first sort compares every row's key (values that hardly repeat: hostnames,
   * serial numbers, lists…), a second or so at a million rows: those worth working out before
   * anyone asks, off the thread that answers. The analyst's notes are left out: saving one
   * changes them.
   */
  slowColumns(): (keyof GridRow)[] {
    const { table } = this;
    return (Object.keys(GridRow.shape) as (keyof GridRow)[]).filter(
      (column) =>
        !NOTE_COLUMNS.has(column) &&
        !table.textColumn(column)?.coded &&
        (THEN_BY[column] !== undefined || isText(firstValue(table, column))),
    );
  }

  /** Keeps an order worked out elsewhere (where the rows were loaded), unless one is held. */
  adopt(column: keyof GridRow, entry: RowOrder): void {
    if (!this.orders.has(column)) this.orders.set(column, entry);
  }

  adoptAll(orders: Partial<Record<keyof GridRow, RowOrder>>): void {
    for (const [column, entry] of Object.entries(orders)) {
      if (entry) this.adopt(column as keyof GridRow, entry);
    }
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

  /** The rows in a column's ascending order, worked out once. */
  ascending(column: keyof GridRow): RowOrder {
    const cached = this.orders.get(column);
    if (cached) return cached;
    const rank = RANKS[column];
    const keyOf = (value: GridRow[keyof GridRow]): SortKey =>
      rank && typeof value === 'string' ? (rank[value] ?? -1) : sortKey(value);
    const then = THEN_BY[column];
    const { table } = this;
    const text = then ? undefined : table.textColumn(column);
    let entry = text?.order(keyOf);
    if (!entry) {
      const values = Array.from({ length: table.count }, (_, i) => table.valueAt(i, column));
      entry = then ? undefined : rankedOrder(values, keyOf);
      if (!entry) {
        const keys = values.map(keyOf);
        const ties = then
          ? Array.from({ length: table.count }, (_, i) => sortKey(table.valueAt(i, then)) ?? '')
          : undefined;
        entry = { order: comparedOrder(keys, ties), filled: keys.length - countEmpty(keys) };
      }
    }
    this.orders.set(column, entry);
    return entry;
  }
}

const NOTE_COLUMNS = new Set<keyof GridRow>(['tags', 'note', 'triage']);

const isText = (value: unknown) => typeof value === 'string' || Array.isArray(value);

/** A column's first value: numbers and flags repeat, and are ranked in one pass. */
function firstValue(table: GridTable, column: keyof GridRow): unknown {
  for (let i = 0; i < table.count; i += 1) {
    const value = table.valueAt(i, column);
    if (value !== undefined) return value;
  }
  return undefined;
}

const countEmpty = (keys: readonly SortKey[]) =>
  keys.reduce<number>((n, key) => n + (key === undefined ? 1 : 0), 0);

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
