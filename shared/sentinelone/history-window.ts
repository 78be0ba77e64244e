import type { EntityName } from '../entities';

// How far back threats and activities are read (PRODUCT.md "History"). A window is the
// earliest time a console's records are known to be stored from, up to its checkpoint:
// `null` is the start of the console's history.

export type HistoryApi = Extract<EntityName, 'threats' | 'activities'>;
export const HISTORY_APIS: readonly HistoryApi[] = ['threats', 'activities'];

/** Activities by default go back this far; threats go back to the start of history. */
export const DEFAULT_ACTIVITY_DAYS = 30;
/** The widest "Nd" taken: a century, so a typo cannot walk past the epoch. */
export const MAX_SINCE_DAYS = 36_500;

export type SinceSpec = { days: number } | { date: string };

/** A `--since` value: `Nd` (whole days back from now) or `YYYY-MM-DD` (from that UTC day). */
export function parseSince(text: string): SinceSpec | { problem: string } {
  const value = text.trim();
  const days = /^(\d{1,6})d$/i.exec(value);
  if (days) {
    const n = Number(days[1]);
    if (n < 1 || n > MAX_SINCE_DAYS)
      return { problem: `"${value}" is out of range: give between 1d and ${MAX_SINCE_DAYS}d.` };
    return { days: n };
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (date) {
    const at = new Date(`${value}T00:00:00.000Z`);
    if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== value)
      return { problem: `"${value}" is not a calendar date.` };
    return { date: value };
  }
  return {
    problem: `"${value.slice(0, 40)}" is neither a date (2025-01-01) nor a number of days (90d).`,
  };
}

/** The instant a since reaches back to, as an ISO time. A future date reads nothing older than now. */
export function sinceInstant(spec: SinceSpec, now: Date): string {
  if ('days' in spec) return new Date(now.getTime() - spec.days * 86_400_000).toISOString();
  const at = new Date(`${spec.date}T00:00:00.000Z`);
  return (at.getTime() > now.getTime() ? now : at).toISOString();
}

/**
 * Where a sync wants an API's window to start: this run's `--since`, else the console's
 * setting, else the default (threats: the whole history, since an audit needs every threat
 * still open whatever its age; activities: the last 30 days).
 */
export function wantedSince(
  /** The entity's default reach in days; null for its whole history. */
  defaultDays: number | null,
  now: Date,
  runSince?: SinceSpec,
  consoleSince?: SinceSpec,
): string | null {
  const chosen = runSince ?? consoleSince;
  if (chosen) return sinceInstant(chosen, now);
  return defaultDays === null ? null : sinceInstant({ days: defaultDays }, now);
}

/** True when `wanted` reaches further back than what is stored (`covered`). */
export function reachesFurther(wanted: string | null, covered: string | null): boolean {
  if (covered === null) return false;
  return wanted === null || Date.parse(wanted) < Date.parse(covered);
}

/** A window in words, the same in every host: "the whole history" or "since 2026-11-01". */
export function describeWindow(since: string | null): string {
  return since === null ? 'the whole history' : `since ${since.slice(0, 10)}`;
}
