import { type InventoryCursor } from '../../storage/inventory-store';
import { deviceRowOf } from '../../../shared/devices/precomputed';
import { deviceDetail } from './device-detail';
import type { GridRow } from '../../../shared/contract/views';
import { InvalidArgumentError } from '../../../shared/errors/app-error';
import type { Backend } from '../../backend/backend';
import type { HandlerGroup } from '../../backend/handler-types';

const DEFAULT_PAGE = 50_000;

/** Stale is judged to the minute: the grid's windows of one query share one filter pass. */
const MINUTE_MS = 60_000;
const minuteOf = (backend: Backend) =>
  Math.floor(backend.clock.now().getTime() / MINUTE_MS) * MINUTE_MS;

export const deviceHandlers: HandlerGroup<
  'devices.list' | 'devices.detail' | 'devices.query' | 'devices.shown' | 'devices.step'
> = {
  'devices.step': ({ query, sort, console: consoleName, agentId, delta }, backend) => ({
    next:
      backend.deviceGrid.step(
        query,
        sort,
        { console: consoleName, agentId },
        delta,
        minuteOf(backend),
      ) ?? null,
  }),
  'devices.query': ({ query, sort, offset, limit }, backend) =>
    backend.deviceGrid.query(query, sort, offset, limit, minuteOf(backend)),
  'devices.shown': ({ query }, backend) => ({
    agentIds: backend.deviceGrid.shownAgents(query, minuteOf(backend)).map((a) => a.agentId),
  }),
  'devices.list': ({ cursor, limit = DEFAULT_PAGE, console: consoleName }, backend) => {
    if (consoleName !== undefined) backend.consoles.get(consoleName);
    const rows: GridRow[] = [];
    let last: InventoryCursor | undefined;
    const total = () => backend.storage.inventory.deviceCount(consoleName);
    const enrichmentOf = backend.storage.software.enrichmentLookup();
    for (const record of backend.storage.inventory.deviceRows(consoleName, cursorFrom(cursor))) {
      if (rows.length === limit) return { rows, next: JSON.stringify(last), total: total() };
      const extra = enrichmentOf(record.console.id, record.agentId);
      const row = deviceRowOf(record.text, record.console.name);
      rows.push(extra ? { ...row, ...extra } : row);
      last = { consoleId: record.console.id, afterAgentId: record.agentId };
    }
    return { rows, total: total() };
  },
  'devices.detail': ({ console: consoleName, agentId }, backend) =>
    deviceDetail(backend, consoleName, agentId),
};

/** Every device of the current inventory, as the grid shows it (its software and CVEs too). */
export function gridRows(backend: Backend): readonly GridRow[] {
  return backend.deviceGrid.rows();
}

function cursorFrom(cursor: string | undefined): InventoryCursor | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(cursor) as Partial<InventoryCursor>;
    if (typeof parsed.consoleId === 'string' && typeof parsed.afterAgentId === 'string') {
      return { consoleId: parsed.consoleId, afterAgentId: parsed.afterAgentId };
    }
  } catch {
    // reported below
  }
  throw new InvalidArgumentError(
    'The devices cursor is not one this backend handed out. Reload the Devices screen.',
  );
}
