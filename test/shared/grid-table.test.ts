import { describe, expect, it } from 'vitest';
import type { GridRow } from '../../shared/contract/views';
import { duplicateSizes } from '../../shared/devices/duplicates';
import { GridOrders } from '../../shared/devices/grid-order';
import { loadGrid } from '../../shared/devices/grid-table/load-grid';
import { buffersOf, gridOfImage, imageOf } from '../../shared/devices/grid-table/grid-image';
import { deviceRowOf, precomputeAgent } from '../../shared/devices/precomputed';
import { ELASTIC_AGENT } from '../fixtures/real-format/agents';
import { generateAgent } from '../support/generate/agents';

// Issue 29, item 4: the grid holds its rows by column, typed, with no object per row. A row
// read back from the columns must be the row that went in, whichever way each column is held
// (coded when its values repeat, pooled when they do not), and a sort over codes must give the
// order a sort over the rows gives.

const NOW = Date.UTC(2026, 10, 1);

/** Rows as a sync stores them: generated agents, and an agent as a real console returns it. */
function storedRows(count: number): GridRow[] {
  const jsons = [
    ...Array.from({ length: count }, (_, i) => JSON.stringify(generateAgent(i, { nowMs: NOW }))),
    // test/fixtures/real-format/agents.ts names its source.
    ELASTIC_AGENT,
  ];
  return jsons.flatMap((json, i) => {
    const stored = precomputeAgent(json);
    return stored.ok ? [deviceRowOf(stored.deviceRow, i % 3 === 0 ? 'eu' : 'us')] : [];
  });
}

/** The analyst's notes and enrichments on some rows, absent on others, as the grid reads them. */
function withExtras(rows: GridRow[]): GridRow[] {
  return rows.map((row, i) => ({
    ...row,
    // A machine enrolled twice (re-imaged): its hostname, serial and network card again.
    ...(i % 50 === 1
      ? {
          hostname: rows[i - 1]!.hostname?.toUpperCase(),
          serialNumber: rows[i - 1]!.serialNumber,
          macs: ['00:1a:2b:3c:4d:5e', ...rows[i - 1]!.macs],
        }
      : {}),
    ...(i % 50 === 0 ? { macs: [...rows[i]!.macs, '00:1a:2b:3c:4d:5e'] } : {}),
    ...(i % 3 === 0 ? { ips: [...row.ips, `10.${i % 256}.0.9`, 'fe80::1'] } : {}),
    ...(i % 4 === 0 ? { tags: ['crown jewel', `batch ${i % 3}`], note: `checked ${i}` } : {}),
    ...(i % 5 === 0 ? { tags: [] as string[] } : {}),
    triage: i % 7 === 0 ? 'needs action' : 'unreviewed',
    ...(i % 2 === 0 ? { applications: i % 40, vulnerabilities: i % 9 } : {}),
    ...(i % 6 === 0 ? { highestSeverity: ['Critical', 'High', 'None'][i % 3]! } : {}),
  }));
}

/** What the grid shows of a row: the row, with its duplicate group sizes (none given here). */
function expected(rows: GridRow[]): GridRow[] {
  const sizes = duplicateSizes(rows);
  return rows.map((row, i) => {
    const { tags, ...rest } = row;
    return {
      ...rest,
      ...(tags && tags.length > 0 ? { tags } : {}),
      ...(sizes.hostname[i] ? { sameHostname: sizes.hostname[i] } : {}),
      ...(sizes.serial[i] ? { sameSerial: sizes.serial[i] } : {}),
      ...(sizes.mac[i] ? { sameMac: sizes.mac[i] } : {}),
    };
  });
}

describe("the grid's table of columns", () => {
  const rows = withExtras(storedRows(600));

  for (const [held, codedAtMost] of [
    ['coded as they repeat', undefined],
    ['every column pooled', 1],
  ] as const) {
    it(`gives back every row as it went in (${held})`, () => {
      const { table } = loadGrid(rows, codedAtMost);
      expect(table.count).toBe(rows.length);
      const back = [...table.rows()];
      expect(back).toEqual(expected(rows));
      // Absent stays absent (never undefined-valued keys), an empty IP list stays a list.
      expect(Object.keys(back[1]!)).not.toContain('note');
      expect(back.every((row) => Array.isArray(row.ips) && Array.isArray(row.macs))).toBe(true);
    });

    it(`crosses to another thread and back whole, as plain data (${held})`, () => {
      const loaded = loadGrid(rows, codedAtMost);
      const image = imageOf(loaded);
      // What postMessage does: a structured clone, the typed arrays moved.
      const { table, facts } = gridOfImage(structuredClone(image, { transfer: buffersOf(image) }));
      expect([...table.rows()]).toEqual(expected(rows));
      expect(loaded.table.count).toBe(rows.length);
      const { search, ...kept } = facts;
      const { search: searchThere, ...keptThere } = loadGrid(rows, codedAtMost).facts;
      expect(kept).toEqual(keptThere);
      for (const word of ['win', 'crown', '10.3.', 'fe80'])
        expect(search(word)).toEqual(searchThere(word));
    });

    it(`sorts by codes as by comparing the rows (${held})`, () => {
      const { table } = loadGrid(rows, codedAtMost);
      const orders = new GridOrders(table);
      const key = (value: unknown) =>
        Array.isArray(value)
          ? value.join(', ').toLowerCase() || undefined
          : typeof value === 'string'
            ? value.toLowerCase() || undefined
            : (value as number | undefined);
      for (const column of [
        'site',
        'os',
        'hostname',
        'agentVersion',
        'ips',
        'applications',
      ] as const) {
        const order = [...orders.order({ column, direction: 'asc' })];
        const keys = order.map((i) => key(table.valueAt(i, column)));
        const filled = keys.filter((k) => k !== undefined);
        // Ascending, by index within equal keys, rows with no value last.
        expect(keys.slice(0, filled.length)).toEqual(filled);
        for (let k = 1; k < filled.length; k += 1) {
          const [a, b] = [filled[k - 1]!, filled[k]!];
          expect(a <= b, `${column}: ${a} before ${b}`).toBe(true);
          if (a === b) expect(order[k - 1]! < order[k]!).toBe(true);
        }
        expect(new Set(order).size).toBe(rows.length);
      }
    });
  }

  it('finds a device by its key, and puts the notes saved since the load on its row', () => {
    const { table } = loadGrid(rows);
    const at = table.indexOf({ console: rows[42]!.console, agentId: rows[42]!.agentId });
    expect(at).toBe(42);
    expect(table.indexOf({ console: 'elsewhere', agentId: rows[42]!.agentId })).toBe(-1);
    table.setNotes(at, { tags: ['lost'], note: '', triage: 'reviewed' });
    expect(table.rowAt(at)).toMatchObject({ tags: ['lost'], triage: 'reviewed' });
    expect(table.rowAt(at).note).toBeUndefined();
    // A column with notes put on it is read row by row, not from its load-time codes.
    expect(table.textColumn('triage')).toBeUndefined();
    expect(table.textColumn('site')).toBeDefined();
  });
});

describe('the rows the table test reads', () => {
  it('hold what the table must carry: duplicates, lists, absent values, non-ASCII text', () => {
    const rows = expected(withExtras(storedRows(600)));
    expect(rows.some((row) => row.sameHostname)).toBe(true);
    expect(rows.some((row) => row.sameSerial)).toBe(true);
    expect(rows.some((row) => row.sameMac)).toBe(true);
    expect(rows.some((row) => row.ips.length > 1)).toBe(true);
    expect(rows.some((row) => row.hostname === undefined || row.serialNumber === undefined)).toBe(
      true,
    );
    expect(rows.some((row) => [...JSON.stringify(row)].some((c) => c.charCodeAt(0) > 0x7f))).toBe(
      true,
    );
  });
});
