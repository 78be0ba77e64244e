import type { FacetKey } from '../facets';
import type { FacetIds } from '../grid-filter';
import {
  GridTable,
  type GridColumns,
  type ListKey,
  type NumberKey,
  type TextKey,
} from './grid-table';
import type { LoadedGrid } from './load-grid';
import { listColumnOf, type ListColumnImage } from './list-column';
import { textColumnOf, type TextColumnImage } from './text-column';

// A loaded grid as plain data, typed arrays and strings only, so a worker thread can read the
// inventory and hand the result over: the arrays move (transferred, not copied), the strings are
// copied once, and what the load made on the way is left behind in the worker's heap.

export interface GridImage {
  count: number;
  text: Record<TextKey, TextColumnImage>;
  lists: Record<ListKey, ListColumnImage>;
  numbers: Record<NumberKey, Float64Array>;
  decommissioned: Uint8Array;
  seenMs: Float64Array;
  findings: Uint8Array;
  facets: Record<FacetKey, { ids: FacetIds; names: string[] }>;
}

export function imageOf({ table, facts }: LoadedGrid): GridImage {
  const { text, lists, numbers, decommissioned } = table.columns;
  return {
    count: table.count,
    text: mapValues(text, (column) => column.image()),
    lists: mapValues(lists, (column) => column.image()),
    numbers,
    decommissioned,
    seenMs: facts.seenMs,
    findings: facts.findings,
    facets: facts.facets,
  };
}

/** The grid an image was taken of. */
export function gridOfImage(image: GridImage): LoadedGrid {
  const columns: GridColumns = {
    text: mapValues(image.text, textColumnOf),
    lists: mapValues(image.lists, listColumnOf),
    numbers: image.numbers,
    decommissioned: image.decommissioned,
  };
  const table = new GridTable(image.count, columns);
  return {
    table,
    facts: {
      count: image.count,
      search: table.rowsHolding.bind(table),
      seenMs: image.seenMs,
      decommissioned: image.decommissioned,
      findings: image.findings,
      facets: image.facets,
    },
  };
}

/** The buffers under an image's typed arrays, each once: what postMessage may move. */
export function buffersOf(image: unknown): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  const visit = (value: unknown): void => {
    if (ArrayBuffer.isView(value)) {
      if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
    } else if (typeof value === 'object' && value !== null) {
      for (const inner of Object.values(value)) visit(inner);
    }
  };
  visit(image);
  return [...found];
}

function mapValues<K extends string, A, B>(
  record: Record<K, A>,
  map: (value: A) => B,
): Record<K, B> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, map(value as A)]),
  ) as Record<K, B>;
}
