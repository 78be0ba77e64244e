import { useCallback, useEffect, useState } from 'react';
import type { ContractError } from '../../../shared/contract/contract';
import type { SavedView } from '../../../shared/contract/views';
import { call, useBackend } from '../backend/BackendContext';
import { takeLegacyViews, type ViewContent } from './saved-views';

export interface SavedViews {
  views: SavedView[] | undefined;
  error: ContractError | undefined;
  save: (name: string, content: ViewContent, makeDefault: boolean) => Promise<boolean>;
  rename: (name: string, to: string) => Promise<boolean>;
  remove: (name: string) => Promise<boolean>;
  setDefault: (name: string | undefined) => Promise<boolean>;
}

/** The saved views, from the backend; each change reloads the list, each failure is shown. */
export function useSavedViews(): SavedViews {
  const api = useBackend();
  const [views, setViews] = useState<SavedView[]>();
  const [error, setError] = useState<ContractError>();
  const reload = useCallback(async () => {
    const listed = await call(api, 'views.list', {});
    if (listed.ok) setViews(listed.value);
    else setError(listed.error);
  }, [api]);
  useEffect(() => {
    void (async () => {
      // Views an older version kept in this browser move to the database, once.
      for (const { name, content } of takeLegacyViews()) {
        await call(api, 'views.save', { name, state: { ...content } });
      }
      await reload();
    })();
  }, [api, reload]);
  const run = useCallback(
    async (outcome: Promise<{ ok: true } | { ok: false; error: ContractError }>) => {
      const result = await outcome;
      setError(result.ok ? undefined : result.error);
      await reload();
      return result.ok;
    },
    [reload],
  );
  return {
    views,
    error,
    save: (name, content, makeDefault) =>
      run(call(api, 'views.save', { name, state: { ...content }, makeDefault })),
    rename: (name, to) => run(call(api, 'views.rename', { name, to })),
    remove: (name) => run(call(api, 'views.delete', { name })),
    setDefault: (name) => run(call(api, 'views.setDefault', name === undefined ? {} : { name })),
  };
}
