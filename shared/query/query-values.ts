import { CVE_SEVERITIES, SEVERITY_RANK, type CveSeverity } from '../cve-severity';

// The values a query compares with, read from their text: one reader per type, shared by the
// parser (which refuses a value it cannot read, pointing at it) and the evaluator.

const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000, y: 365 * 86_400_000 } as const;
const DURATION = /^(\d{1,6})([hdwy])$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A date value: an age (`90d`: compares how long ago) or a moment (`2026-01-31`). */
export type DateValue = { age: number } | { from: number; to: number };

export function readDate(text: string): DateValue | undefined {
  const duration = DURATION.exec(text);
  if (duration) {
    return {
      age: Number(duration[1]) * UNIT_MS[duration[2]!.toLowerCase() as keyof typeof UNIT_MS],
    };
  }
  // A day stands for all of it (UTC): `last_seen:2026-01-31` is that day, `<` before it.
  if (DAY.test(text)) {
    const from = Date.parse(`${text}T00:00:00Z`);
    return Number.isNaN(from) ? undefined : { from, to: from + UNIT_MS.d };
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : { from: at, to: at + 1 };
}

const VERSION = /^\d+(?:\.\d+)*$/;

/** A version's numbers (`23.4.2.14` → [23, 4, 2, 14]); undefined when it has none to read. */
export function readVersion(text: string): number[] | undefined {
  if (VERSION.test(text)) return text.split('.').map(Number);
  // The console's versions are dotted numbers; a suffix (`23.4.2.14-beta`) is read up to it.
  const lead = /^\d+(?:\.\d+)*/.exec(text);
  return lead ? lead[0].split('.').map(Number) : undefined;
}

/** Whether the text is a version a query may compare with (numbers only). */
export const isVersionValue = (text: string): boolean => VERSION.test(text);

/** -1, 0 or 1, by number, a missing part counting as 0 (23.4 = 23.4.0). */
export function compareVersionNumbers(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/** `agent_version:23.4` is every 23.4.x: the value's numbers begin the version's. */
export const versionStartsWith = (version: readonly number[], prefix: readonly number[]) =>
  prefix.every((part, i) => version[i] === part);

export function readNumber(text: string): number | undefined {
  return /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : undefined;
}

const TRUE = new Set(['true', 'yes']);
const FALSE = new Set(['false', 'no']);

export function readBoolean(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  return TRUE.has(lower) ? true : FALSE.has(lower) ? false : undefined;
}

/** A severity's rank (Critical 4 … Low 1, Unknown 0), by its name in any case. */
export function readSeverity(text: string): number | undefined {
  const name = CVE_SEVERITIES.find((severity) => severity.toLowerCase() === text.toLowerCase());
  return name === undefined ? undefined : SEVERITY_RANK[name as CveSeverity];
}

/**
 * `*` matches any run of characters, in any case; without one, the whole value must equal.
 * Built once per compared value, not per device.
 */
export function textMatcher(pattern: string): (value: string) => boolean {
  const lower = pattern.toLowerCase();
  if (!lower.includes('*')) return (value) => value.toLowerCase() === lower;
  const source = lower
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const regex = new RegExp(`^${source}$`, 's');
  return (value) => regex.test(value.toLowerCase());
}
