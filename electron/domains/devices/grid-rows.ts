import type { GridRow } from '../../../shared/contract/views';
import { deviceRowOf } from '../../../shared/devices/precomputed';
import type { Storage } from '../../storage/storage';

/**
 * The current inventory's devices as the grid holds them: each device's row, with what its
 * applications and CVEs add (counts, the worst open CVE's severity).
 */
export function* inventoryGridRows(storage: Storage): Generator<GridRow> {
  const enrichmentOf = storage.software.enrichmentLookup();
  for (const row of storage.inventory.deviceRows()) {
    const device = deviceRowOf(row.text, row.console.name);
    const extra = enrichmentOf(row.console.id, row.agentId);
    yield extra ? { ...device, ...extra } : device;
  }
}
