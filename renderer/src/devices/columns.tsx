import Chip from '@mui/material/Chip';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { GridRow } from '../../../shared/contract/views';

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

const text = (
  field: keyof GridRow,
  headerName: string,
  extra: Partial<ColDef<GridRow>> = {},
): ColDef<GridRow> => ({
  field,
  headerName,
  colId: field,
  filter: 'agTextColumnFilter',
  ...extra,
});

const chip = (field: keyof GridRow, headerName: string): ColDef<GridRow> =>
  text(field, headerName, { cellRenderer: EnrichmentChip, width: 150 });

const date = (value: unknown) =>
  typeof value === 'string' ? new Date(value).toLocaleString() : '';

/** Every grid column: the audit columns and each enrichment as its own column. */
export const DEVICE_COLUMNS: ColDef<GridRow>[] = [
  text('console', 'Console', { width: 130 }),
  text('site', 'Site', { width: 150 }),
  text('group', 'Group', { width: 150 }),
  text('hostname', 'Hostname', { width: 190 }),
  text('os', 'OS', { width: 200 }),
  text('deviceType', 'Device type', { width: 130 }),
  text('ips', 'IPs', {
    width: 200,
    valueGetter: ({ data }) => data?.ips.join(', ') ?? '',
  }),
  text('lastSeen', 'Last seen', {
    width: 180,
    filter: 'agDateColumnFilter',
    valueFormatter: ({ value }) => date(value),
    filterValueGetter: ({ data }) => (data?.lastSeen ? new Date(data.lastSeen) : null),
    comparator: (a: string | undefined, b: string | undefined) => (a ?? '').localeCompare(b ?? ''),
  }),
  text('agentVersion', 'Agent version', { width: 140 }),
  text('decommissioned', 'Decommissioned', {
    width: 150,
    valueFormatter: ({ value }) => (value ? 'Yes' : 'No'),
    filterValueGetter: ({ data }) => (data?.decommissioned ? 'Yes' : 'No'),
  }),
  chip('firewall', 'Firewall'),
  text('users', 'Users', { width: 180 }),
  chip('updateStatus', 'Update Status'),
  { ...chip('activeThreats', 'Active Threats'), filter: 'agNumberColumnFilter' },
  chip('infectionStatus', 'Infection Status'),
  text('agentId', 'Agent ID', { width: 190, hide: true }),
  text('externalIp', 'External IP', { width: 140, hide: true }),
];
