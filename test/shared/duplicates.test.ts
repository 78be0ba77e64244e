import { describe, expect, it } from 'vitest';
import { duplicateSizes, identifyingMac, identifyingSerial } from '../../shared/devices/duplicates';

const sizes = (rows: Parameters<typeof duplicateSizes>[0]) => {
  const found = duplicateSizes(rows);
  return { hostname: [...found.hostname], serial: [...found.serial], mac: [...found.mac] };
};

describe('duplicateSizes', () => {
  it('counts devices sharing a hostname, ignoring case, spaces and blanks', () => {
    expect(
      sizes([
        { hostname: 'PC-1' },
        { hostname: ' pc-1' },
        { hostname: 'pc-1' },
        { hostname: 'pc-2' },
        { hostname: '' },
        { hostname: '' },
        {},
      ]).hostname,
    ).toEqual([3, 3, 3, 0, 0, 0, 0]);
  });

  it('counts devices sharing a serial number, but not the placeholders firmware fills in', () => {
    expect(
      sizes([
        { serialNumber: 'C02XK1ZZJG5H' },
        { serialNumber: 'c02xk1zzjg5h ' },
        { serialNumber: 'To be filled by O.E.M.' },
        { serialNumber: 'To be filled by O.E.M.' },
        { serialNumber: '0000000' },
        { serialNumber: '0000000' },
        { serialNumber: 'VMware-42 1a' },
      ]).serial,
    ).toEqual([2, 2, 0, 0, 0, 0, 0]);
  });

  it('counts devices sharing a network card, whatever the notation, and takes the largest group', () => {
    expect(
      sizes([
        { macs: ['00:1A:2B:3C:4D:5E'] },
        { macs: ['00-1a-2b-3c-4d-5e', '10:00:00:00:00:01'] },
        { macs: ['001a.2b3c.4d5e', '10:00:00:00:00:01'] },
        { macs: ['10:00:00:00:00:01'] },
        { macs: ['40:00:00:00:00:09'] },
        { macs: [] },
      ]).mac,
    ).toEqual([3, 3, 3, 3, 0, 0]);
  });

  it('leaves addresses out that many machines share: zero, broadcast, locally administered', () => {
    const shared = ['00:00:00:00:00:00', 'ff:ff:ff:ff:ff:ff', '02:00:4c:4f:4f:50'];
    expect(sizes([{ macs: shared }, { macs: shared }]).mac).toEqual([0, 0]);
  });

  it('puts decommissioned devices in no group', () => {
    expect(
      sizes([
        { hostname: 'pc-1', serialNumber: 'SN1' },
        { hostname: 'pc-1', serialNumber: 'SN1', decommissioned: true },
      ]),
    ).toEqual({ hostname: [0, 0], serial: [0, 0], mac: [0, 0] });
  });
});

describe('identifying values', () => {
  it('normalises what identifies and refuses what does not', () => {
    expect(identifyingMac('00-1A-2B-3C-4D-5E')).toBe('00:1a:2b:3c:4d:5e');
    expect(identifyingMac('not a mac')).toBeUndefined();
    expect(identifyingMac('06:1a:2b:3c:4d:5e')).toBeUndefined();
    expect(identifyingSerial(' SN-42 ')).toBe('sn-42');
    expect(identifyingSerial('System Serial Number')).toBeUndefined();
    expect(identifyingSerial(undefined)).toBeUndefined();
  });
});
