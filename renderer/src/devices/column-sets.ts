import type { ColumnState } from 'ag-grid-community';
import { DEVICE_COLUMNS } from './columns';

/**
 * Column sets: the columns one kind of audit reads, in the order it reads them, one click away
 * in the Columns menu. A view saved afterwards keeps the columns as they are.
 */
export const COLUMN_SETS = [
  {
    name: 'Default',
    columns: DEVICE_COLUMNS.filter((column) => !column.hide).map((column) => column.colId!),
  },
  {
    name: 'Health audit',
    columns: [
      'hostname',
      'console',
      'site',
      'os',
      'agentVersion',
      'lastSeen',
      'firewall',
      'updateStatus',
      'activeThreats',
      'infectionStatus',
    ],
  },
  {
    name: 'Identity and network',
    columns: [
      'hostname',
      'console',
      'site',
      'deviceType',
      'ips',
      'externalIp',
      'networkStatus',
      'macs',
      'serialNumber',
      'users',
      'agentId',
      'lastSeen',
    ],
  },
  {
    name: 'Software and CVEs',
    columns: [
      'hostname',
      'highestSeverity',
      'vulnerabilities',
      'applications',
      'console',
      'os',
      'activeThreats',
      'lastSeen',
    ],
  },
  {
    name: 'Duplicates',
    columns: [
      'hostname',
      'console',
      'site',
      'sameHostname',
      'sameSerial',
      'sameMac',
      'serialNumber',
      'macs',
      'lastSeen',
      'agentVersion',
      'agentId',
    ],
  },
  { name: 'Every column', columns: DEVICE_COLUMNS.map((column) => column.colId!) },
] as const satisfies readonly { name: string; columns: readonly string[] }[];

/** The grid's column state for a set: its columns shown in its order, every other one hidden. */
export function columnSetState(columns: readonly string[]): ColumnState[] {
  const shown = new Set(columns);
  return [
    ...columns.map((colId) => ({ colId, hide: false })),
    ...DEVICE_COLUMNS.filter((column) => !shown.has(column.colId!)).map((column) => ({
      colId: column.colId!,
      hide: true,
    })),
  ];
}
