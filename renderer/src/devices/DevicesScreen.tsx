import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { AgGridReact } from 'ag-grid-react';
import {
  AllCommunityModule,
  ModuleRegistry,
  colorSchemeDark,
  themeQuartz,
  type GridApi,
  type GridReadyEvent,
  type IRowNode,
} from 'ag-grid-community';
import type { GridRow } from '../../../shared/contract/views';
import { ErrorNotice } from '../ErrorNotice';
import { ExportDialog } from '../handon/ExportDialog';
import { usePendingCommand } from '../commands';
import { PushDialog } from '../handon/PushDialog';
import type { DeviceSelection } from '../handon/scope';
import { DEVICE_COLUMNS } from './columns';
import { DeviceDrawer } from './DeviceDrawer';
import { GridToolbar } from './GridToolbar';
import {
  quickFilterPredicate,
  searchIndex,
  searchPredicate,
  type QuickFilterId,
} from './quick-filters';
import { defaultViewName, loadViews, type SavedView } from './saved-views';
import { useDeviceRows } from './useDeviceRows';
import { ViewsMenu } from './ViewsMenu';

ModuleRegistry.registerModules([AllCommunityModule]);

const DEFAULT_COLUMN = { sortable: true, resizable: true, filter: true, floatingFilter: false };
const ROW_SELECTION = { mode: 'multiRow', enableClickSelection: false } as const;
const rowId = ({ data }: { data: GridRow }) => `${data.console}/${data.agentId}`;

/** Devices: the current inventory of every console in one grid, with the audit filters. */
export function DevicesScreen() {
  const devices = useDeviceRows();
  const muiTheme = useTheme();
  const gridTheme = useMemo(
    () => (muiTheme.palette.mode === 'dark' ? themeQuartz.withPart(colorSchemeDark) : themeQuartz),
    [muiTheme.palette.mode],
  );
  const grid = useRef<GridApi<GridRow>>(undefined);
  const [search, setSearch] = useState('');
  const [quick, setQuick] = useState<Set<QuickFilterId>>(new Set());
  const [staleDays, setStaleDays] = useState(30);
  const [shown, setShown] = useState(0);
  const [selected, setSelected] = useState(0);
  const [columns, setColumns] = useState(() =>
    DEVICE_COLUMNS.map((c) => ({ id: c.colId!, label: c.headerName!, visible: !c.hide })),
  );
  const [detail, setDetail] = useState<{ console: string; agentId: string }>();
  // The devices a dialog hands on are fixed when it opens, not re-read from the grid each render.
  const [handOn, setHandOn] = useState<{ kind: 'export' | 'push'; selection: DeviceSelection }>();

  const { rows } = devices;
  const searchInput = useRef<HTMLInputElement>(null);
  usePendingCommand('find', true, () => searchInput.current?.focus());
  usePendingCommand('export', Boolean(rows?.length) && !devices.loading, () =>
    setHandOn({ kind: 'export', selection: selection() }),
  );
  // Quick search is ours, not AG Grid's: a per-row text built once as rows arrive makes each
  // keystroke a substring scan (AG Grid's own builds its cache on the first keystroke).
  const index = useMemo(() => searchIndex(rows ?? []), [rows]);
  const predicate = useMemo(() => {
    const flags = quickFilterPredicate(quick, rows ?? [], staleDays, Date.now());
    const words = searchPredicate(search, index);
    if (!flags || !words) return flags ?? words;
    return (row: GridRow) => flags(row) && words(row);
  }, [quick, rows, staleDays, search, index]);
  // Stable callbacks reading the latest predicate: new function props would make AG Grid
  // re-process its options on every keystroke; one onFilterChanged per change is enough.
  const current = useRef(predicate);
  current.current = predicate;
  const filterPresent = useCallback(() => current.current !== undefined, []);
  const filterPasses = useCallback(
    (node: IRowNode<GridRow>) => (node.data && current.current ? current.current(node.data) : true),
    [],
  );
  useEffect(() => grid.current?.onFilterChanged(), [predicate]);

  const count = useCallback(() => {
    setShown(grid.current?.getDisplayedRowCount() ?? 0);
  }, []);
  const syncColumns = useCallback(() => {
    const state = grid.current?.getColumnState() ?? [];
    setColumns((all) =>
      all.map((c) => ({ ...c, visible: !state.find((s) => s.colId === c.id)?.hide })),
    );
  }, []);
  const applyView = useCallback(
    (view: SavedView) => {
      grid.current?.applyColumnState({ state: view.columns, applyOrder: true });
      grid.current?.setFilterModel(view.filters);
      setSearch(view.search);
      setQuick(new Set(view.quick));
      setStaleDays(view.staleDays);
      syncColumns();
    },
    [syncColumns],
  );
  const onReady = (event: GridReadyEvent<GridRow>) => {
    grid.current = event.api;
    const preferred = defaultViewName();
    const view = loadViews().find((v) => v.name === preferred);
    if (view) applyView(view);
  };
  const selection = (): DeviceSelection => {
    const filtered: string[] = [];
    grid.current?.forEachNodeAfterFilter((node: IRowNode<GridRow>) => {
      if (node.data) filtered.push(node.data.agentId);
    });
    const chosen = grid.current?.getSelectedRows().map((row) => row.agentId) ?? [];
    const filterOn = filtered.length !== (rows?.length ?? 0);
    return {
      total: rows?.length ?? 0,
      filtered: filterOn ? filtered : undefined,
      selected: chosen.length > 0 ? chosen : undefined,
    };
  };

  return (
    <Box
      sx={{
        p: 3,
        height: 'calc(100vh - 48px)',
        display: 'flex',
        flexDirection: 'column',
        boxSizing: 'border-box',
      }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>
          Devices
        </Typography>
        <ViewsMenu
          current={() => ({
            columns: grid.current?.getColumnState() ?? [],
            filters: grid.current?.getFilterModel() ?? {},
            quick: [...quick],
            search,
            staleDays,
          })}
          onApply={applyView}
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
        search={search}
        onSearch={setSearch}
        quick={quick}
        searchRef={searchInput}
        onToggleQuick={(id) =>
          setQuick((current) => {
            const next = new Set(current);
            if (!next.delete(id)) next.add(id);
            return next;
          })
        }
        staleDays={staleDays}
        onStaleDays={setStaleDays}
        columns={columns}
        onToggleColumn={(id, visible) => {
          grid.current?.setColumnsVisible([id], visible);
          syncColumns();
        }}
      />
      <ErrorNotice error={devices.error} />
      {rows && rows.length === 0 ? (
        <Typography role="status" color="text.secondary" sx={{ mt: 2 }}>
          No devices yet: add a console and sync it on the Consoles screen.
        </Typography>
      ) : (
        <Box sx={{ flexGrow: 1, mt: 1, minHeight: 300 }} role="region" aria-label="Device grid">
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
            onGridReady={onReady}
            onModelUpdated={count}
            onSelectionChanged={() => setSelected(grid.current?.getSelectedRows().length ?? 0)}
            onRowClicked={(event) =>
              event.data && setDetail({ console: event.data.console, agentId: event.data.agentId })
            }
            onCellKeyDown={(event) => {
              // Keyboard users open a device with Enter, as a click does.
              const key = (event.event as KeyboardEvent | undefined)?.key;
              if (key === 'Enter' && event.data) {
                setDetail({ console: event.data.console, agentId: event.data.agentId });
              }
            }}
            onColumnVisible={syncColumns}
          />
        </Box>
      )}
      <Typography
        variant="body2"
        sx={{ mt: 1, height: 20 }}
        aria-live="polite"
        data-testid="grid-footer"
      >
        {rows
          ? `Showing ${shown.toLocaleString()} of ${rows.length.toLocaleString()} devices${selected ? ` · ${selected.toLocaleString()} selected` : ''}${devices.loading ? ` · loading, ${devices.total.toLocaleString()} in all…` : ''}`
          : ''}
      </Typography>
      <DeviceDrawer
        {...(detail ? { device: detail } : {})}
        onClose={() => setDetail(undefined)}
        onStep={(delta) => {
          // The grid's own order, as filtered and sorted: next and previous as the analyst sees them.
          const api = grid.current;
          if (!api || !detail) return;
          const index = api.getRowNode(`${detail.console}/${detail.agentId}`)?.rowIndex;
          const next = index == null ? undefined : api.getDisplayedRowAtIndex(index + delta)?.data;
          if (next) {
            setDetail({ console: next.console, agentId: next.agentId });
            api.ensureIndexVisible(index! + delta);
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
