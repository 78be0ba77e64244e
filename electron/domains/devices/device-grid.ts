import type { GridRow } from '../../../shared/contract/views';
import {
  filterRows,
  type GridFilterResult,
  type RowFacts,
} from '../../../shared/devices/grid-filter';
import {
  GridOrders,
  neighbourOf,
  windowOf,
  type GridSort,
} from '../../../shared/devices/grid-order';
import type { GridQuery } from '../../../shared/devices/grid-query';
import { deviceKey, type DeviceKey } from '../../../shared/devices/device-key';
import type { GridTable } from '../../../shared/devices/grid-table/grid-table';
import { loadGrid, type LoadedGrid } from '../../../shared/devices/grid-table/load-grid';
import type { DeviceNotes } from '../../../shared/devices/device-notes';
import { InvalidArgumentError } from '../../../shared/errors/app-error';
import { readsDecommissioned } from '../../../shared/query/grid-as-query';
import { compileQuery } from '../../../shared/query/query-compile';
import { pointAt } from '../../../shared/query/query-error';
import { parseQuery } from '../../../shared/query/query-parser';
import type { GridApart, KeptGrid, OrdersAhead } from './load-grid-apart';

/** Rows both masks keep (an absent mask keeps every row). */
function both(a: Uint8Array | undefined, b: Uint8Array | undefined): Uint8Array | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return a.map((kept, i) => kept & b[i]!);
}

export interface GridPage {
  rows: GridRow[];
  /** Devices the filters keep. */
  shown: number;
  /** Devices in the inventory, decommissioned ones included. */
  total: number;
  hiddenDecommissioned: number;
  facets: GridFilterResult['facets'];
  quick: GridFilterResult['quick'];
}

interface Loaded {
  version: string;
  /** The rows by column: no object per row (issue 29, a million devices). */
  rows: GridTable;
  /** The rows the last CVE filter kept (1 each), worked out once per CVE and load. */
  carrying?: { cveId: string; kept: Uint8Array };
  decommissioned: number;
  facts: RowFacts;
  orders: GridOrders;
}

/**
 * The Devices grid's queries, answered in the backend: the renderer asks for a window of the
 * rows that match its filters, in its order, with the facet and chip counts, and holds only
 * that window. The current inventory is read once from SQLite and kept, with what the filters
 * need worked out per row, until a sync or a removed console changes it.
 */
export class DeviceGrid {
  private loaded: Loaded | undefined;
  /** The last filter's result, for the windows the grid asks for as it scrolls. */
  private last: { key: string; nowMs: number; result: GridFilterResult } | undefined;
  /** The load under way apart, and the version it was started at. */
  private pending: { version: string; done: Promise<void> } | undefined;

  constructor(
    private readonly readRows: () => Iterable<GridRow>,
    /** Changes whenever the current inventory does (a sync, a console renamed or removed). */
    private readonly versionOf: () => string,
    /** The devices on which a CVE is open (the CVE filter). */
    private readonly devicesWithCve: (cveId: string) => Iterable<DeviceKey> = () => [],
    /**
     * Reads the inventory away from this thread and keeps it on disk (long-lived hosts: serve,
     * the desktop app), so a load's garbage never swells this process and the next start reads
     * the columns kept; without it every load runs here.
     */
    private readonly apart?: { grids: GridApart; onError: (error: unknown) => void },
  ) {}

  /** Reads the inventory now, so the first query does not wait for it. */
  warm(): void {
    if (this.apart) {
      void this.ready();
      return;
    }
    try {
      this.load();
    } catch {
      // The first query reads the inventory again and says what is wrong.
    }
  }

  /**
   * Holds until the current inventory is loaded, from the files the last load kept or read
   * apart, when the grid reads apart (`apart`); hosts await it before a query. Should that load
   * fail, the query reads in this thread and says what is wrong.
   */
  async ready(): Promise<void> {
    const apart = this.apart;
    if (!apart) return;
    const version = this.versionOf();
    if (this.loaded?.version === version) return;
    if (this.pending?.version !== version) {
      const done = this.loadApart(apart, version).finally(() => {
        if (this.pending?.done === done) this.pending = undefined;
      });
      this.pending = { version, done };
    }
    return this.pending.done;
  }

  private async loadApart(apart: NonNullable<DeviceGrid['apart']>, version: string): Promise<void> {
    this.release();
    try {
      // What the last load kept on disk, read at this very version: no read of the database.
      const kept = apart.grids.kept(version);
      if (kept) {
        this.afterFirstRows(this.install(version, kept.grid), apart, kept);
        return;
      }
    } catch (error) {
      apart.onError(error);
    }
    let installed: Loaded | undefined;
    let early: OrdersAhead | undefined;
    try {
      const kept = await apart.grids.load(version, (orders) => {
        if (installed) installed.orders.adoptAll(orders);
        else early = orders;
      });
      // A sync or a note stored meanwhile: what was read may be older (kept, it could hold what
      // a sync has since deleted), so it goes, and the next query reads again.
      if (this.versionOf() !== version) {
        kept.discard();
        apart.grids.forget();
        return;
      }
      installed = this.install(version, kept.grid);
      installed.orders.adoptAll(early ?? {});
      this.afterFirstRows(installed, apart, kept);
    } catch (error) {
      apart.onError(error);
    }
  }

  /**
   * What the first keystroke and the first sort will want (the search's lower case, the orders
   * kept), readied once the query that waited has its rows.
   */
  private afterFirstRows(
    installed: Loaded,
    apart: NonNullable<DeviceGrid['apart']>,
    kept: KeptGrid,
  ): void {
    setImmediate(() => {
      if (this.loaded !== installed) {
        kept.discard();
        return;
      }
      try {
        // The rest of the kept text, read whole, and the file let go.
        kept.settle();
        installed.orders.adoptAll(kept.orders() ?? {});
      } catch (error) {
        // The table is released: the next query reads the inventory again.
        if (this.loaded === installed) this.release();
        apart.onError(error);
        return;
      }
      installed.rows.prepareSearch();
    });
  }

  /** What the grid's rows were read at, to tell a later change from one made here. */
  version(): string {
    return this.versionOf();
  }

  /**
   * Puts a device's new notes into the rows held, so saving a note does not make the grid read
   * the whole inventory again (a second at 100,000 devices). Only when nothing else changed
   * since `versionBefore` (read just before the notes were stored); otherwise the next query
   * reads everything as usual.
   */
  applyNotes(device: DeviceKey, notes: DeviceNotes, versionBefore: string): void {
    const loaded = this.loaded;
    if (loaded?.version !== versionBefore) return;
    const at = loaded.rows.indexOf(device);
    if (at !== -1) {
      loaded.rows.setNotes(at, notes);
      const triage = loaded.facts.facets.triage;
      let id = triage.names.indexOf(notes.triage);
      if (id === -1) id = triage.names.push(notes.triage) - 1;
      triage.ids[at] = id;
      for (const column of ['tags', 'note', 'triage'] as const) loaded.orders.forget(column);
      this.last = undefined;
    }
    loaded.version = this.versionOf();
  }

  /**
   * Every device as the grid holds it (enrichments included), made one at a time: what the
   * Overview counts.
   */
  rows(): Iterable<GridRow> {
    return this.load().rows.rows();
  }

  /** Each device not decommissioned, by key: read from three columns, no row made. */
  activeDeviceKeys(): Set<string> {
    const { rows } = this.load();
    const active = new Set<string>();
    for (let i = 0; i < rows.count; i += 1) {
      if (rows.valueAt(i, 'decommissioned')) continue;
      active.add(deviceKey(rows.deviceAt(i)));
    }
    return active;
  }

  query(
    grid: GridQuery,
    sort: GridSort | undefined,
    offset: number,
    limit: number,
    nowMs: number,
  ): GridPage {
    const { rows, facts, orders, decommissioned } = this.load();
    const result = this.filter(facts, grid, nowMs);
    const window = windowOf(result.visible, sort && orders.order(sort), offset, limit);
    const showsThem =
      grid.decommissioned ||
      grid.quick.includes('decommissioned') ||
      readsDecommissioned(grid.where);
    return {
      rows: window.map((i) => rows.rowAt(i)),
      shown: result.shown,
      total: rows.count,
      hiddenDecommissioned: showsThem ? 0 : decommissioned,
      facets: result.facets,
      quick: result.quick,
    };
  }

  /**
   * The device before or after `device` among the shown ones, in the grid's order, and where it
   * stands: the device page's Previous and Next, wherever the page was opened from.
   */
  step(
    grid: GridQuery,
    sort: GridSort | undefined,
    device: DeviceKey,
    delta: 1 | -1,
    nowMs: number,
  ): { console: string; agentId: string; position: number } | undefined {
    const { rows, facts, orders } = this.load();
    const { visible } = this.filter(facts, grid, nowMs);
    const at = rows.indexOf(device);
    const next = neighbourOf(visible, sort && orders.order(sort), at, delta);
    if (!next) return undefined;
    return { ...rows.deviceAt(next.index), position: next.position };
  }

  /** Every shown device, in order: what an export or a push of "the current filter" sends. */
  shownAgents(grid: GridQuery, nowMs: number): { console: string; agentId: string }[] {
    const { rows, facts } = this.load();
    const { visible } = this.filter(facts, grid, nowMs);
    const shown: DeviceKey[] = [];
    for (let i = 0; i < rows.count; i += 1) if (visible[i] === 1) shown.push(rows.deviceAt(i));
    return shown;
  }

  private filter(facts: RowFacts, grid: GridQuery, nowMs: number): GridFilterResult {
    const key = JSON.stringify({ ...grid, view: undefined, device: undefined });
    if (this.last && this.last.key === key && this.last.nowMs === nowMs) return this.last.result;
    const cve = grid.cve ? this.carrying(grid.cve) : undefined;
    const where = grid.where ? this.selecting(grid.where, grid.staleDays, nowMs) : undefined;
    // A query that names decommissioned devices decides for itself: the grid stops hiding them.
    const shows = readsDecommissioned(grid.where) ? { ...grid, decommissioned: true } : grid;
    const result = filterRows(facts, shows, nowMs, both(cve, where));
    this.last = { key, nowMs, result };
    return result;
  }

  /** 1 for each loaded row the query selects; an unreadable query is the caller's error. */
  private selecting(where: string, staleDays: number, nowMs: number): Uint8Array {
    const parsed = parseQuery(where);
    if (!parsed.ok) {
      throw new InvalidArgumentError(
        `The query cannot be read: ${parsed.error.message}\n${pointAt(where, parsed.error.at)}`,
      );
    }
    const loaded = this.load();
    const test = compileQuery(parsed.value, loaded, {
      nowMs,
      staleDays,
      cveMask: (cveId) => this.carrying(cveId),
    });
    const kept = new Uint8Array(loaded.rows.count);
    for (let i = 0; i < kept.length; i += 1) if (test(i)) kept[i] = 1;
    return kept;
  }

  /** 1 for each loaded row on which the CVE is open. */
  private carrying(cveId: string): Uint8Array {
    const loaded = this.load();
    // Kept while the rows are: every other filter changed under the same CVE reuses it.
    if (loaded.carrying?.cveId === cveId) return loaded.carrying.kept;
    const { rows } = loaded;
    const wanted = new Set<string>();
    for (const device of this.devicesWithCve(cveId)) wanted.add(deviceKey(device));
    const kept = new Uint8Array(rows.count);
    for (let i = 0; i < rows.count; i += 1)
      if (wanted.has(deviceKey(rows.deviceAt(i)))) kept[i] = 1;
    loaded.carrying = { cveId, kept };
    return kept;
  }

  private load(): Loaded {
    const version = this.versionOf();
    if (this.loaded?.version === version) return this.loaded;
    this.release();
    return this.install(version, loadGrid(this.readRows()));
  }

  /** The old table is let go before a new one is read: two at once would double the peak. */
  private release(): void {
    this.loaded = undefined;
    this.last = undefined;
  }

  private install(version: string, { table, facts }: LoadedGrid): Loaded {
    this.last = undefined;
    this.loaded = {
      version,
      rows: table,
      decommissioned: facts.decommissioned.reduce((n, gone) => n + gone, 0),
      facts,
      orders: new GridOrders(table),
    };
    return this.loaded;
  }
}
