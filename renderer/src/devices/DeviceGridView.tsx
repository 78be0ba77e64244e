import { memo } from 'react';
import { AgGridReact } from 'ag-grid-react';
import { styled } from '@mui/material/styles';
import type { GridReadyEvent, IDatasource, Theme } from 'ag-grid-community';
import type { GridRow } from '../../../shared/contract/views';
import { DEVICE_COLUMNS } from './columns';

// Filtering is the facets', the chips' and the search's, answered by the backend with the rows.
const DEFAULT_COLUMN = { sortable: true, resizable: true, filter: false };
const ROW_SELECTION = { mode: 'multiRow', enableClickSelection: false } as const;
/** The selection boxes stay at the left edge, beside the pinned hostname. */
const SELECTION_COLUMN = { pinned: 'left' } as const;
/** Rows fetched per request as the analyst scrolls: a few screens' worth. */
export const BLOCK_ROWS = 200;
const rowId = ({ data }: { data: GridRow }) => `${data.console}/${data.agentId}`;

const TONES = ['success', 'error', 'warning'] as const;

/** The grid's frame, which also styles the enrichment pills of its cells (see `columns.tsx`). */
const GridFrame = styled('div')(({ theme }) => ({
  height: '100%',
  '& .s1-pill': {
    display: 'inline-flex',
    alignItems: 'center',
    height: 24,
    padding: '0 8px',
    borderRadius: 12,
    fontSize: '0.8125rem',
    lineHeight: 1,
    border: `1px solid ${theme.palette.text.secondary}`,
    color: theme.palette.text.primary,
  },
  ...Object.fromEntries(
    TONES.map((tone) => [
      `& .s1-pill[data-tone="${tone}"]`,
      {
        background: theme.palette[tone].main,
        borderColor: theme.palette[tone].main,
        color: theme.palette[tone].contrastText,
      },
    ]),
  ),
}));

interface Props {
  theme: Theme;
  datasource: IDatasource;
  onReady: (event: GridReadyEvent<GridRow>) => void;
  onSelected: (count: number) => void;
  onOpen: (device: { console: string; agentId: string }) => void;
  onColumnVisible: () => void;
  /** The analyst sorted, moved, resized, pinned, shown or hid a column. */
  onColumnsChanged: () => void;
  /** The sort changed (the analyst's click, a view, the address). */
  onSorted: () => void;
}

/**
 * The grid itself, drawn again only when its theme or data source changes: a filter changes
 * the rows it asks for, not its props, so a keystroke does not re-render it.
 */
export const DeviceGridView = memo(function DeviceGridView(props: Props) {
  return (
    <GridFrame>
      <AgGridReact<GridRow>
        theme={props.theme}
        rowModelType="infinite"
        datasource={props.datasource}
        cacheBlockSize={BLOCK_ROWS}
        maxBlocksInCache={50}
        columnDefs={DEVICE_COLUMNS}
        defaultColDef={DEFAULT_COLUMN}
        getRowId={rowId}
        rowSelection={ROW_SELECTION}
        selectionColumnDef={SELECTION_COLUMN}
        onGridReady={props.onReady}
        onSelectionChanged={(event) => props.onSelected(event.api.getSelectedRows().length)}
        onRowClicked={(event) =>
          event.data && props.onOpen({ console: event.data.console, agentId: event.data.agentId })
        }
        onCellKeyDown={(event) => {
          // Keyboard users open a device with Enter, as a click does.
          const key = (event.event as KeyboardEvent | undefined)?.key;
          if (key === 'Enter' && event.data) {
            props.onOpen({ console: event.data.console, agentId: event.data.agentId });
          }
        }}
        onColumnVisible={() => {
          props.onColumnVisible();
          props.onColumnsChanged();
        }}
        onSortChanged={() => {
          props.onColumnsChanged();
          props.onSorted();
        }}
        onColumnMoved={props.onColumnsChanged}
        onColumnPinned={props.onColumnsChanged}
        onColumnResized={(event) => event.finished && props.onColumnsChanged()}
      />
    </GridFrame>
  );
});
