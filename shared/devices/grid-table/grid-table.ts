import { GridRow } from '../grid-row';
import type { DeviceKey } from '../device-key';
import type { DeviceNotes } from '../device-notes';
import type { ListColumn } from './list-column';
import type { TextColumn } from './text-column';

// The grid's rows held by column, typed (issue 29, item 4): no object per row. A row is made
// only for what leaves the table (a window of the grid, a device's neighbours, the Overview's
// pass), and dropped once sent.

export const TEXT_KEYS = [
  'console',
  'agentId',
  'uuid',
  'site',
  'group',
  'hostname',
  'os',
  'osType',
  'deviceType',
  'serialNumber',
  'externalIp',
  'lastSeen',
  'agentVersion',
  'networkStatus',
  'firewall',
  'users',
  'updateStatus',
  'infectionStatus',
  'highestSeverity',
  'firstSeen',
  'note',
  'triage',
] as const satisfies readonly (keyof GridRow)[];
export type TextKey = (typeof TEXT_KEYS)[number];

/** List columns, and whether a row with no elements has no list at all. */
export const LIST_KEYS = { ips: false, macs: false, tags: true } as const;
export type ListKey = keyof typeof LIST_KEYS;

export const NUMBER_KEYS = [
  'activeThreats',
  'applications',
  'vulnerabilities',
  'sameHostname',
  'sameSerial',
  'sameMac',
] as const satisfies readonly (keyof GridRow)[];
export type NumberKey = (typeof NUMBER_KEYS)[number];

// Every field of a grid row has a column: a field added to GridRow fails to compile here until
// it is given one.
type Held = TextKey | ListKey | NumberKey | 'decommissioned';
const everyFieldHeld: [Exclude<keyof GridRow, Held>] extends [never] ? true : never = true;
void everyFieldHeld;

/** The columns the quick search (and a query's bare words) looks in. */
const SEARCHED: readonly (TextKey | ListKey)[] = [
  'console',
  'site',
  'group',
  'hostname',
  'os',
  'deviceType',
  'ips',
  'externalIp',
  'lastSeen',
  'agentVersion',
  'networkStatus',
  'firewall',
  'users',
  'updateStatus',
  'infectionStatus',
  'agentId',
  'serialNumber',
  'macs',
];

export interface GridColumns {
  text: Record<TextKey, TextColumn>;
  lists: Record<ListKey, ListColumn>;
  /** NaN where a row has no value. */
  numbers: Record<NumberKey, Float64Array>;
  decommissioned: Uint8Array;
}

/** The analyst's notes put on a row after the load (so saving one does not read every row). */
type NoteEdit = Pick<GridRow, 'tags' | 'note' | 'triage'>;
const NOTE_KEYS = new Set<keyof GridRow>(['tags', 'note', 'triage']);

const FIELD_ORDER = Object.keys(GridRow.shape) as (keyof GridRow)[];

export class GridTable {
  private readonly readers: Record<keyof GridRow, (i: number) => unknown>;
  private readonly edits = new Map<number, NoteEdit>();

  constructor(
    readonly count: number,
    /** Read only: the image of the table (grid-image.ts) hands them to another thread. */
    readonly columns: GridColumns,
  ) {
    const readers: Partial<Record<keyof GridRow, (i: number) => unknown>> = {};
    for (const key of Object.keys(columns.text) as TextKey[]) {
      const column = columns.text[key];
      readers[key] = (i) => column.valueAt(i);
    }
    for (const key of Object.keys(columns.lists) as ListKey[]) {
      const column = columns.lists[key];
      readers[key] = (i) => column.valueAt(i);
    }
    for (const key of NUMBER_KEYS) {
      const values = columns.numbers[key];
      readers[key] = (i) => (Number.isNaN(values[i]!) ? undefined : values[i]);
    }
    readers.decommissioned = (i) => columns.decommissioned[i] === 1;
    for (const key of NOTE_KEYS) {
      const read = readers[key]!;
      readers[key] = (i) => {
        const edit = this.edits.get(i);
        return edit ? edit[key as keyof NoteEdit] : read(i);
      };
    }
    this.readers = readers as Record<keyof GridRow, (i: number) => unknown>;
  }

  /**
   * Readies the quick search (each searched column's lower case), so the first keystroke does
   * not pay for it; a search readies what it needs anyway.
   */
  prepareSearch(): void {
    for (const key of SEARCHED) this.searched(key).prepareSearch();
  }

  /**
   * 1 for each row one of whose searched columns holds `word` (lower case), in any case: the
   * quick search, column by column, with no copy of the rows' text kept for it.
   */
  rowsHolding(word: string): Uint8Array {
    const holding = new Uint8Array(this.count);
    if (word === '') return holding.fill(1);
    for (const key of SEARCHED) this.searched(key).markHolding(word, holding);
    return holding;
  }

  private searched(key: TextKey | ListKey): TextColumn | ListColumn {
    return key in this.columns.lists
      ? this.columns.lists[key as ListKey]
      : this.columns.text[key as TextKey];
  }

  /** Row `i`'s value in a column (undefined where it has none), as its GridRow would hold it. */
  valueAt<K extends keyof GridRow>(i: number, key: K): GridRow[K] {
    return this.readers[key](i) as GridRow[K];
  }

  /** Row `i` whole, its fields in GridRow's order, those without a value left out. */
  rowAt(i: number): GridRow {
    const row: Record<string, unknown> = {};
    for (const key of FIELD_ORDER) {
      const value = this.readers[key](i);
      if (value !== undefined) row[key] = value;
    }
    return row as GridRow;
  }

  *rows(): Generator<GridRow> {
    for (let i = 0; i < this.count; i += 1) yield this.rowAt(i);
  }

  /**
   * A text column to sort by codes, unless notes put on rows since the load changed it (its
   * values are then read row by row).
   */
  textColumn(key: keyof GridRow): TextColumn | undefined {
    if (this.edits.size > 0 && NOTE_KEYS.has(key)) return undefined;
    return (this.columns.text as Partial<Record<keyof GridRow, TextColumn>>)[key];
  }

  /** Row `i`'s device: its console and agent id. */
  deviceAt(i: number): DeviceKey {
    return { console: this.valueAt(i, 'console'), agentId: this.valueAt(i, 'agentId') };
  }

  /** The row of a device, or -1. */
  indexOf(device: DeviceKey): number {
    const agentIds = this.columns.text.agentId;
    const consoles = this.columns.text.console;
    for (let i = 0; i < this.count; i += 1) {
      if (agentIds.valueAt(i) === device.agentId && consoles.valueAt(i) === device.console)
        return i;
    }
    return -1;
  }

  /** Puts a device's notes on its row, as the next load would read them. */
  setNotes(i: number, notes: DeviceNotes): void {
    this.edits.set(i, {
      ...(notes.tags.length > 0 ? { tags: notes.tags } : {}),
      ...(notes.note ? { note: notes.note } : {}),
      triage: notes.triage,
    });
  }
}
