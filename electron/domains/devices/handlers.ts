import { type InventoryCursor, type InventoryText } from '../../storage/inventory-store';
import type { AgentRange } from '../../storage/snapshot-store';
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
  'devices.step': async ({ query, sort, console: consoleName, agentId, delta }, backend) => {
    await backend.deviceGrid.ready();
    const device = { console: consoleName, agentId };
    const next = backend.deviceGrid.step(query, sort, device, delta, minuteOf(backend));
    return { next: next ?? null };
  },
  'devices.query': async ({ query, sort, offset, limit }, backend) => {
    await backend.deviceGrid.ready();
    return backend.deviceGrid.query(query, sort, offset, limit, minuteOf(backend));
  },
  'devices.shown': async ({ query }, backend) => {
    await backend.deviceGrid.ready();
    return {
      agentIds: backend.deviceGrid.shownAgents(query, minuteOf(backend)).map((a) => a.agentId),
    };
  },
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
    const page: InventoryText[] = [];
    let last: InventoryCursor | undefined;
    let more = false;
    for (const record of backend.storage.inventory.deviceRows(consoleName, cursorFrom(cursor))) {
      if (page.length === limit) {
        more = true;
        break;
      }
      last = { consoleId: record.console.id, afterAgentId: record.agentId };
      if (
        selected?.has(deviceKey({ console: record.console.name, agentId: record.agentId })) ===
        false
      ) {
        continue;
      }
      page.push(record);
    }
    // The page's extras, read for its own agents only (records come by console, then id).
    const extrasOf = deviceExtrasLookup(backend.storage, agentRanges(page));
    const rows: GridRow[] = page.map((record) => ({
      ...deviceRowOf(record.text, record.console.name),
      ...extrasOf(record.console.id, record.agentId),
    }));
    const total = backend.storage.inventory.deviceCount(consoleName);
    return more ? { rows, next: JSON.stringify(last), total } : { rows, total };
  },
  'devices.detail': ({ console: consoleName, agentId }, backend) =>
    deviceDetail(backend, consoleName, agentId),
};

/** Every device of the current inventory, as the grid shows it (its software and CVEs too). */
export function gridRows(backend: Backend): Iterable<GridRow> {
  return backend.deviceGrid.rows();
}

/** Each console's first and last agent id among the page's records. */
function agentRanges(page: readonly InventoryText[]): AgentRange[] {
  const ranges: AgentRange[] = [];
  for (const { console: record, agentId } of page) {
    const range = ranges.at(-1);
    if (range?.consoleId === record.id) range.to = agentId;
    else ranges.push({ consoleId: record.id, from: agentId, to: agentId });
  }
  return ranges;
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
