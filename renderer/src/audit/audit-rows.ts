import { stringify } from 'csv-stringify/browser/esm/sync';
import { spreadsheetCells } from '../../../shared/spreadsheet-safe';
import type { AuditEntryView } from '../../../shared/contract/views';

export const scopeText = (scope: Record<string, unknown>) =>
  Object.entries(scope)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(', ');

export const STATUS_LABELS = { complete: 'Complete', failed: 'Failed' } as const;

/** Entries whose every word appears somewhere in the row (as the table shows it). */
export function searchAudit(entries: readonly AuditEntryView[], search: string): AuditEntryView[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const text = [
      entry.at,
      entry.osUser,
      entry.action,
      STATUS_LABELS[entry.status],
      entry.format,
      scopeText(entry.scope),
      entry.sha256 ?? '',
      entry.destination,
    ]
      .join(' ')
      .toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/** The audit log as CSV, every column in full (the sha256 too). */
export function auditCsv(entries: readonly AuditEntryView[]): string {
  return stringify([
    ['at', 'user', 'action', 'status', 'format', 'scope', 'records', 'sha256', 'destination'],
    ...entries.map((e) =>
      spreadsheetCells([
        e.at,
        e.osUser,
        e.action,
        e.status,
        e.format,
        scopeText(e.scope),
        String(e.recordCount),
        e.sha256 ?? '',
        e.destination,
      ]),
    ),
  ]);
}
