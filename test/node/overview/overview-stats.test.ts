import { describe, expect, it } from 'vitest';
import type { GridRow } from '../../../shared/contract/views';
import { overviewStats } from '../../../electron/domains/overview/overview-stats';

const NOW = new Date(Date.UTC(2026, 5, 1));
const row = (extra: Partial<GridRow>): GridRow => ({
  console: 'prod',
  agentId: String(Math.random()),
  ips: [],
  macs: [],
  decommissioned: false,
  lastSeen: new Date(NOW.getTime() - 86_400_000).toISOString(),
  ...extra,
});

describe('the Overview figures', () => {
  it('count the active fleet’s make-up in the exports’ OCSF names, and each console’s findings', () => {
    const stats = overviewStats(
      [
        row({ osType: 'windows_legacy', deviceType: 'laptop', agentVersion: '24.1' }),
        row({ osType: 'windows', deviceType: 'Laptop', agentVersion: '24.1' }),
        row({ osType: 'linux', deviceType: 'kubernetes node', firewall: 'Disabled' }),
        row({ osType: 'macos', deviceType: 'desktop', decommissioned: true }),
        row({ console: 'lab', infectionStatus: 'Infected', lastSeen: undefined }),
      ],
      30,
      NOW,
    );
    expect(stats.os).toEqual([
      { key: 'Windows', count: 2 },
      { key: 'Linux', count: 1 },
      { key: 'Unknown', count: 1 },
    ]);
    expect(stats.deviceTypes).toEqual([
      { key: 'Laptop', count: 2 },
      { key: 'kubernetes node', count: 1 },
      { key: 'Unknown', count: 1 },
    ]);
    expect(stats.consoles).toEqual([
      expect.objectContaining({ console: 'prod', devices: 4, firewallOff: 1, decommissioned: 1 }),
      expect.objectContaining({ console: 'lab', devices: 1, infected: 1, stale: 1 }),
    ]);
  });
});
