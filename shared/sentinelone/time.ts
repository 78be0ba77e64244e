/**
 * SentinelOne timestamps: `2022-04-07T08:31:47.481227Z` (µs), `osStartTime` without a fraction,
 * and a few fields with no zone at all, which are UTC (reference §7).
 */
export interface S1Instant {
  /** Integer milliseconds since the epoch; the µs beyond are truncated (OCSF timestamp_t). */
  epochMs: number;
  /** Whole seconds since the epoch and the microseconds within that second, kept apart so
   *  that Sekoia's float seconds can be built exactly. */
  wholeSeconds: number;
  micros: number;
}

const PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:?\d{2})?$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function parseS1Time(text: string): S1Instant | undefined {
  const match = PATTERN.exec(text);
  if (!match) return undefined;
  const year = +match[1]!;
  const month = +match[2]!;
  const day = +match[3]!;
  const hour = +match[4]!;
  const minute = +match[5]!;
  const second = +match[6]!;
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return undefined;
  if (month === 2 && day === 29 && !isLeapYear(year)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const zone = match[8];
  const wholeSecondsMs =
    Date.UTC(year, month - 1, day, hour, minute, second) -
    (zone === undefined ? 0 : zoneOffsetMs(zone));
  const fraction = match[7];
  const micros = fraction === undefined ? 0 : +(fraction + '00000').slice(0, 6);
  return {
    epochMs: wholeSecondsMs + Math.floor(micros / 1000),
    wholeSeconds: wholeSecondsMs / 1000,
    micros,
  };
}

/** Float seconds keeping the µs, as Sekoia's connector sends them: 1519706966.257525. */
export function epochSecondsOf(instant: S1Instant): number {
  if (instant.micros === 0) return instant.wholeSeconds;
  // Built from text, not by adding floats, so that the decimal digits stay exactly as read.
  if (instant.wholeSeconds >= 0) {
    return Number(`${instant.wholeSeconds}.${String(instant.micros).padStart(6, '0')}`);
  }
  return instant.wholeSeconds + instant.micros / 1e6;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function zoneOffsetMs(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4));
  return sign * (hours * 60 + minutes) * 60_000;
}
