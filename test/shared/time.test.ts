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
