import { useEffect, useState } from 'react';
import type { BackendApi, ContractError } from '../../../shared/contract/contract';
import type { GridPage } from '../../../shared/contract/views';
import type { GridQuery } from '../../../shared/devices/grid-query';
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
  };
}

export interface GridCounts {
  page: GridPage | undefined;
  error: ContractError | undefined;
  /** Bumped when the inventory changed (a sync ended): the grid reloads its rows. */
  generation: number;
}

type CountsAnswer = Awaited<ReturnType<typeof askCounts>>;

function askCounts(api: BackendApi, key: string) {
  return call(api, 'devices.query', {
    query: JSON.parse(key) as ReturnType<typeof queryArgs>,
    offset: 0,
    limit: 0,
  });
}

/**
 * Counts asked for as the analyst acts (a click, a keystroke), before React has drawn the
 * change: the answer is on its way while the screen updates. One per filters, the latest kept.
 */
let asked:
  { api: BackendApi; key: string; generation: number; answer: Promise<CountsAnswer> } | undefined;

function countsFor(api: BackendApi, key: string, generation: number): Promise<CountsAnswer> {
  if (asked?.api === api && asked.key === key && asked.generation === generation)
    return asked.answer;
  asked = { api, key, generation, answer: askCounts(api, key) };
  return asked.answer;
}

/** Starts asking for a query's counts now (see `asked`). */
export function askCountsEarly(api: BackendApi, grid: GridQuery, generation: number): void {
  void countsFor(api, JSON.stringify(queryArgs(grid)), generation);
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
