import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeviceGrid } from '../../../electron/domains/devices/device-grid';
import { inventoryGridRows } from '../../../electron/domains/devices/grid-rows';
import {
  gridLoaderApart,
  type LoadGridApart,
} from '../../../electron/domains/devices/load-grid-apart';
import type { GridRow } from '../../../shared/contract/views';
import { GridOrders } from '../../../shared/devices/grid-order';
import { loadGrid, type LoadedGrid } from '../../../shared/devices/grid-table/load-grid';
import type { RowOrder } from '../../../shared/devices/grid-table/row-orders';
import { EVERY_DEVICE } from '../../support/grid-query';
import { gridRowsAt } from '../../support/grid-rows';
import { startSyncFixture, SYNC_TOKEN, type SyncFixture } from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';

// Issue 29, item 4: serve and the desktop app read the inventory into the grid in a worker
// thread, so what a load of a million rows makes on the way never swells the process that keeps
// the grid. The worker must read what the backend's thread would, and hand over the sort orders
// it works out ahead.

const tempDir = useTempDirs();
let fixture: SyncFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const NOW = Date.UTC(2026, 0, 5);
const NOTES = { tags: ['vip'], note: 'Owner on leave.', triage: 'needs action' as const };

async function synced() {
  const f = (fixture = await startSyncFixture(tempDir(), {
    agents: 300,
    threats: 0,
    activities: 0,
  }));
  await f.engine.sync({ console: f.record, token: SYNC_TOKEN, apis: ['agents'] });
  const [first] = f.storage.inventory.deviceRows();
  f.storage.notes.set(f.record.id, first!.agentId, NOTES, new Date(NOW));
  const { consoleState, software, notes } = f.storage;
  const version = () =>
    `${consoleState.inventoryVersion()}#${software.enrichmentVersion()}#${notes.version()}`;
  return { f, version, noted: first!.agentId };
}

/** The same grid read in this thread, every query's answer to compare with. */
const readHere = (f: SyncFixture, version: () => string) =>
  new DeviceGrid(() => inventoryGridRows(f.storage), version);

const failOnError = (error: unknown) => {
  throw error;
};

describe('the grid read in a worker thread', () => {
  for (const [entry, workerUrl] of [
    ['from the sources (through tsx)', undefined],
    [
      'from the bundle beside the CLI',
      new URL('../../../dist/cli/grid-load-worker.js', import.meta.url),
    ],
  ] as const) {
    it(`answers as the grid read here does, ${entry}`, async () => {
      const { f, version, noted } = await synced();
      const arrived: [keyof GridRow, RowOrder][] = [];
      const load = gridLoaderApart(f.db.name, workerUrl);
      const apart = new DeviceGrid(
        () => {
          throw new Error('the rows were read in the backend’s thread');
        },
        version,
        () => [],
        {
          load: (onOrder) =>
            load((column, order) => {
              arrived.push([column, order]);
              onOrder(column, order);
            }),
          onError: failOnError,
        },
      );
      await apart.ready();
      const here = readHere(f, version);
      const every = { ...EVERY_DEVICE, decommissioned: true };
      const page = apart.query(every, undefined, 0, 1000, NOW);
      expect(page.total).toBe(300);
      expect(page).toEqual(here.query(every, undefined, 0, 1000, NOW));
      expect(page.rows.find((row) => row.agentId === noted)).toMatchObject(NOTES);
      const searched = { ...every, search: 'win', quick: ['outOfDate' as const] };
      expect(apart.query(searched, undefined, 0, 1000, NOW)).toEqual(
        here.query(searched, undefined, 0, 1000, NOW),
      );

      // Then, one by one, the orders of the columns whose first sort compares every row.
      const expected = new GridOrders(loadGrid(inventoryGridRows(f.storage)).table);
      const slow = expected.slowColumns();
      // 300 devices' hostnames are coded; lists and duplicate groups are compared at any size.
      expect(slow).toEqual(expect.arrayContaining(['ips', 'macs', 'sameHostname']));
      await vi.waitFor(() => expect(arrived.map(([column]) => column)).toEqual(slow), {
        timeout: 10_000,
      });
      for (const [column, order] of arrived) expect(order).toEqual(expected.ascending(column));
      for (const column of ['hostname', 'ips', 'sameSerial'] as const) {
        for (const direction of ['asc', 'desc'] as const) {
          const sort = { column, direction };
          expect(apart.query(every, sort, 0, 1000, NOW)).toEqual(
            here.query(every, sort, 0, 1000, NOW),
          );
        }
      }
    });
  }

  it('falls back to reading here, and says why, when the worker cannot read', async () => {
    const { row } = gridRowsAt(NOW);
    const errors: string[] = [];
    let reads = 0;
    const grid = new DeviceGrid(
      () => {
        reads += 1;
        return [row('1', { hostname: 'alpha' })];
      },
      () => 'v1',
      () => [],
      {
        load: gridLoaderApart(join(tempDir(), 'gone.sqlite')),
        onError: (error) => errors.push(String(error)),
      },
    );
    await grid.ready();
    expect(errors).toEqual([expect.stringContaining('gone.sqlite')]);
    expect(grid.query(EVERY_DEVICE, undefined, 0, 10, NOW).rows).toEqual([
      row('1', { hostname: 'alpha' }),
    ]);
    expect(reads).toBe(1);
  });

  it('keeps nothing read before a sync that landed meanwhile, and reads again', async () => {
    const { row } = gridRowsAt(NOW);
    let version = 1;
    const loads: { version: number; finish: (grid: LoadedGrid) => void }[] = [];
    const load: LoadGridApart = () =>
      new Promise((resolve) => loads.push({ version, finish: resolve }));
    const grid = new DeviceGrid(
      () => [row('here', {})],
      () => String(version),
      () => [],
      { load, onError: failOnError },
    );
    const first = grid.ready();
    // Asked again at the same version: the load under way is awaited, not started twice.
    const again = grid.ready();
    expect(loads).toHaveLength(1);
    version = 2; // a sync ended while the worker read
    loads[0]!.finish(loadGrid([row('old', {})]));
    await Promise.all([first, again]);

    const next = grid.ready();
    expect(loads.map((l) => l.version)).toEqual([1, 2]);
    loads[1]!.finish(loadGrid([row('new', {})]));
    await next;
    expect(grid.query(EVERY_DEVICE, undefined, 0, 10, NOW).rows.map((r) => r.agentId)).toEqual([
      'new',
    ]);
  });
});
