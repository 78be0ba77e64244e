import type { GridRow } from '../grid-row';
import { bitOf, type FacetIds, type RowFacts } from '../grid-filter';
import { deviceFlags, lastSeenMs } from '../device-flags';
import {
  DUPLICATE_FIELDS,
  DUPLICATE_KINDS,
  duplicateSizesOf,
  type DuplicateKind,
} from '../duplicates';
import { QUICK_FILTERS } from '../quick-filters';
import { FACETS, facetName, type FacetKey } from '../facets';
import { Growable } from './growable';
import {
  GridTable,
  LIST_KEYS,
  NUMBER_KEYS,
  TEXT_KEYS,
  type GridColumns,
  type ListKey,
  type NumberKey,
  type TextKey,
} from './grid-table';
import { ListColumnBuilder } from './list-column';
import { TextColumnBuilder } from './text-column';

/** The grid's rows by column, and what its filters read of each (grid-filter.ts). */
export interface LoadedGrid {
  table: GridTable;
  facts: RowFacts;
}

/** The one-click filter that keeps each kind of duplicate. */
const DUPLICATE_BITS = Object.fromEntries(
  QUICK_FILTERS.flatMap((filter) =>
    'duplicates' in filter ? [[filter.duplicates, bitOf(filter.id)]] : [],
  ),
) as Record<DuplicateKind, number>;

/**
 * Reads the rows once, as they come (from SQLite, one at a time), into columns and the filters'
 * facts; no row is kept. What depends on every row (duplicate groups, facet ids) is worked out
 * from the columns at the end.
 */
export function loadGrid(
  rows: Iterable<GridRow>,
  /** Past this many distinct values a text column is pooled (text-column.ts; tests lower it). */
  codedAtMost?: number,
): LoadedGrid {
  // Read in a function of its own: a closure made here must not keep the builders alive.
  const { count, columns, seenMs, findings: found } = readColumns(rows, codedAtMost);
  const table = new GridTable(count, columns);
  table.prepareSearch();
  // Read as each kind asks: the hostnames' pass makes no MAC lists.
  const sizes = duplicateSizesOf(count, (i) => ({
    get hostname() {
      return table.valueAt(i, 'hostname');
    },
    get serialNumber() {
      return table.valueAt(i, 'serialNumber');
    },
    get macs() {
      return table.valueAt(i, 'macs');
    },
    decommissioned: columns.decommissioned[i] === 1,
  }));
  for (const kind of DUPLICATE_KINDS) {
    const size = sizes[kind];
    const into = columns.numbers[DUPLICATE_FIELDS[kind].size];
    for (let i = 0; i < count; i += 1) {
      into[i] = size[i]! > 0 ? size[i]! : Number.NaN;
      if (size[i]! > 1) found[i]! |= DUPLICATE_BITS[kind];
    }
  }
  const facets = Object.fromEntries(
    FACETS.map(({ key }) => [key, columns.text[key].named((value) => facetName(key, value))]),
  ) as Record<FacetKey, { ids: FacetIds; names: string[] }>;
  return {
    table,
    facts: {
      count,
      search: table.rowsHolding.bind(table),
      seenMs,
      decommissioned: columns.decommissioned,
      findings: found,
      facets,
    },
  };
}

/** The columns as read, with what the filters read of each row before duplicates are known. */
interface ReadColumns {
  count: number;
  columns: GridColumns;
  seenMs: Float64Array;
  findings: Uint8Array;
}

function readColumns(rows: Iterable<GridRow>, codedAtMost: number | undefined): ReadColumns {
  const text = Object.fromEntries(
    TEXT_KEYS.map((key) => [key, new TextColumnBuilder(codedAtMost)]),
  ) as Record<TextKey, TextColumnBuilder>;
  const lists = Object.fromEntries(
    Object.entries(LIST_KEYS).map(([key, optional]) => [
      key,
      new ListColumnBuilder(optional, codedAtMost),
    ]),
  ) as Record<ListKey, ListColumnBuilder>;
  const numbers = Object.fromEntries(
    NUMBER_KEYS.map((key) => [key, new Growable(Float64Array)]),
  ) as Record<NumberKey, Growable<Float64Array>>;
  const decommissioned = new Growable(Uint8Array);
  const seenMs = new Growable(Float64Array);
  const findings = new Growable(Uint8Array);
  let count = 0;
  for (const row of rows) {
    for (const key of TEXT_KEYS) text[key].push(row[key]);
    for (const key of Object.keys(LIST_KEYS) as ListKey[]) lists[key].push(row[key]);
    for (const key of NUMBER_KEYS) numbers[key].push(row[key] ?? Number.NaN);
    decommissioned.push(row.decommissioned ? 1 : 0);
    seenMs.push(lastSeenMs(row));
    // The stale threshold is applied per query, duplicates once every row is in.
    const flags = deviceFlags(row, Number.POSITIVE_INFINITY, 0);
    findings.push(
      (flags.infected ? bitOf('infected') : 0) |
        (flags.outOfDate ? bitOf('outOfDate') : 0) |
        (flags.firewallOff ? bitOf('firewallOff') : 0) |
        (row.decommissioned ? bitOf('decommissioned') : 0),
    );
    count += 1;
  }

  const columns: GridColumns = {
    text: Object.fromEntries(
      TEXT_KEYS.map((key) => [key, text[key].finish()]),
    ) as GridColumns['text'],
    lists: Object.fromEntries(
      Object.keys(LIST_KEYS).map((key) => [key, lists[key as ListKey].finish()]),
    ) as GridColumns['lists'],
    numbers: Object.fromEntries(
      NUMBER_KEYS.map((key) => [key, numbers[key].finish()]),
    ) as GridColumns['numbers'],
    decommissioned: decommissioned.finish(),
  };
  return { count, columns, seenMs: seenMs.finish(), findings: findings.finish() };
}
