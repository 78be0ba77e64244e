import { stringify } from 'csv-stringify/browser/esm/sync';
import { spreadsheetCells } from '../../../shared/spreadsheet-safe';
import type { ConsoleDiff, SoftwareItem } from '../../../shared/contract/views';

export const CHANGE_KINDS = ['new', 'gone', 'changed', 'software'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One line of the Changes screen and of its CSV: a device and what happened to it. */
export interface ChangeRow {
  console: string;
  change: ChangeKind;
  agentId: string;
  hostname: string;
  /** Its site ('' when the compared snapshot does not say). */
  site: string;
  fields: { field: string; before: string; after: string }[];
}

/** What the screen narrows the rows to: kinds of change, one changed column, one site. */
export interface ChangeFilter {
  kinds: readonly ChangeKind[];
  field?: string;
  site?: string;
}

export function filterChanges(rows: readonly ChangeRow[], filter: ChangeFilter): ChangeRow[] {
  return rows.filter(
    (row) =>
      filter.kinds.includes(row.change) &&
      (filter.field === undefined || row.fields.some((f) => f.field === filter.field)) &&
      (filter.site === undefined || row.site === filter.site),
  );
}

/** The values a filter can choose among: the columns that changed, the sites named. */
export function choicesOf(rows: readonly ChangeRow[]): { fields: string[]; sites: string[] } {
  const fields = new Set(rows.flatMap((row) => row.fields.map((f) => f.field)));
  const sites = new Set(rows.map((row) => row.site).filter(Boolean));
  return { fields: [...fields].sort(), sites: [...sites].sort() };
}

export function changeRows(diffs: readonly ConsoleDiff[]): ChangeRow[] {
  return diffs.flatMap((diff) => [
    ...diff.added.map((d) => row(diff.console, 'new', d)),
    ...diff.removed.map((d) => row(diff.console, 'gone', d)),
    ...diff.changed.map((d) => ({ ...row(diff.console, 'changed', d), fields: d.fields })),
    ...diff.software.map((d) => ({
      ...row(diff.console, 'software', d),
      fields: [
        ...d.installed.map((app) => ({ field: INSTALLED, before: '', after: named(app) })),
        ...d.removed.map((app) => ({ field: REMOVED, before: named(app), after: '' })),
      ],
    })),
  ]);
}

export const INSTALLED = 'Application installed';
export const REMOVED = 'Application removed';

/** An application as the screen and the CSV name it: "Google Chrome 121.0 (Google LLC)". */
function named(app: SoftwareItem): string {
  const text = app.version ? `${app.name} ${app.version}` : app.name;
  return app.vendor ? `${text} (${app.vendor})` : text;
}

function row(
  console: string,
  change: ChangeKind,
  device: { agentId: string; hostname?: string | undefined; site?: string | undefined },
): ChangeRow {
  return {
    console,
    change,
    agentId: device.agentId,
    hostname: device.hostname ?? '',
    site: device.site ?? '',
    fields: [],
  };
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
