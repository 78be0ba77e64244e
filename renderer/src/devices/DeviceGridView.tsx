import { memo } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { GridReadyEvent, IDatasource, Theme } from 'ag-grid-community';
import type { GridRow } from '../../../shared/contract/views';
import { DEVICE_COLUMNS } from './columns';

// Filtering is the facets', the chips' and the search's, answered by the backend with the rows.
const DEFAULT_COLUMN = { sortable: true, resizable: true, filter: false };
const ROW_SELECTION = { mode: 'multiRow', enableClickSelection: false } as const;
/** The selection boxes stay at the left edge, beside the pinned hostname. */
const SELECTION_COLUMN = { pinned: 'left' } as const;
/** Rows fetched per request as the analyst scrolls: a few screens' worth. */
const BLOCK = 200;
const rowId = ({ data }: { data: GridRow }) => `${data.console}/${data.agentId}`;

interface Props {
  theme: Theme;
  datasource: IDatasource;
  onReady: (event: GridReadyEvent<GridRow>) => void;
  onSelected: (count: number) => void;
  onOpen: (device: { console: string; agentId: string }) => void;
  onColumnVisible: () => void;
}

/**
 * The grid itself, drawn again only when its theme or data source changes: a filter changes
 * the rows it asks for, not its props, so a keystroke does not re-render it.
 */
export const DeviceGridView = memo(function DeviceGridView(props: Props) {
  return (
    <AgGridReact<GridRow>
      theme={props.theme}
      rowModelType="infinite"
      datasource={props.datasource}
      cacheBlockSize={BLOCK}
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
      onColumnVisible={props.onColumnVisible}
    />
  );
});
