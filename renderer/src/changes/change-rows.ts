import { stringify } from 'csv-stringify/browser/esm/sync';
import { spreadsheetCells } from '../../../shared/spreadsheet-safe';
import type { ConsoleDiff } from '../../../shared/contract/views';

export type ChangeKind = 'new' | 'gone' | 'changed';

/** One line of the Changes screen and of its CSV: a device and what happened to it. */
export interface ChangeRow {
  console: string;
  change: ChangeKind;
  agentId: string;
  hostname: string;
  fields: { field: string; before: string; after: string }[];
}

export function changeRows(diffs: readonly ConsoleDiff[]): ChangeRow[] {
  return diffs.flatMap((diff) => [
    ...diff.added.map((d) => row(diff.console, 'new', d)),
    ...diff.removed.map((d) => row(diff.console, 'gone', d)),
    ...diff.changed.map((d) => ({ ...row(diff.console, 'changed', d), fields: d.fields })),
  ]);
}

function row(
  console: string,
  change: ChangeKind,
  device: { agentId: string; hostname?: string | undefined },
): ChangeRow {
  return { console, change, agentId: device.agentId, hostname: device.hostname ?? '', fields: [] };
}

/** One CSV line per changed field (a new or gone device: one line with no field). */
export function changesCsv(rows: readonly ChangeRow[]): string {
  const lines = rows.flatMap((r) =>
    r.fields.length === 0
      ? [[r.console, r.change, r.hostname, r.agentId, '', '', '']]
      : r.fields.map((f) => [
          r.console,
          r.change,
          r.hostname,
          r.agentId,
          f.field,
          f.before,
          f.after,
        ]),
  );
  return stringify([
    ['console', 'change', 'hostname', 'agentId', 'field', 'before', 'after'],
    ...lines.map(spreadsheetCells),
  ]);
}
