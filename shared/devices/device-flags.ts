import type { DeviceRow } from './device-row';

const DAY_MS = 86_400_000;

export interface DeviceFlags {
  /** Last seen more than `staleDays` ago, or never. */
  stale: boolean;
  infected: boolean;
  outOfDate: boolean;
  firewallOff: boolean;
}

const NO_FINDING: DeviceFlags = {
  stale: false,
  infected: false,
  outOfDate: false,
  firewallOff: false,
};

/**
 * The audit questions an analyst asks of every device; the grid's quick filters and the
 * Overview agree on them. A decommissioned device raises none: it is gone from the fleet, and
 * counting it stale or out of date buried the real findings (638 of 704 "stale" were).
 */
export function deviceFlags(
  row: Pick<
    DeviceRow,
    'lastSeen' | 'infectionStatus' | 'updateStatus' | 'firewall' | 'activeThreats'
  > & { decommissioned?: boolean },
  staleDays: number,
  nowMs: number,
): DeviceFlags {
  if (row.decommissioned === true) return NO_FINDING;
  return {
    stale: isStale(lastSeenMs(row), staleDays, nowMs),
    infected: row.infectionStatus === 'Infected' || (row.activeThreats ?? 0) > 0,
    outOfDate: row.updateStatus === 'Update Required',
    firewallOff: row.firewall === 'Disabled',
  };
}

/** When a device was last seen, in ms since the epoch; NaN when never (or unreadable). */
export function lastSeenMs(row: Pick<DeviceRow, 'lastSeen'>): number {
  return row.lastSeen === undefined ? Number.NaN : Date.parse(row.lastSeen);
}

/** Not seen for more than `staleDays`, or never: the grid parses lastSeen once and asks this. */
export function isStale(seenMs: number, staleDays: number, nowMs: number): boolean {
  return Number.isNaN(seenMs) || nowMs - seenMs > staleDays * DAY_MS;
}
