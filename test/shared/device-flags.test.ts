import { describe, expect, it } from 'vitest';
import { deviceFlags } from '../../shared/devices/device-flags';

const NOW = Date.parse('2026-11-23T12:00:00Z');

describe('deviceFlags', () => {
  it('raises no finding for a decommissioned device', () => {
    const gone = {
      decommissioned: true,
      infectionStatus: 'Infected',
      updateStatus: 'Update Required',
      firewall: 'Disabled',
    };
    expect(deviceFlags(gone, 7, NOW)).toEqual({
      stale: false,
      infected: false,
      outOfDate: false,
      firewallOff: false,
    });
    expect(deviceFlags({ ...gone, decommissioned: false }, 7, NOW)).toEqual({
      stale: true,
      infected: true,
      outOfDate: true,
      firewallOff: true,
    });
  });

  it('flags stale by last seen, or never seen', () => {
    expect(deviceFlags({ lastSeen: '2026-11-20T12:00:00Z' }, 7, NOW).stale).toBe(false);
    expect(deviceFlags({ lastSeen: '2026-11-10T12:00:00Z' }, 7, NOW).stale).toBe(true);
    expect(deviceFlags({}, 7, NOW).stale).toBe(true);
  });
  it('flags infected, out of date and firewall off from the enrichments', () => {
    expect(
      deviceFlags(
        { infectionStatus: 'Infected', updateStatus: 'Update Required', firewall: 'Disabled' },
        7,
        NOW,
      ),
    ).toMatchObject({ infected: true, outOfDate: true, firewallOff: true });
    expect(
      deviceFlags(
        { infectionStatus: 'Clean', updateStatus: 'Up to Date', firewall: 'Enabled' },
        7,
        NOW,
      ),
    ).toMatchObject({ infected: false, outOfDate: false, firewallOff: false });
    expect(deviceFlags({ activeThreats: 2 }, 7, NOW).infected).toBe(true);
  });
});
