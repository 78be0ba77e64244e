import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import FilterList from '@mui/icons-material/FilterList';
import {
  AllCommunityModule,
  ModuleRegistry,
  colorSchemeDark,
  themeQuartz,
  type ColumnState,
  type GridApi,
  type GridReadyEvent,
  type IDatasource,
} from 'ag-grid-community';
import type { GridRow, SavedView } from '../../../shared/contract/views';
import { ErrorNotice } from '../ErrorNotice';
import { ExportDialog } from '../handon/ExportDialog';
import { usePendingCommand } from '../commands';
import { PushDialog } from '../handon/PushDialog';
import type { DeviceSelection } from '../handon/scope';
import { navigate, useRoute } from '../routing/useRoute';
import { ActiveFilters } from './ActiveFilters';
import { DEVICE_COLUMNS } from './columns';
import { DUPLICATE_FIELDS } from '../../../shared/devices/duplicates';
import { COLUMN_SETS, columnSetState } from './column-sets';
import { BLOCK_ROWS, DeviceGridView } from './DeviceGridView';
import { DeviceDrawer } from './DeviceDrawer';
import { FacetPanel } from './FacetPanel';
import { withFacet, withoutWhere, type GridQuery } from '../../../shared/devices/grid-query';
import { gridQueryOf, queryOfGrid, sortOf, withSort } from './grid-address';
import type { GridSort } from '../../../shared/devices/grid-order';
import { GridToolbar } from './GridToolbar';
import { QueryBar } from './QueryBar';
import { gridAsText } from '../../../shared/query/grid-as-query';
import type { FacetValues } from '../../../shared/query/query-complete';
import { InventoryAsOf } from './InventoryAsOf';
import type { FacetKey } from '../../../shared/devices/facets';
import { QUICK_FILTERS, type QuickFilterId } from '../../../shared/devices/quick-filters';
import { call, useBackend } from '../backend/BackendContext';
import { columnsSortedBy, contentOf } from './saved-views';
import {
  askCountsEarly,
  queryArgs,
  takeEarlyRows,
  toGridSort,
  useGridCounts,
} from './useGridCounts';
import { useSavedViews } from './useSavedViews';
import { ViewsMenu } from './ViewsMenu';

ModuleRegistry.registerModules([AllCommunityModule]);

/** The grid's columns as the analyst left them (order, widths, sort), kept while other screens show. */
let kept: ColumnState[] | undefined;
/**
 * The view whose columns `kept` started from: coming back to it does not apply its saved columns
 * over the analyst's sort and choices (issue 29).
 */
let keptView: string | undefined;

/** The sort the grid shows now (none before it is ready). */
const sortOfGrid = (gridApi: GridApi<GridRow> | undefined): GridSort | undefined =>
  toGridSort(gridApi?.getColumnState().find((column) => column.sort));
const sameSort = (a: GridSort | undefined, b: GridSort | undefined) =>
  a?.column === b?.column && a?.direction === b?.direction;

const goTo = (grid: GridQuery, replace = false, sort?: GridSort) =>
  navigate({ screen: 'devices', query: withSort(queryOfGrid(grid), sort) }, { replace });

/** Devices: the current inventory of every console in one grid, with the audit filters. */
export function DevicesScreen() {
  const backend = useBackend();
  const route = useRoute();
  const grid = useMemo(() => gridQueryOf(route.query), [route.query]);
  const counts = useGridCounts(grid);
  const page = counts.page;
  // Each change of filters asks the backend at once, then updates the address (and the screen).
  const go = (next: GridQuery, replace = false) => {
    const sort = sortOfGrid(api.current);
    askCountsEarly(backend, next, counts.generation, sort, BLOCK_ROWS);
    goTo(next, replace, sort);
  };
  // A sort made in the grid goes into the address; one the address names (a link, a reload,
  // back and forward) is put on the grid.
  const latestQuery = useRef(route.query);
  latestQuery.current = route.query;
  const onSorted = useCallback(() => {
    const sort = sortOfGrid(api.current);
    const query = latestQuery.current;
    if (sameSort(sortOf(query), sort)) return;
    navigate({ screen: 'devices', query: withSort(query, sort) }, { replace: true });
  }, []);
  const saved = useSavedViews();
  const muiTheme = useTheme();
  const gridTheme = useMemo(
    () => (muiTheme.palette.mode === 'dark' ? themeQuartz.withPart(colorSchemeDark) : themeQuartz),
    [muiTheme.palette.mode],
  );
  const wide = useMediaQuery('(min-width:1280px)', { noSsr: true });
  const [facetsOpen, setFacetsOpen] = useState(wide);
  const api = useRef<GridApi<GridRow>>(undefined);
  const [ready, setReady] = useState(false);
  const addressSort = sortOf(route.query);
  const addressSortKey = addressSort ? `${addressSort.direction} ${addressSort.column}` : '';
  useEffect(() => {
    const gridApi = api.current;
    if (!ready || !gridApi || !addressSort) return;
    if (sameSort(sortOfGrid(gridApi), addressSort)) return;
    gridApi.applyColumnState({
      state: [{ colId: addressSort.column, sort: addressSort.direction }],
      defaultState: { sort: null },
    });
    // Keyed by the address's sort as text: a new query object with the same sort changes nothing.
  }, [ready, addressSortKey]);
  const [selected, setSelected] = useState(0);
  const [columns, setColumns] = useState(() =>
    DEVICE_COLUMNS.map((c) => ({ id: c.colId!, label: c.headerName!, visible: !c.hide })),
  );
  // The devices a dialog hands on are fixed when it opens, not re-read from the grid each render.
  const [handOn, setHandOn] = useState<{ kind: 'export' | 'push'; selection: DeviceSelection }>();

  const searchInput = useRef<HTMLInputElement>(null);
  const openHandOn = async (kind: 'export' | 'push') => {
    setHandOn({ kind, selection: await selection() });
  };
  usePendingCommand('find', true, () => searchInput.current?.focus());
  usePendingCommand('export', Boolean(page?.total), () => void openHandOn('export'));

  const latestGo = useRef(go);
  latestGo.current = go;
  const onFacet = useCallback(
    (key: FacetKey, value: string, mode: 'include' | 'exclude' | 'off') =>
      latestGo.current(withFacet(current.current, key, value, mode)),
    [],
  );

  // The grid holds a window of rows: each block is asked of the backend with the filters and
  // the sort as they are now, and a change of filters starts the window over.
  const current = useRef(grid);
  current.current = grid;
  const generation = useRef(counts.generation);
  generation.current = counts.generation;
  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (params) => {
        const sort = toGridSort(params.sortModel[0]);
        const early =
          params.startRow === 0
            ? takeEarlyRows(backend, current.current, generation.current, sort)
            : undefined;
        void (
          early ??
          call(backend, 'devices.query', {
            query: queryArgs(current.current),
            ...(sort ? { sort } : {}),
            offset: params.startRow,
            limit: params.endRow - params.startRow,
          })
        ).then((result) => {
          if (!result.ok) return params.failCallback();
          const rows = result.value.rows.slice(0, params.endRow - params.startRow);
          params.successCallback(rows, result.value.shown);
        });
      },
    }),
    [backend],
  );
  const filtersKey = JSON.stringify(queryArgs(grid));
  const firstFilters = useRef(true);
  useEffect(() => {
    if (firstFilters.current) {
      firstFilters.current = false;
      return;
    }
    const gridApi = api.current;
    if (!gridApi) return;
    // Near the top, the rows shown are asked for again and replaced where they stand: nothing
    // is torn down and drawn twice, which is most of what a click costs. Further down, the
    // window starts over at the top of the new result rather than reloading every block held.
    // A new result is read from its top either way.
    const held = Object.keys(gridApi.getCacheBlockState() as object).length;
    const nearTop = (gridApi.getFirstDisplayedRowIndex() ?? 0) < BLOCK_ROWS;
    if (gridApi.getDisplayedRowCount() > 0) gridApi.ensureIndexVisible(0, 'top');
    if (held <= 2 && nearTop) gridApi.refreshInfiniteCache();
    else gridApi.purgeInfiniteCache();
  }, [filtersKey, counts.generation]);

  const syncColumns = useCallback(() => {
    const state = api.current?.getColumnState() ?? [];
    setColumns((all) =>
      all.map((c) => ({ ...c, visible: !state.find((s) => s.colId === c.id)?.hide })),
    );
  }, []);
  /** Shows a column first after the pinned ones: a duplicates filter's group sizes, in sight. */
  const showFirst = (colId: string) => {
    const gridApi = api.current;
    if (!gridApi) return;
    gridApi.setColumnsVisible([colId], true);
    const firstUnpinned = gridApi.getAllGridColumns().findIndex((column) => !column.getPinned());
    gridApi.moveColumns([colId], Math.max(0, firstUnpinned));
    gridApi.ensureColumnVisible(colId);
    syncColumns();
  };
  const applyContent = useCallback(
    (view: SavedView, sort?: GridSort) => {
      const content = contentOf(view);
      const state = columnsSortedBy(content.columns, sort);
      api.current?.applyColumnState({
        state,
        applyOrder: true,
        ...(sort ? { defaultState: { sort: null } } : {}),
      });
      syncColumns();
      return content;
    },
    [syncColumns],
  );
  const openView = useCallback(
    (view: SavedView, replace = false, device?: GridQuery['device']) => {
      const content = applyContent(view);
      applied.current = view.name;
      const query = gridQueryOf(new URLSearchParams(content.query));
      go({ ...query, view: view.name, ...(device ? { device } : {}) }, replace);
    },
    [applyContent],
  );

  // A view named by the address (a deep link, a reload, back and forward) is applied once the
  // grid and the views are there; with no view and nothing kept, the default view opens.
  const applied = useRef<string | undefined>(kept ? keptView : undefined);
  const firstLook = useRef(kept === undefined && route.query.toString() === '');
  useEffect(() => {
    if (!ready || !saved.views) return;
    if (firstLook.current) {
      firstLook.current = false;
      const preferred = saved.views.find((v) => v.isDefault);
      if (preferred) return openView(preferred, true);
    }
    if (grid.view === undefined) return;
    const named = saved.views.find((v) => v.name.toLowerCase() === grid.view!.toLowerCase());
    if (!named) return;
    // A link naming only the view opens it whole, even a view applied earlier: its name must
    // never stand over devices it does not select (issue 29). A link with filters of its own
    // keeps them.
    const onlyTheView = [...route.query.keys()].every((key) =>
      ['view', 'in', 'device'].includes(key),
    );
    const whole = queryOfGrid({
      ...gridQueryOf(new URLSearchParams(contentOf(named).query)),
      view: named.name,
    });
    const showsItWhole =
      queryOfGrid({ ...grid, device: undefined }).toString() === whole.toString();
    if (onlyTheView && !showsItWhole) return openView(named, true, grid.device);
    if (grid.view === applied.current) return;
    // The views may arrive after the grid has shown the order the address names (a reload, a
    // link): the view brings its columns, and the address keeps its order.
    applyContent(named, sortOf(route.query));
    applied.current = grid.view;
  }, [ready, saved.views, grid.view, grid.device, route.query, openView, applyContent]);

  const onReady = useCallback(
    (event: GridReadyEvent<GridRow>) => {
      api.current = event.api;
      if (kept) {
        event.api.applyColumnState({ state: kept, applyOrder: true });
        syncColumns();
      }
      setReady(true);
    },
    [syncColumns],
  );
  // Kept as they change: by the time this screen unmounts, the grid may already be destroyed.
  const keepColumns = useCallback(() => {
    const gridApi = api.current;
    if (!gridApi || gridApi.isDestroyed()) return;
    kept = gridApi.getColumnState();
    keptView = applied.current;
  }, []);
  const selection = async (): Promise<DeviceSelection> => {
    const chosen = api.current?.getSelectedRows().map((row) => row.agentId) ?? [];
    const total = page?.total ?? 0;
    const narrowed = page !== undefined && page.shown !== total;
    const shown = narrowed
      ? await call(backend, 'devices.shown', { query: queryArgs(grid) })
      : undefined;
    return {
      total,
      filtered: shown?.ok ? shown.value.agentIds : undefined,
      selected: chosen.length > 0 ? chosen : undefined,
    };
  };
  const openDevice = (device: GridQuery['device'], replace = false) =>
    go({ ...grid, ...(device ? { device } : { device: undefined }) }, replace);
  const latestOpen = useRef(openDevice);
  latestOpen.current = openDevice;
  const onOpen = useCallback(
    (device: { console: string; agentId: string }) => latestOpen.current(device),
    [],
  );

  return (
    <Box
      sx={{
        p: { xs: 1.5, md: 3 },
        height: 'calc(100vh - 48px)',
        display: 'flex',
        flexDirection: 'column',
        boxSizing: 'border-box',
      }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h5" component="h2">
          Devices
        </Typography>
        <Box sx={{ flexGrow: 1 }}>
          <InventoryAsOf />
        </Box>
        <ViewsMenu
          saved={saved}
          active={grid.view}
          current={() => ({
            columns: api.current?.getColumnState() ?? [],
            query: queryOfGrid({ ...grid, view: undefined, device: undefined }).toString(),
          })}
          onApply={(view) => openView(view)}
          onSaved={(name) => {
            applied.current = name;
            go({ ...grid, view: name }, true);
          }}
        />
        <Button
          variant="outlined"
          onClick={() => void openHandOn('export')}
          disabled={!page?.total}
        >
          Export…
        </Button>
        <Button variant="contained" onClick={() => void openHandOn('push')} disabled={!page?.total}>
          Push to Sekoia…
        </Button>
      </Stack>
      <GridToolbar
        leading={
          <Button
            startIcon={<FilterList />}
            aria-expanded={facetsOpen}
            aria-controls="device-facets"
            onClick={() => setFacetsOpen(!facetsOpen)}
          >
            Filters
          </Button>
        }
        search={grid.search}
        onSearch={(search) => go({ ...grid, search }, true)}
        quick={new Set(grid.quick)}
        {...(page ? { quickCounts: page.quick as Record<QuickFilterId, number> } : {})}
        searchRef={searchInput}
        onToggleQuick={(id) => {
          const on = !grid.quick.includes(id);
          go({ ...grid, quick: on ? [...grid.quick, id] : grid.quick.filter((q) => q !== id) });
          const filter = QUICK_FILTERS.find((candidate) => candidate.id === id);
          if (on && filter && 'duplicates' in filter) {
            showFirst(DUPLICATE_FIELDS[filter.duplicates].size);
          }
        }}
        staleDays={grid.staleDays}
        onStaleDays={(staleDays) => go({ ...grid, staleDays }, true)}
        showDecommissioned={grid.decommissioned}
        onShowDecommissioned={(decommissioned) => go({ ...grid, decommissioned })}
        columns={columns}
        onToggleColumn={(id, shownNow) => {
          api.current?.setColumnsVisible([id], shownNow);
          syncColumns();
        }}
        onColumnSet={(name) => {
          const set = COLUMN_SETS.find((candidate) => candidate.name === name);
          if (!set) return;
          api.current?.applyColumnState({ state: columnSetState(set.columns), applyOrder: true });
          syncColumns();
        }}
      />
      <QueryBar
        applied={grid.where ?? ''}
        onApply={(where) => go(where ? { ...grid, where } : withoutWhere(grid))}
        facets={(page?.facets ?? {}) as FacetValues}
        wholeQuery={() => gridAsText(grid)}
      />
      <ActiveFilters grid={grid} onChange={(next) => go(next)} />
      <ErrorNotice error={counts.error ?? saved.error} />
      {page?.total === 0 ? (
        <Typography role="status" color="text.secondary" sx={{ mt: 2 }}>
          No devices yet: add a console and sync it on the Consoles screen.
        </Typography>
      ) : (
        <Box sx={{ display: 'flex', flexGrow: 1, mt: 1, minHeight: 300, gap: 1 }}>
          {facetsOpen && (
            <Box id="device-facets" sx={{ display: 'flex' }}>
              <FacetPanel
                grid={grid}
                facets={(page?.facets ?? {}) as Record<FacetKey, [string, number][]>}
                onFacet={onFacet}
              />
            </Box>
          )}
          <Box sx={{ flexGrow: 1, minWidth: 0 }} role="region" aria-label="Device grid">
            <DeviceGridView
              theme={gridTheme}
              datasource={datasource}
              onReady={onReady}
              onSelected={setSelected}
              onOpen={onOpen}
              onColumnVisible={syncColumns}
              onColumnsChanged={keepColumns}
              onSorted={onSorted}
            />
          </Box>
        </Box>
      )}
      <Typography
        variant="body2"
        sx={{ mt: 1, height: 20 }}
        aria-live="polite"
        data-testid="grid-footer"
      >
        {page
          ? `Showing ${page.shown.toLocaleString()} of ${page.total.toLocaleString()} devices${page.hiddenDecommissioned ? ` · ${page.hiddenDecommissioned.toLocaleString()} decommissioned hidden` : ''}${selected ? ` · ${selected.toLocaleString()} selected` : ''}`
          : ''}
      </Typography>
      <DeviceDrawer
        {...(grid.device ? { device: grid.device } : {})}
        onClose={() => openDevice(undefined)}
        onStep={(delta) => {
          // The grid's own order, as filtered and sorted, asked of the backend: next and previous
          // as the analyst sees them, even for a device whose rows the grid has not loaded (one
          // opened from a link or from Changes).
          const current = grid.device;
          if (!current) return;
          const sort = sortOfGrid(api.current);
          void call(backend, 'devices.step', {
            query: queryArgs(grid),
            ...(sort ? { sort } : {}),
            ...current,
            delta,
          }).then((answer) => {
            const next = answer.ok ? answer.value.next : null;
            if (!next) return;
            openDevice({ console: next.console, agentId: next.agentId }, true);
            api.current?.ensureIndexVisible(next.position);
          });
        }}
      />
      {handOn?.kind === 'export' && (
        <ExportDialog selection={handOn.selection} onClose={() => setHandOn(undefined)} />
      )}
      {handOn?.kind === 'push' && (
        <PushDialog selection={handOn.selection} onClose={() => setHandOn(undefined)} />
      )}
    </Box>
  );
}
