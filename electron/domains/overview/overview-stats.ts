import type { GridRow, OverviewStats } from '../../../shared/contract/views';
import { deviceFlags } from '../../../shared/devices/device-flags';
import { deviceTypeCaption, osCaption } from '../../../shared/devices/os-caption';
import { NO_VALUE } from '../../../shared/devices/facets';

type Stats = OverviewStats;

/** The Overview screen's figures, computed from the grid rows in one pass. */
export function overviewStats(rows: Iterable<GridRow>, staleDays: number, now: Date): Stats {
  const os = new Map<string, number>();
  const versions = new Map<string, number>();
  const types = new Map<string, number>();
  const consoles = new Map<string, Stats['consoles'][number]>();
  const bump = (map: Map<string, number>, key: string | undefined) =>
    map.set(key || NO_VALUE, (map.get(key || NO_VALUE) ?? 0) + 1);
  let devices = 0;
  for (const row of rows) {
    devices += 1;
    // The fleet's make-up is the active fleet's, as the grid shows it (decommissioned hidden):
    // a click on a slice opens the grid on the same devices.
    if (!row.decommissioned) {
      bump(os, osCaption(row.osType));
      bump(versions, row.agentVersion);
      bump(types, deviceTypeCaption(row.deviceType));
    }
    let entry = consoles.get(row.console);
    if (!entry) {
      entry = {
        console: row.console,
        devices: 0,
        stale: 0,
        infected: 0,
        outOfDate: 0,
        firewallOff: 0,
        decommissioned: 0,
        withCves: 0,
        critical: 0,
        high: 0,
      };
      consoles.set(row.console, entry);
    }
    const flags = deviceFlags(row, staleDays, now.getTime());
    entry.devices += 1;
    entry.stale += flags.stale ? 1 : 0;
    entry.infected += flags.infected ? 1 : 0;
    entry.outOfDate += flags.outOfDate ? 1 : 0;
    entry.firewallOff += flags.firewallOff ? 1 : 0;
    entry.decommissioned += row.decommissioned ? 1 : 0;
    if (!row.decommissioned && row.vulnerabilities !== undefined) {
      entry.withCves += 1;
      entry.critical += row.highestSeverity === 'Critical' ? 1 : 0;
      entry.high += row.highestSeverity === 'High' ? 1 : 0;
    }
  }
  const sorted = (map: Map<string, number>) =>
    [...map].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count);
  return {
    devices,
    consoles: [...consoles.values()],
    os: sorted(os),
    agentVersions: sorted(versions),
    deviceTypes: sorted(types),
    staleDays,
  };
}
