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

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ZERO = 0x30;
const [DASH, COLON, DOT, PLUS, SPACE, UPPER_T, LOWER_T, UPPER_Z, LOWER_Z] = [
  0x2d, 0x3a, 0x2e, 0x2b, 0x20, 0x54, 0x74, 0x5a, 0x7a,
];

/**
 * Reads `YYYY-MM-DD[Tt ]hh:mm:ss[.f{1,9}][Z|z|±hh[:]mm]` (ASCII digits), by character codes: the
 * sync reads four timestamps from every agent, and this costs a fifth of a regular expression
 * with its captures (test/shared/time.test.ts holds that expression and checks the two agree).
 */
export function parseS1Time(text: string): S1Instant | undefined {
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  const separator = text.charCodeAt(10);
  if (
    year < 0 ||
    month < 0 ||
    day < 0 ||
    hour < 0 ||
    minute < 0 ||
    second < 0 ||
    text.charCodeAt(4) !== DASH ||
    text.charCodeAt(7) !== DASH ||
    (separator !== UPPER_T && separator !== LOWER_T && separator !== SPACE) ||
    text.charCodeAt(13) !== COLON ||
    text.charCodeAt(16) !== COLON
  ) {
    return undefined;
  }
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return undefined;
  if (month === 2 && day === 29 && !isLeapYear(year)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let at = 19;
  let micros = 0;
  if (text.charCodeAt(at) === DOT) {
    const start = at + 1;
    at = start;
    while (isDigit(text.charCodeAt(at))) at += 1;
    const count = at - start;
    if (count < 1 || count > 9) return undefined;
    // The first six digits are the microseconds; fewer are padded with zeros, more truncated.
    const kept = Math.min(count, 6);
    micros = digitsAt(text, start, kept) * 10 ** (6 - kept);
  }
  let offsetMs = 0;
  const zone = text.charCodeAt(at);
  if (zone === UPPER_Z || zone === LOWER_Z) {
    at += 1;
  } else if (zone === PLUS || zone === DASH) {
    const hours = digitsAt(text, at + 1, 2);
    at += text.charCodeAt(at + 3) === COLON ? 4 : 3;
    const minutes = digitsAt(text, at, 2);
    if (hours < 0 || minutes < 0) return undefined;
    at += 2;
    offsetMs = (zone === DASH ? -1 : 1) * (hours * 60 + minutes) * 60_000;
  }
  if (at !== text.length) return undefined;
  const wholeSecondsMs = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMs;
  return {
    epochMs: wholeSecondsMs + Math.floor(micros / 1000),
    wholeSeconds: wholeSecondsMs / 1000,
    micros,
  };
}

/** The number written by `count` ASCII digits at `at`, or -1 when any of them is not one. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i += 1) {
    const code = text.charCodeAt(i);
    if (!isDigit(code)) return -1;
    value = value * 10 + (code - ZERO);
  }
  return value;
}

function isDigit(code: number): boolean {
  return code >= ZERO && code <= ZERO + 9;
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
