import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import FilterList from '@mui/icons-material/FilterList';
import { AgGridReact } from 'ag-grid-react';
import {
  AllCommunityModule,
  ModuleRegistry,
  colorSchemeDark,
  themeQuartz,
  type ColumnState,
  type GridApi,
  type GridReadyEvent,
  type IRowNode,
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
import { DeviceDrawer } from './DeviceDrawer';
import { FacetPanel } from './FacetPanel';
import { filterRows, isShown, rowFacts } from './grid-filter';
import { gridQueryOf, queryOfGrid, withFacet, type GridQuery } from './grid-query';
import { GridToolbar } from './GridToolbar';
import { InventoryAsOf } from './InventoryAsOf';
import { searchIndex } from './quick-filters';
import { contentOf } from './saved-views';
import { useDeviceRows } from './useDeviceRows';
import { useSavedViews } from './useSavedViews';
import { ViewsMenu } from './ViewsMenu';

ModuleRegistry.registerModules([AllCommunityModule]);

const DEFAULT_COLUMN = { sortable: true, resizable: true, filter: true, floatingFilter: false };
const ROW_SELECTION = { mode: 'multiRow', enableClickSelection: false } as const;
/** The selection boxes stay at the left edge, beside the pinned hostname. */
const SELECTION_COLUMN = { pinned: 'left' } as const;
const rowId = ({ data }: { data: GridRow }) => `${data.console}/${data.agentId}`;

/** The grid's columns and column filters as the analyst left them, kept while other screens show. */
let kept: { columns: ColumnState[]; filters: Record<string, unknown> } | undefined;

const go = (grid: GridQuery, replace = false) =>
  navigate({ screen: 'devices', query: queryOfGrid(grid) }, { replace });

/** Devices: the current inventory of every console in one grid, with the audit filters. */
export function DevicesScreen() {
  const devices = useDeviceRows();
  const route = useRoute();
  const grid = useMemo(() => gridQueryOf(route.query), [route.query]);
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
  const [shown, setShown] = useState(0);
  const [selected, setSelected] = useState(0);
  const [columns, setColumns] = useState(() =>
    DEVICE_COLUMNS.map((c) => ({ id: c.colId!, label: c.headerName!, visible: !c.hide })),
  );
  // The devices a dialog hands on are fixed when it opens, not re-read from the grid each render.
  const [handOn, setHandOn] = useState<{ kind: 'export' | 'push'; selection: DeviceSelection }>();

  const { rows } = devices;
  const searchInput = useRef<HTMLInputElement>(null);
  usePendingCommand('find', true, () => searchInput.current?.focus());
  usePendingCommand('export', Boolean(rows?.length) && !devices.loading, () =>
    setHandOn({ kind: 'export', selection: selection() }),
  );

  // Quick search is ours, not AG Grid's: a per-row text built once as rows arrive makes each
  // keystroke a substring scan. Facets, chips and the grid's rows come from one pass.
  const facts = useMemo(() => {
    const index = searchIndex(rows ?? []);
    return rowFacts(rows ?? [], (row) => index.get(row) ?? '');
  }, [rows]);
  const nowMs = useMemo(() => Date.now(), [rows]);
  const filtered = useMemo(() => filterRows(facts, grid, nowMs), [facts, grid, nowMs]);
  // Stable callbacks reading the latest result: new function props would make AG Grid
  // re-process its options on every keystroke; one onFilterChanged per change is enough.
  const visible = useRef({ facts, filtered });
  visible.current = { facts, filtered };
  const filterPresent = useCallback(() => true, []);
  const filterPasses = useCallback(
    (node: IRowNode<GridRow>) =>
      isShown(visible.current.facts, visible.current.filtered, node.data, node.sourceRowIndex),
    [],
  );
  useEffect(() => api.current?.onFilterChanged(), [filtered]);

  const syncColumns = useCallback(() => {
    const state = api.current?.getColumnState() ?? [];
    setColumns((all) =>
      all.map((c) => ({ ...c, visible: !state.find((s) => s.colId === c.id)?.hide })),
    );
  }, []);
  const applyContent = useCallback(
    (view: SavedView) => {
      const content = contentOf(view);
      api.current?.applyColumnState({ state: content.columns, applyOrder: true });
      api.current?.setFilterModel(content.filters);
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
  const applied = useRef<string | undefined>(undefined);
  const firstLook = useRef(kept === undefined && route.query.toString() === '');
  useEffect(() => {
    if (!ready || !saved.views) return;
    if (firstLook.current) {
      firstLook.current = false;
      const preferred = saved.views.find((v) => v.isDefault);
      if (preferred) return openView(preferred, true);
    }
    if (grid.view === undefined || grid.view === applied.current) return;
    const named = saved.views.find((v) => v.name.toLowerCase() === grid.view!.toLowerCase());
    if (!named) return;
    // A link naming only the view opens it whole; one with filters of its own keeps them.
    const onlyTheView = [...route.query.keys()].every((key) =>
      ['view', 'in', 'device'].includes(key),
    );
    if (onlyTheView) return openView(named, true, grid.device);
    applyContent(named);
    applied.current = grid.view;
  }, [ready, saved.views, grid.view, grid.device, route.query, openView, applyContent]);

  const onReady = (event: GridReadyEvent<GridRow>) => {
    api.current = event.api;
    if (kept) {
      event.api.applyColumnState({ state: kept.columns, applyOrder: true });
      event.api.setFilterModel(kept.filters);
      syncColumns();
    }
    setReady(true);
  };
  useEffect(
    () => () => {
      const gridApi = api.current;
      if (gridApi && !gridApi.isDestroyed()) {
        kept = { columns: gridApi.getColumnState(), filters: gridApi.getFilterModel() };
      }
    },
    [],
  );
  const selection = (): DeviceSelection => {
    const inGrid: string[] = [];
    api.current?.forEachNodeAfterFilter((node: IRowNode<GridRow>) => {
      if (node.data) inGrid.push(node.data.agentId);
    });
    const chosen = api.current?.getSelectedRows().map((row) => row.agentId) ?? [];
    const filterOn = inGrid.length !== (rows?.length ?? 0);
    return {
      total: rows?.length ?? 0,
      filtered: filterOn ? inGrid : undefined,
      selected: chosen.length > 0 ? chosen : undefined,
    };
  };
  const hiddenDecommissioned = useMemo(
    () =>
      grid.decommissioned || grid.quick.includes('decommissioned')
        ? 0
        : (rows ?? []).filter((row) => row.decommissioned).length,
    [rows, grid.decommissioned, grid.quick],
  );
  const openDevice = (device: GridQuery['device'], replace = false) =>
    go({ ...grid, ...(device ? { device } : { device: undefined }) }, replace);

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
            filters: api.current?.getFilterModel() ?? {},
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
          onClick={() => setHandOn({ kind: 'export', selection: selection() })}
          disabled={!rows?.length || devices.loading}
        >
          Export…
        </Button>
        <Button
          variant="contained"
          onClick={() => setHandOn({ kind: 'push', selection: selection() })}
          disabled={!rows?.length || devices.loading}
        >
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
        quickCounts={filtered.quick}
        searchRef={searchInput}
        onToggleQuick={(id) =>
          go({
            ...grid,
            quick: grid.quick.includes(id)
              ? grid.quick.filter((q) => q !== id)
              : [...grid.quick, id],
          })
        }
        staleDays={grid.staleDays}
        onStaleDays={(staleDays) => go({ ...grid, staleDays }, true)}
        showDecommissioned={grid.decommissioned}
        onShowDecommissioned={(decommissioned) => go({ ...grid, decommissioned })}
        columns={columns}
        onToggleColumn={(id, shownNow) => {
          api.current?.setColumnsVisible([id], shownNow);
          syncColumns();
        }}
      />
      <ActiveFilters grid={grid} onChange={(next) => go(next)} />
      <ErrorNotice error={devices.error ?? saved.error} />
      {rows && rows.length === 0 ? (
        <Typography role="status" color="text.secondary" sx={{ mt: 2 }}>
          No devices yet: add a console and sync it on the Consoles screen.
        </Typography>
      ) : (
        <Box sx={{ display: 'flex', flexGrow: 1, mt: 1, minHeight: 300, gap: 1 }}>
          {facetsOpen && (
            <Box id="device-facets" sx={{ display: 'flex' }}>
              <FacetPanel
                grid={grid}
                facets={filtered.facets}
                onFacet={(key, value, mode) => go(withFacet(grid, key, value, mode))}
              />
            </Box>
          )}
          <Box sx={{ flexGrow: 1, minWidth: 0 }} role="region" aria-label="Device grid">
            <AgGridReact<GridRow>
              theme={gridTheme}
              rowData={rows}
              loading={!rows}
              columnDefs={DEVICE_COLUMNS}
              defaultColDef={DEFAULT_COLUMN}
              getRowId={rowId}
              isExternalFilterPresent={filterPresent}
              doesExternalFilterPass={filterPasses}
              rowSelection={ROW_SELECTION}
              selectionColumnDef={SELECTION_COLUMN}
              onGridReady={onReady}
              onModelUpdated={() => setShown(api.current?.getDisplayedRowCount() ?? 0)}
              onSelectionChanged={() => setSelected(api.current?.getSelectedRows().length ?? 0)}
              onRowClicked={(event) =>
                event.data &&
                openDevice({ console: event.data.console, agentId: event.data.agentId })
              }
              onCellKeyDown={(event) => {
                // Keyboard users open a device with Enter, as a click does.
                const key = (event.event as KeyboardEvent | undefined)?.key;
                if (key === 'Enter' && event.data) {
                  openDevice({ console: event.data.console, agentId: event.data.agentId });
                }
              }}
              onColumnVisible={syncColumns}
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
        {!rows
          ? ''
          : devices.loading
            ? `Loading devices: ${rows.length.toLocaleString()} of ${devices.total.toLocaleString()} received…`
            : `Showing ${shown.toLocaleString()} of ${rows.length.toLocaleString()} devices${hiddenDecommissioned ? ` · ${hiddenDecommissioned.toLocaleString()} decommissioned hidden` : ''}${selected ? ` · ${selected.toLocaleString()} selected` : ''}`}
      </Typography>
      <DeviceDrawer
        {...(grid.device ? { device: grid.device } : {})}
        onClose={() => openDevice(undefined)}
        onStep={(delta) => {
          // The grid's own order, as filtered and sorted: next and previous as the analyst sees them.
          const gridApi = api.current;
          const current = grid.device;
          if (!gridApi || !current) return;
          const at = gridApi.getRowNode(`${current.console}/${current.agentId}`)?.rowIndex;
          const next = at == null ? undefined : gridApi.getDisplayedRowAtIndex(at + delta)?.data;
          if (next) {
            openDevice({ console: next.console, agentId: next.agentId }, true);
            gridApi.ensureIndexVisible(at! + delta);
          }
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
