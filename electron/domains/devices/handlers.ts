import { type InventoryCursor } from '../../storage/inventory-store';
import { deviceRowOf } from '../../../shared/devices/precomputed';
import { deviceDetail } from './device-detail';
import type { GridRow } from '../../../shared/contract/views';
import { InvalidArgumentError } from '../../../shared/errors/app-error';
import type { Backend } from '../../backend/backend';
import type { HandlerGroup } from '../../backend/handler-types';
import { devicesWhere, minuteOf } from './device-scope';
import { deviceExtrasLookup } from './device-extras';
import { deviceHistory } from '../diff/device-history';
import { deviceKey } from '../../../shared/devices/device-key';

const DEFAULT_PAGE = 50_000;

export const deviceHandlers: HandlerGroup<
  | 'devices.list'
  | 'devices.detail'
  | 'devices.query'
  | 'devices.shown'
  | 'devices.step'
  | 'devices.setNotes'
  | 'devices.history'
> = {
  'devices.history': ({ console: consoleName, agentId }, backend) =>
    deviceHistory(backend.consoles.get(consoleName), backend.storage.snapshots, agentId),
  'devices.setNotes': ({ console: consoleName, agentId, notes }, backend) => {
    const record = backend.consoles.get(consoleName);
    const before = backend.deviceGrid.version();
    const stored = backend.storage.notes.set(record.id, agentId, notes, backend.clock.now());
    backend.deviceGrid.applyNotes({ console: record.name, agentId }, stored, before);
    return stored;
  },
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
  'devices.list': (
    { cursor, limit = DEFAULT_PAGE, console: consoleName, where, staleDays },
    backend,
  ) => {
    if (consoleName !== undefined) backend.consoles.get(consoleName);
    // With a query, the pages hold only what it selects; the cursor walks the inventory as ever.
    const selected =
      where === undefined
        ? undefined
        : new Set(devicesWhere(backend, where, staleDays).map(deviceKey));
    const rows: GridRow[] = [];
    let last: InventoryCursor | undefined;
    const total = () => backend.storage.inventory.deviceCount(consoleName);
    const extrasOf = deviceExtrasLookup(backend.storage);
    for (const record of backend.storage.inventory.deviceRows(consoleName, cursorFrom(cursor))) {
      if (rows.length === limit) return { rows, next: JSON.stringify(last), total: total() };
      last = { consoleId: record.console.id, afterAgentId: record.agentId };
      if (
        selected &&
        !selected.has(deviceKey({ console: record.console.name, agentId: record.agentId }))
      ) {
        continue;
      }
      rows.push({
        ...deviceRowOf(record.text, record.console.name),
        ...extrasOf(record.console.id, record.agentId),
      });
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
