import { describe, expect, it } from 'vitest';
import { isCidr, isIpAddress, isMacAddress, toCidr } from '../../shared/net';

describe('network text checks', () => {
  it.each([
    ['31.155.5.97', true],
    ['::1', true],
    ['2001:db8::1', true],
    ['fe80::1%eth0', false],
    ['01.2.3.4', false],
    ['1.2.3', false],
    ['256.0.0.1', false],
    ['', false],
  ])('isIpAddress(%j) = %s', (text, expected) => {
    expect(isIpAddress(text)).toBe(expected);
  });

  it.each([
    ['00:50:56:a1:b2:c3', true],
    ['00-50-56-A1-B2-C3', true],
    ['00:50-56:a1:b2:c3', false],
    ['00:25:96:FF:FE:12:34:56', false],
    ['0050.56a1.b2c3', false],
  ])('isMacAddress(%j) = %s', (text, expected) => {
    expect(isMacAddress(text)).toBe(expected);
  });

  it.each([
    ['31.155.5.x', '31.155.5.0/24'],
    ['10.0.0.0/8', '10.0.0.0/8'],
    ['10.1.2.3/24', '10.1.2.0/24'],
    ['2001:db8::1/64', '2001:db8::/64'],
    ['1.2.3.4/33', undefined],
    ['1.2.3.4', undefined],
    ['031.1.1.x', undefined],
    ['a.b.c.x', undefined],
  ])('toCidr(%j) = %j', (text, expected) => {
    expect(toCidr(text)).toBe(expected);
  });

  it('isCidr accepts only network addresses', () => {
    expect(isCidr('10.1.2.0/24')).toBe(true);
    expect(isCidr('10.1.2.3/24')).toBe(false);
    expect(isCidr('31.155.5.x')).toBe(false);
  });
});
