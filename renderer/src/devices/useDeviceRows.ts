import { useCallback, useEffect, useState } from 'react';
import type { ContractError } from '../../../shared/contract/contract';
import type { GridRow } from '../../../shared/contract/views';
import { call, useBackend, useEvent } from '../backend/BackendContext';

const FIRST_PAGE = 2_000;
const NEXT_PAGES = 25_000;

export interface DeviceRows {
  rows: GridRow[] | undefined;
  total: number;
  /** Still fetching pages after the first. */
  loading: boolean;
  error: ContractError | undefined;
}

/**
 * The grid's rows, page by page: a small first page shows rows at once, then the rest
 * arrive in large pages while the analyst already reads. Reloads after a sync.
 */
export function useDeviceRows(): DeviceRows {
  const api = useBackend();
  const [state, setState] = useState<DeviceRows>({
    rows: undefined,
    total: 0,
    loading: true,
    error: undefined,
  });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useEvent('sync.finished', reload);

  useEffect(() => {
    let live = true;
    void (async () => {
      let cursor: string | undefined;
      let rows: GridRow[] = [];
      for (let limit = FIRST_PAGE; live; limit = NEXT_PAGES) {
        const page = await call(api, 'devices.list', {
          limit,
          ...(cursor === undefined ? {} : { cursor }),
        });
        if (!live) return;
        if (!page.ok) {
          setState((s) => ({ ...s, loading: false, error: page.error }));
          return;
        }
        rows = rows.concat(page.value.rows);
        cursor = page.value.next;
        const done = cursor === undefined;
        setState({ rows, total: page.value.total, loading: !done, error: undefined });
        if (done) return;
      }
    })();
    return () => {
      live = false;
    };
  }, [api, generation]);
  return state;
}
