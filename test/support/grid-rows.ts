import type { GridRow } from '../../shared/contract/views';

const DAY_MS = 86_400_000;

/**
 * Grid rows for filter tests, seen relative to one fixed `now` (the tests pass the same `now` to
 * the filter: no real clock is read).
 */
export function gridRowsAt(nowMs: number) {
  const seen = (days: number) => new Date(nowMs - days * DAY_MS).toISOString();
  const row = (agentId: string, extra: Partial<GridRow>): GridRow => ({
    console: 'prod',
    agentId,
    ips: [],
    macs: [],
    decommissioned: false,
    lastSeen: seen(1),
    ...extra,
  });
  return { seen, row };
}
