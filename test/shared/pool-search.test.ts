import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringPoolBuilder } from '../../shared/devices/grid-table/growable';
import { markContaining } from '../../shared/devices/grid-table/pool-search';
import { loadGrid } from '../../shared/devices/grid-table/load-grid';
import { gridRowsAt } from '../support/grid-rows';

// The grid's quick search scans a column's one string: the same values as asking each value.

const poolOf = (values: readonly string[]) => {
  const builder = new StringPoolBuilder();
  for (const value of values) builder.push(value);
  return builder.finish();
};
const holding = (values: readonly string[], word: string) => {
  const into = new Uint8Array(values.length);
  markContaining(poolOf(values), word, into);
  return [...into];
};

describe('values containing a word', () => {
  const values = ['paris-01', 'lyon-02', '', 'parislyon', 'lyon'];

  it('marks each value that holds it, once, and never across two values', () => {
    expect(holding(values, 'paris')).toEqual([1, 0, 0, 1, 0]);
    expect(holding(values, 'lyon')).toEqual([0, 1, 0, 1, 1]);
    expect(holding(values, '02parislyon')).toEqual([0, 0, 0, 0, 0]);
    expect(holding(values, 'nlyon')).toEqual([0, 0, 0, 0, 0]);
  });

  it('agrees with includes on every value, for any values and word', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'é'), maxLength: 8 });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), text, (texts, word) => {
        fc.pre(word !== '');
        expect(holding(texts, word)).toEqual(texts.map((t) => (t.includes(word) ? 1 : 0)));
      }),
    );
  });
});

describe("the grid's quick search over its columns", () => {
  const { row } = gridRowsAt(Date.UTC(2026, 5, 1));
  const rows = [
    row('1', { hostname: 'PARIS-01', site: 'Paris', ips: ['10.0.0.1', '10.0.0.2'] }),
    row('2', { hostname: 'lyon-02', users: 'ΟΔΟΣ\\admin', macs: ['00:1A:2B:3C:4D:5E'] }),
    row('3', { hostname: 'İstanbul-03', serialNumber: 'SN-77' }),
    row('4', { note: 'paris' }),
  ];

  for (const [held, codedAtMost] of [
    ['coded', undefined],
    ['pooled', 1],
  ] as const) {
    it(`finds a word in any case, in any searched column, lists included (${held})`, () => {
      const { table } = loadGrid(rows, codedAtMost);
      expect([...table.rowsHolding('paris')]).toEqual([1, 0, 0, 0]);
      expect([...table.rowsHolding('0.0.2')]).toEqual([1, 0, 0, 0]);
      expect([...table.rowsHolding('0.2')]).toEqual([1, 0, 0, 0]);
      expect([...table.rowsHolding('4d:5e')]).toEqual([0, 1, 0, 0]);
      // Each value lower-cased as itself: a final sigma, a dotted capital I.
      expect([...table.rowsHolding('οδος\\')]).toEqual([0, 1, 0, 0]);
      expect([...table.rowsHolding('i̇stanbul')]).toEqual([0, 0, 1, 0]);
      expect([...table.rowsHolding('sn-77')]).toEqual([0, 0, 1, 0]);
      // Never across two columns or two elements; the note is not searched.
      expect([...table.rowsHolding('0.0.0.110')]).toEqual([0, 0, 0, 0]);
      expect([...table.rowsHolding('')]).toEqual([1, 1, 1, 1]);
    });
  }
});
