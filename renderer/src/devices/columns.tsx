import Chip from '@mui/material/Chip';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { GridRow } from '../../../shared/contract/views';
import {
  DEVICE_COLUMNS as SHARED_COLUMNS,
  type DeviceColumn,
} from '../../../shared/devices/device-row';

type Tone = 'success' | 'error' | 'warning' | 'default';

/** How an enrichment value reads at a glance. */
const TONES: Record<string, Tone> = {
  Enabled: 'success',
  Disabled: 'error',
  'Up to Date': 'success',
  'Update Required': 'warning',
  Clean: 'success',
  Infected: 'error',
};

function EnrichmentChip({ value }: ICellRendererParams<GridRow, string | number>) {
  if (value === undefined || value === null || value === '') return null;
  const text = String(value);
  const tone =
    typeof value === 'number' ? (value > 0 ? 'error' : 'success') : (TONES[text] ?? 'default');
  return (
    <Chip
      size="small"
      label={text}
      color={tone}
      variant={tone === 'default' ? 'outlined' : 'filled'}
    />
  );
}

const date = (value: unknown) =>
  typeof value === 'string' ? new Date(value).toLocaleString() : '';

/** What each kind of column needs in the grid: its filter, how it reads and how it sorts. */
function kindDef({ key, kind }: DeviceColumn): Partial<ColDef<GridRow>> {
  switch (kind) {
    case 'text':
      return {};
    case 'list':
      return { valueGetter: ({ data }) => (data?.[key] as string[] | undefined)?.join(', ') ?? '' };
    case 'date':
      return {
        filter: 'agDateColumnFilter',
        valueFormatter: ({ value }) => date(value),
        filterValueGetter: ({ data }) => {
          const value = data?.[key];
          return typeof value === 'string' ? new Date(value) : null;
        },
        comparator: (a: string | undefined, b: string | undefined) =>
          (a ?? '').localeCompare(b ?? ''),
      };
    case 'boolean':
      return {
        valueFormatter: ({ value }) => (value ? 'Yes' : 'No'),
        filterValueGetter: ({ data }) => (data?.[key] ? 'Yes' : 'No'),
      };
    case 'number':
      return { cellRenderer: EnrichmentChip, filter: 'agNumberColumnFilter' };
    case 'enrichment':
      return { cellRenderer: EnrichmentChip };
  }
}

/** Every grid column, from the one column table the CSV export shares. */
export const DEVICE_COLUMNS: ColDef<GridRow>[] = SHARED_COLUMNS.map((column) => ({
  field: column.key,
  headerName: column.label,
  colId: column.key,
  filter: 'agTextColumnFilter',
  width: column.width,
  ...(column.hidden ? { hide: true } : {}),
  // The device's name stays in sight however far right the analyst scrolls.
  ...(column.key === 'hostname' ? { pinned: 'left' as const, lockPinned: true } : {}),
  ...kindDef(column),
}));
