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
import { useEvent, useQuery } from '../backend/BackendContext';
import { ErrorNotice } from '../ErrorNotice';
import { ExportDialog } from '../handon/ExportDialog';
import { PushDialog } from '../handon/PushDialog';
import type { DeviceSelection } from '../handon/scope';
import { DEVICE_COLUMNS } from './columns';
import { DeviceDrawer } from './DeviceDrawer';
import { GridToolbar } from './GridToolbar';
import { quickFilterPredicate, type QuickFilterId } from './quick-filters';
import { defaultViewName, loadViews, type SavedView } from './saved-views';
import { ViewsMenu } from './ViewsMenu';

ModuleRegistry.registerModules([AllCommunityModule]);

/** Devices: the current inventory of every console in one grid, with the audit filters. */
export function DevicesScreen() {
  const devices = useQuery('devices.list', {});
  useEvent('sync.finished', devices.reload);
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
  const [handOn, setHandOn] = useState<'export' | 'push'>();

  const rows = devices.data?.rows;
  const predicate = useMemo(
    () => quickFilterPredicate(quick, rows ?? [], staleDays, Date.now()),
    [quick, rows, staleDays],
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
        <Button variant="outlined" onClick={() => setHandOn('export')} disabled={!rows?.length}>
          Export…
        </Button>
        <Button variant="contained" onClick={() => setHandOn('push')} disabled={!rows?.length}>
          Push to Sekoia…
        </Button>
      </Stack>
      <GridToolbar
        search={search}
        onSearch={setSearch}
        quick={quick}
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
            loading={devices.loading && !rows}
            columnDefs={DEVICE_COLUMNS}
            defaultColDef={{ sortable: true, resizable: true, filter: true, floatingFilter: false }}
            getRowId={({ data }) => `${data.console}/${data.agentId}`}
            quickFilterText={search}
            cacheQuickFilter
            isExternalFilterPresent={() => predicate !== undefined}
            doesExternalFilterPass={(node) =>
              node.data && predicate ? predicate(node.data) : true
            }
            rowSelection={{ mode: 'multiRow', enableClickSelection: false }}
            onGridReady={onReady}
            onModelUpdated={count}
            onSelectionChanged={() => setSelected(grid.current?.getSelectedRows().length ?? 0)}
            onRowClicked={(event) =>
              event.data && setDetail({ console: event.data.console, agentId: event.data.agentId })
            }
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
          ? `Showing ${shown.toLocaleString()} of ${rows.length.toLocaleString()} devices${selected ? ` · ${selected.toLocaleString()} selected` : ''}`
          : ''}
      </Typography>
      <DeviceDrawer {...(detail ? { device: detail } : {})} onClose={() => setDetail(undefined)} />
      {handOn === 'export' && (
        <ExportDialog selection={selection()} onClose={() => setHandOn(undefined)} />
      )}
      {handOn === 'push' && (
        <PushDialog selection={selection()} onClose={() => setHandOn(undefined)} />
      )}
    </Box>
  );
}
