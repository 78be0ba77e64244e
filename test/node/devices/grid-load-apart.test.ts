import { existsSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeviceGrid } from '../../../electron/domains/devices/device-grid';
import { inventoryGridRows } from '../../../electron/domains/devices/grid-rows';
import { gridFilesOf } from '../../../electron/storage/grid-files';
import {
  gridApart,
  type GridApart,
  type GridApartOptions,
  type KeptGrid,
  type OrdersAhead,
} from '../../../electron/domains/devices/load-grid-apart';
import { writeGridFile } from '../../../electron/domains/devices/grid-file';
import { GridOrders } from '../../../shared/devices/grid-order';
import { imageOf } from '../../../shared/devices/grid-table/grid-image';
import { loadGrid, type LoadedGrid } from '../../../shared/devices/grid-table/load-grid';
import { EVERY_DEVICE } from '../../support/grid-query';
import { gridRowsAt } from '../../support/grid-rows';
import { startSyncFixture, SYNC_TOKEN, type SyncFixture } from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';

// Issue 29, item 4: serve and the desktop app read the inventory into the grid away from the
// backend (a process of its own, or a worker thread), so what a load of a million rows makes on
// the way never swells the process that keeps the grid; what it read is kept on disk, so the
// next start shows the rows without reading the database. Either way the grid must answer as
// the grid read in the backend's thread does, sort orders worked out ahead included.

const tempDir = useTempDirs();
let fixture: SyncFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const NOW = Date.UTC(2026, 0, 5);
const NOTES = { tags: ['vip'], note: 'Owner on leave.', triage: 'needs action' as const };
const EVERY = { ...EVERY_DEVICE, decommissioned: true };

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

/** A grid as a load hands it over, with no file behind it. */
const keptOf = (grid: LoadedGrid): KeptGrid => ({
  grid,
  orders: () => undefined,
  settle: () => undefined,
  discard: () => undefined,
});

const failOnError = (error: unknown): void => {
  throw error;
};

/** A grid that may only read apart: reading in this thread fails the test. */
function gridApartOnly(version: () => string, grids: GridApart, onError = failOnError) {
  return new DeviceGrid(
    () => {
      throw new Error('the rows were read in the backend’s thread');
    },
    version,
    () => [],
    { grids, onError },
  );
}

/** Records the orders a load hands over, as they come. */
function recording(grids: GridApart) {
  const arrived: OrdersAhead[] = [];
  const loads: string[] = [];
  const spied: GridApart = {
    forget: () => grids.forget(),
    kept: (key) => grids.kept(key),
    load: (key, onOrders) => {
      loads.push(key);
      return grids.load(key, (orders) => {
        arrived.push(orders);
        onOrders(orders);
      });
    },
  };
  return { spied, arrived, loads };
}

describe('the grid read apart', () => {
  const BUNDLE = new URL('../../../dist/cli/grid-load-worker.js', import.meta.url);
  for (const [how, options] of [
    ['in a process, from the sources (through tsx)', { runIn: 'process' }],
    ['in a worker thread, from the sources', { runIn: 'thread' }],
    ['in a process, from the bundle beside the CLI', { runIn: 'process', workerUrl: BUNDLE }],
  ] as const satisfies readonly (readonly [string, Omit<GridApartOptions, 'databasePath'>])[]) {
    it(`answers as the grid read here does, ${how}`, async () => {
      const { f, version, noted } = await synced();
      const { spied, arrived } = recording(gridApart({ databasePath: f.db.name, ...options }));
      const apart = gridApartOnly(version, spied);
      await apart.ready();
      const here = new DeviceGrid(() => inventoryGridRows(f.storage), version);
      const page = apart.query(EVERY, undefined, 0, 1000, NOW);
      expect(page.total).toBe(300);
      expect(page).toEqual(here.query(EVERY, undefined, 0, 1000, NOW));
      expect(page.rows.find((row) => row.agentId === noted)).toMatchObject(NOTES);
      const searched = { ...EVERY, search: 'win', quick: ['outOfDate' as const] };
      expect(apart.query(searched, undefined, 0, 1000, NOW)).toEqual(
        here.query(searched, undefined, 0, 1000, NOW),
      );

      // Then the orders of the columns whose first sort compares every row.
      const expected = new GridOrders(loadGrid(inventoryGridRows(f.storage)).table);
      const slow = expected.slowColumns();
      // 300 devices' hostnames are coded; lists and duplicate groups are compared at any size.
      expect(slow).toEqual(expect.arrayContaining(['ips', 'macs', 'sameHostname']));
      await vi.waitFor(() => expect(arrived).toHaveLength(1), { timeout: 10_000 });
      expect(Object.keys(arrived[0]!)).toEqual(slow);
      for (const column of slow) expect(arrived[0]![column]).toEqual(expected.ascending(column));
      for (const column of ['hostname', 'ips', 'sameSerial'] as const) {
        for (const direction of ['asc', 'desc'] as const) {
          const sort = { column, direction };
          expect(apart.query(EVERY, sort, 0, 1000, NOW)).toEqual(
            here.query(EVERY, sort, 0, 1000, NOW),
          );
        }
      }
    });
  }

  it('starts from the files the last load kept, at the same version only', async () => {
    const { f, version } = await synced();
    const grids = gridApart({ databasePath: f.db.name, runIn: 'process' });
    const first = recording(grids);
    await gridApartOnly(version, first.spied).ready();
    await vi.waitFor(() => expect(first.arrived).toHaveLength(1), { timeout: 10_000 });
    const files = gridFilesOf(f.db.name);
    // The fleet's names and addresses: only the owner may read them, as the database.
    for (const file of [files.columns, files.orders]) {
      expect(statSync(file).mode & 0o777).toBe(0o600);
    }

    // A new start at the same version: no load, the same answers, the orders already there.
    const again = recording(grids);
    const restarted = gridApartOnly(version, again.spied);
    await restarted.ready();
    expect(again.loads).toEqual([]);
    const here = new DeviceGrid(() => inventoryGridRows(f.storage), version);
    const sort = { column: 'ips', direction: 'desc' } as const;
    expect(restarted.query(EVERY, sort, 0, 1000, NOW)).toEqual(
      here.query(EVERY, sort, 0, 1000, NOW),
    );

    // A note stored since: the files are of another version, and the inventory is read again.
    const [device] = f.storage.inventory.deviceRows();
    f.storage.notes.set(f.record.id, device!.agentId, { ...NOTES, note: 'Back.' }, new Date(NOW));
    const changed = recording(grids);
    const later = gridApartOnly(version, changed.spied);
    await later.ready();
    expect(changed.loads).toEqual([version()]);
    const page = later.query({ ...EVERY, where: 'note:Back.' }, undefined, 0, 10, NOW);
    expect(page.rows.map((row) => row.agentId)).toEqual([device!.agentId]);

    // The console's data deleted: no copy of it stays beside the database (issue 27, N21). The
    // load just made has written its last file (its orders) first.
    await vi.waitFor(() => expect(changed.arrived).toHaveLength(1), { timeout: 10_000 });
    f.storage.consoles.delete(f.record.id);
    expect([existsSync(files.columns), existsSync(files.orders)]).toEqual([false, false]);
  });

  it('reads the database again, and says why, when the kept columns are cut short', async () => {
    const { f, version } = await synced();
    const grids = gridApart({ databasePath: f.db.name, runIn: 'thread' });
    await gridApartOnly(version, grids).ready();
    const { columns } = gridFilesOf(f.db.name);
    truncateSync(columns, Math.floor(statSync(columns).size / 2));
    const errors: string[] = [];
    const { spied, loads } = recording(grids);
    const restarted = gridApartOnly(version, spied, (error) => errors.push(String(error)));
    await restarted.ready();
    expect(errors).toEqual([expect.stringContaining('grid-columns.bin')]);
    expect(loads).toHaveLength(1);
    expect(restarted.query(EVERY, undefined, 0, 10, NOW).total).toBe(300);
  });

  it('falls back to reading here, and says why, when the load apart cannot read', async () => {
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
        grids: gridApart({ databasePath: join(tempDir(), 'gone.sqlite'), runIn: 'process' }),
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
    const loads: { key: string; finish: (kept: KeptGrid) => void }[] = [];
    let forgotten = 0;
    const grids: GridApart = {
      forget: () => (forgotten += 1),
      kept: () => undefined,
      load: (key) => new Promise((resolve) => loads.push({ key, finish: resolve })),
    };
    const grid = new DeviceGrid(
      () => [row('here', {})],
      () => String(version),
      () => [],
      { grids, onError: failOnError },
    );
    const first = grid.ready();
    // Asked again at the same version: the load under way is awaited, not started twice.
    const again = grid.ready();
    expect(loads).toHaveLength(1);
    version = 2; // a sync ended while the inventory was read
    loads[0]!.finish(keptOf(loadGrid([row('old', {})])));
    await Promise.all([first, again]);
    // What that load kept on disk is of an older inventory: it goes.
    expect(forgotten).toBe(1);

    const next = grid.ready();
    expect(loads.map((l) => l.key)).toEqual(['1', '2']);
    loads[1]!.finish(keptOf(loadGrid([row('new', {})])));
    await next;
    expect(grid.query(EVERY_DEVICE, undefined, 0, 10, NOW).rows.map((r) => r.agentId)).toEqual([
      'new',
    ]);
  });

  it('starts from kept columns held as pools, their text read from the file until wanted', async () => {
    const { f, version } = await synced();
    const rows = [...inventoryGridRows(f.storage)];
    // Every column pooled, as hostnames and agent ids are past 65,536 devices.
    writeGridFile(gridFilesOf(f.db.name).columns, version(), imageOf(loadGrid(rows, 1)));
    const errors: unknown[] = [];
    const { spied, loads } = recording(gridApart({ databasePath: f.db.name, runIn: 'thread' }));
    const restarted = gridApartOnly(version, spied, (error) => errors.push(error));
    await restarted.ready();
    const here = new DeviceGrid(() => rows, version);
    // The first rows, read before the text is (once they are out, it is read whole).
    expect(restarted.query(EVERY, undefined, 0, 1000, NOW)).toEqual(
      here.query(EVERY, undefined, 0, 1000, NOW),
    );
    await new Promise((resolve) => setImmediate(resolve));
    for (const query of [EVERY, { ...EVERY, search: 'WIN' }]) {
      const sort = { column: 'hostname', direction: 'desc' } as const;
      expect(restarted.query(query, sort, 0, 1000, NOW)).toEqual(
        here.query(query, sort, 0, 1000, NOW),
      );
    }
    expect(loads).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('removes kept files of another version instead of keeping them for nothing', () => {
    const databasePath = join(tempDir(), 'inventory.sqlite');
    const files = gridFilesOf(databasePath);
    const { row } = gridRowsAt(NOW);
    writeGridFile(files.columns, 'v1', imageOf(loadGrid([row('1', {})])));
    writeGridFile(files.orders, 'v1', {});
    const grids = gridApart({ databasePath, runIn: 'thread' });
    const kept = grids.kept('v1');
    expect(kept?.grid.table.count).toBe(1);
    kept?.discard();
    expect(grids.kept('v2')).toBeUndefined();
    expect([existsSync(files.columns), existsSync(files.orders)]).toEqual([false, false]);
  });
});
