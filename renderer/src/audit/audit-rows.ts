import { stringify } from 'csv-stringify/browser/esm/sync';
import { spreadsheetCells } from '../../../shared/spreadsheet-safe';
import type { AuditEntryView } from '../../../shared/contract/views';

const WHAT: Record<string, string> = {
  agents: 'Devices',
  threats: 'Threats',
  activities: 'Activities',
  applications: 'Applications',
  vulnerabilities: 'CVEs',
};

/**
 * An entry's scope in words ("Devices · all consoles · current filter", "to soc · console prod
 * · push #3"), from what the backend records (`entity: agents, push: 1` read as code).
 */
export function scopeText(scope: Record<string, unknown>): string {
  const { target, entity, console: consoleName, devices, agents, push, ...rest } = scope;
  const parts = [
    target === undefined ? undefined : `to ${String(target)}`,
    entity === undefined ? undefined : (WHAT[String(entity)] ?? String(entity)),
    consoleName === undefined
      ? undefined
      : consoleName === 'all'
        ? 'all consoles'
        : `console ${String(consoleName)}`,
    devices === undefined ? undefined : String(devices),
    agents === undefined ? undefined : `${Number(agents).toLocaleString('en')} devices chosen`,
    push === undefined ? undefined : `push #${String(push)}`,
    ...Object.entries(rest).map(([key, value]) => `${key} ${String(value)}`),
  ];
  return parts.filter((part) => part !== undefined).join(' · ');
}

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
