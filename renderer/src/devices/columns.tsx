import { deviceTypeCaption } from '../../../shared/devices/os-caption';
import type { ColDef, ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import type { GridRow } from '../../../shared/contract/views';
import { DUPLICATE_FIELDS } from '../../../shared/devices/duplicates';
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
  Critical: 'error',
  High: 'warning',
};

/**
 * An enrichment as a coloured pill: a plain span styled by the grid's frame (`DeviceGridView`),
 * built without React. A React component per cell (let alone a MUI Chip) made every redraw of
 * the rows several times slower once pill columns are in view ("Software and CVEs").
 */
class EnrichmentPill implements ICellRendererComp<GridRow> {
  private readonly pill = document.createElement('span');

  init(params: ICellRendererParams<GridRow, string | number>): void {
    this.refresh(params);
  }

  getGui(): HTMLElement {
    return this.pill;
  }

  refresh({ value }: ICellRendererParams<GridRow, string | number>): boolean {
    if (value === undefined || value === null || value === '') {
      this.pill.removeAttribute('class');
      this.pill.textContent = '';
      return true;
    }
    const text = String(value);
    this.pill.className = 's1-pill';
    this.pill.dataset.tone =
      typeof value === 'number' ? (value > 0 ? 'error' : 'success') : (TONES[text] ?? 'default');
    this.pill.textContent = text;
    return true;
  }
}

const date = (value: unknown) =>
  typeof value === 'string' ? new Date(value).toLocaleString() : '';

/**
 * How each kind of column reads. Filtering and sorting are the backend's (facets, chips, search;
 * `devices.query`), so no column carries a filter of its own that the rows would ignore.
 */
function kindDef({ key, kind }: DeviceColumn): Partial<ColDef<GridRow>> {
  switch (kind) {
    case 'text':
      // A device type reads as the facet and the OCSF export name it ("laptop" is Laptop).
      return key === 'deviceType'
        ? { valueFormatter: ({ value }) => deviceTypeCaption(value as string | undefined) ?? '' }
        : {};
    case 'list':
      return { valueGetter: ({ data }) => (data?.[key] as string[] | undefined)?.join(', ') ?? '' };
    case 'date':
      return {
        valueFormatter: ({ value }) => date(value),
      };
    case 'boolean':
      return {
        valueFormatter: ({ value }) => (value ? 'Yes' : 'No'),
      };
    case 'count':
      return { type: 'rightAligned' };
    case 'number':
    case 'enrichment':
      return { cellRenderer: EnrichmentPill };
  }
}

/**
 * How many devices share this one's hostname, serial number or MAC (itself included; blank when
 * none does). The grid's own: the sizes depend on the whole inventory, which a CSV of some
 * devices does not hold.
 */
const DUPLICATE_COLUMNS: ColDef<GridRow>[] = Object.values(DUPLICATE_FIELDS).map(
  ({ size, label, noun }) => ({
    field: size,
    headerName: label,
    colId: size,
    width: 155,
    hide: true,
    type: 'rightAligned',
    headerTooltip: `How many devices share this one's ${noun} (itself included)`,
  }),
);

/** Every grid column: the one column table the CSV export shares, then the grid's own. */
export const DEVICE_COLUMNS: ColDef<GridRow>[] = [
  ...SHARED_COLUMNS.map((column) => ({
    field: column.key,
    headerName: column.label,
    colId: column.key,
    width: column.width,
    ...(column.hidden ? { hide: true } : {}),
    // The device's name stays in sight however far right the analyst scrolls.
    ...(column.key === 'hostname' ? { pinned: 'left' as const, lockPinned: true } : {}),
    ...kindDef(column),
  })),
  ...DUPLICATE_COLUMNS,
];
