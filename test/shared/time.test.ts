import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochSecondsOf, parseS1Time } from '../../shared/sentinelone/time';

describe('parseS1Time', () => {
  it.each([
    ['2018-02-27T04:49:26.257525Z', 1519706966257, 1519706966.257525],
    ['2024-05-29T07:00:00Z', 1716966000000, 1716966000],
    ['2022-04-07T08:31:47.481227', 1649320307481, 1649320307.481227],
    ['2022-04-07T10:31:47.5+02:00', 1649320307500, 1649320307.5],
    ['2022-04-07T03:31:47-0500', 1649320307000, 1649320307],
    ['2024-02-29T00:00:00.000999Z', 1709164800000, 1709164800.000999],
    ['2024-02-29 00:00:00Z', 1709164800000, 1709164800],
  ])('%s → %i ms / %d s', (text, ms, seconds) => {
    const instant = parseS1Time(text);
    expect(instant?.epochMs).toBe(ms);
    expect(instant && epochSecondsOf(instant)).toBe(seconds);
  });

  it('keeps the microseconds exactly in float seconds, as Sekoia sends them', () => {
    expect(String(epochSecondsOf(parseS1Time('2018-02-27T04:49:26.257525Z')!))).toBe(
      '1519706966.257525',
    );
  });

  it.each([
    '',
    'yesterday',
    '2023-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2024-04-31T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-01-01T24:00:00Z',
    '1519706966',
  ])('rejects %j', (text) => {
    expect(parseS1Time(text)).toBeUndefined();
  });
});

/** The grammar as a regular expression: parseS1Time reads it by character codes, and must agree. */
const PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:?\d{2})?$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function byPattern(text: string) {
  const match = PATTERN.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as number[];
  const leap = (year! % 4 === 0 && year! % 100 !== 0) || year! % 400 === 0;
  if (month! < 1 || month! > 12 || day! < 1 || day! > DAYS_IN_MONTH[month! - 1]!) return undefined;
  if (month === 2 && day === 29 && !leap) return undefined;
  if (hour! > 23 || minute! > 59 || second! > 59) return undefined;
  const zone = match[8];
  const digits = zone?.slice(1).replace(':', '') ?? '';
  const offset =
    zone === undefined || zone === 'Z' || zone === 'z'
      ? 0
      : (zone.startsWith('-') ? -1 : 1) *
        (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) *
        60_000;
  const wholeSecondsMs = Date.UTC(year!, month! - 1, day, hour, minute, second) - offset;
  const micros = match[7] === undefined ? 0 : +(match[7] + '00000').slice(0, 6);
  return {
    epochMs: wholeSecondsMs + Math.floor(micros / 1000),
    wholeSeconds: wholeSecondsMs / 1000,
    micros,
  };
}

describe('parseS1Time against its grammar', () => {
  const digits = (min: number, max: number) =>
    fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
  const twoDigits = (max: number) =>
    fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
  /** Mostly the grammar's own parts, sometimes a near miss (a digit short or long, a wrong sign). */
  const part = (valid: fc.Arbitrary<string>, miss: fc.Arbitrary<string>) =>
    fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: miss, weight: 1 });
  const nearTimestamp = fc
    .tuple(
      part(digits(4, 4), digits(3, 5)),
      part(fc.constant('-'), fc.constantFrom('/', '')),
      part(twoDigits(13), digits(1, 3)),
      part(fc.constant('-'), fc.constant('')),
      part(twoDigits(31), digits(1, 3)),
      part(fc.constantFrom('T', 't', ' '), fc.constantFrom('_', '')),
      part(twoDigits(24), digits(1, 3)),
      part(fc.constant(':'), fc.constant('')),
      part(twoDigits(60), digits(1, 3)),
      part(fc.constant(':'), fc.constant('.')),
      part(twoDigits(60), digits(1, 3)),
      fc.option(fc.tuple(part(fc.constant('.'), fc.constant(',')), digits(0, 11))),
      fc.option(
        fc.oneof(
          fc.constantFrom('Z', 'z', 'UTC', '+', '-'),
          fc.tuple(
            fc.constantFrom('+', '-'),
            part(twoDigits(23), digits(1, 3)),
            fc.constantFrom(':', ''),
            part(twoDigits(59), digits(1, 3)),
          ),
        ),
      ),
    )
    .map((parts) =>
      parts
        .flat()
        .map((piece) => piece ?? '')
        .join(''),
    );

  it('agrees with the expression on timestamps and near misses', () => {
    fc.assert(
      fc.property(nearTimestamp, (text) => {
        expect(parseS1Time(text)).toEqual(byPattern(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it('agrees with the expression on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        expect(parseS1Time(text)).toEqual(byPattern(text));
      }),
    );
  });

  it('accepts what the near-miss generator can make valid', () => {
    // Guards the property above against a generator that only ever makes rejected texts.
    const valid = fc.sample(nearTimestamp, { numRuns: 2_000, seed: 7 }).filter(byPattern);
    expect(valid.length).toBeGreaterThan(100);
  });
});
