import { useEffect, useState } from 'react';
import type { BackendApi, ContractError } from '../../../shared/contract/contract';
import type { GridPage, GridRow } from '../../../shared/contract/views';
import type { GridQuery } from '../../../shared/devices/grid-query';
import type { GridSort } from '../../../shared/devices/grid-order';
import { call, useBackend, useEvent } from '../backend/BackendContext';

/** The query as the backend takes it: what filters, not which view or device is open. */
export function queryArgs(grid: GridQuery) {
  return {
    search: grid.search,
    quick: grid.quick,
    staleDays: grid.staleDays,
    include: grid.include,
    exclude: grid.exclude,
    decommissioned: grid.decommissioned,
    ...(grid.cve ? { cve: grid.cve } : {}),
    ...(grid.where ? { where: grid.where } : {}),
  };
}

export interface GridCounts {
  page: GridPage | undefined;
  error: ContractError | undefined;
  /** Bumped when the inventory changed (a sync ended): the grid reloads its rows. */
  generation: number;
}

type CountsAnswer = Awaited<ReturnType<typeof askFor>>;

/** The grid's sort as the backend takes it, from AG Grid's (a sort model item or column state). */
export function toGridSort(
  sorted: { colId: string; sort?: 'asc' | 'desc' | null | undefined } | undefined,
): GridSort | undefined {
  return sorted?.sort
    ? { column: sorted.colId as keyof GridRow, direction: sorted.sort }
    : undefined;
}

function askFor(api: BackendApi, key: string, sort: GridSort | undefined, limit: number) {
  return call(api, 'devices.query', {
    query: JSON.parse(key) as ReturnType<typeof queryArgs>,
    ...(sort ? { sort } : {}),
    offset: 0,
    limit,
  });
}

/**
 * Counts asked for as the analyst acts (a click, a keystroke), before React has drawn the
 * change: the answer is on its way while the screen updates. It carries the grid's first block
 * of rows too, so one answer updates the counts and the rows in the same frame. One per
 * filters, the latest kept.
 */
let asked:
  | {
      api: BackendApi;
      key: string;
      generation: number;
      /** The sort the rows are in, and whether the grid has taken them yet. */
      rows?: { sort: string; taken: boolean };
      answer: Promise<CountsAnswer>;
    }
  | undefined;

/** Whether these filters of this inventory were asked for already. */
const isAsked = (api: BackendApi, key: string, generation: number) =>
  asked?.api === api && asked.key === key && asked.generation === generation;

function countsFor(api: BackendApi, key: string, generation: number): Promise<CountsAnswer> {
  if (isAsked(api, key, generation)) return asked!.answer;
  asked = { api, key, generation, answer: askFor(api, key, undefined, 0) };
  return asked.answer;
}

/** Starts asking for a query's counts and first rows now (see `asked`). */
export function askCountsEarly(
  api: BackendApi,
  grid: GridQuery,
  generation: number,
  sort: GridSort | undefined,
  firstRows: number,
): void {
  const key = JSON.stringify(queryArgs(grid));
  if (isAsked(api, key, generation)) return;
  asked = {
    api,
    key,
    generation,
    rows: { sort: JSON.stringify(sort ?? null), taken: false },
    answer: askFor(api, key, sort, firstRows),
  };
}

/**
 * The first rows of the answer asked early, if it was asked for these filters, this sort and
 * this inventory, and the grid has not taken them yet; otherwise the grid asks on its own.
 */
export function takeEarlyRows(
  api: BackendApi,
  grid: GridQuery,
  generation: number,
  sort: GridSort | undefined,
): Promise<CountsAnswer> | undefined {
  const rows = asked?.rows;
  if (
    rows === undefined ||
    rows.taken ||
    rows.sort !== JSON.stringify(sort ?? null) ||
    !isAsked(api, JSON.stringify(queryArgs(grid)), generation)
  )
    return undefined;
  rows.taken = true;
  return asked!.answer;
}

/**
 * How many devices the grid's filters keep, and the facet and chip counts, from the backend:
 * asked again whenever the filters change, and after every sync.
 */
export function useGridCounts(grid: GridQuery): GridCounts {
  const api = useBackend();
  const [state, setState] = useState<Omit<GridCounts, 'generation'>>({
    page: undefined,
    error: undefined,
  });
  const [generation, setGeneration] = useState(0);
  useEvent('sync.finished', () => setGeneration((g) => g + 1));
  const key = JSON.stringify(queryArgs(grid));
  useEffect(() => {
    let live = true;
    void countsFor(api, key, generation).then((result) => {
      if (!live) return;
      setState(
        result.ok
          ? { page: result.value, error: undefined }
          : (s) => ({ ...s, error: result.error }),
      );
    });
    return () => {
      live = false;
    };
  }, [api, key, generation]);
  return { ...state, generation };
}
