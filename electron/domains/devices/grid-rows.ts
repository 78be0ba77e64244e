import type { GridRow } from '../../../shared/contract/views';
import { deviceRowOf } from '../../../shared/devices/precomputed';
import type { Storage } from '../../storage/storage';
import { deviceExtrasLookup } from './device-extras';

/**
 * The current inventory's devices as the grid holds them: each device's row, with what its
 * applications and CVEs add (counts, the worst open CVE's severity) and the analyst's notes.
 */
export function* inventoryGridRows(storage: Storage): Generator<GridRow> {
  const extrasOf = deviceExtrasLookup(storage);
  for (const row of storage.inventory.deviceRows()) {
    yield { ...deviceRowOf(row.text, row.console.name), ...extrasOf(row.console.id, row.agentId) };
  }
}
