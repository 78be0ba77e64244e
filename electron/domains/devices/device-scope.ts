import type { Backend } from '../../backend/backend';
import type { DeviceScope } from '../../../shared/contract/views';
import { DEFAULT_STALE_DAYS, type GridQuery } from '../../../shared/devices/grid-query';

/** Stale is judged to the minute: the grid's windows of one query share one filter pass. */
const MINUTE_MS = 60_000;
export const minuteOf = (backend: Backend) =>
  Math.floor(backend.clock.now().getTime() / MINUTE_MS) * MINUTE_MS;

/**
 * The grid's query that a query's text alone decides (docs/query.md): nothing else narrows, and
 * decommissioned devices are in unless the text leaves them out. What a script's `--where`
 * selects, and what "Copy as query" hands it, select the same devices.
 */
export const onlyWhere = (where: string, staleDays = DEFAULT_STALE_DAYS): GridQuery => ({
  search: '',
  quick: [],
  staleDays,
  include: {},
  exclude: {},
  decommissioned: true,
  where,
});

/** The devices a query's text selects, as console and agent id. */
export function devicesWhere(backend: Backend, where: string, staleDays?: number) {
  return backend.deviceGrid.shownAgents(onlyWhere(where, staleDays), minuteOf(backend));
}

/**
 * The agent ids an export or a push of this scope sends: its list, narrowed by its query when it
 * has one; undefined for every device.
 */
export function scopedAgentIds(backend: Backend, scope: DeviceScope): Set<string> | undefined {
  if (scope.where === undefined) return scope.agentIds && new Set(scope.agentIds);
  const listed = scope.agentIds && new Set(scope.agentIds);
  return new Set(
    devicesWhere(backend, scope.where, scope.staleDays)
      .filter((device) => scope.console === undefined || device.console === scope.console)
      .map((device) => device.agentId)
      .filter((agentId) => listed === undefined || listed.has(agentId)),
  );
}

/** The same, as the exporter's and the pusher's options take it (absent: every device). */
export function agentIdsOption(backend: Backend, scope: DeviceScope): { agentIds?: Set<string> } {
  const agentIds = scopedAgentIds(backend, scope);
  return agentIds === undefined ? {} : { agentIds };
}
