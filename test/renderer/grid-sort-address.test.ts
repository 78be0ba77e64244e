import { describe, expect, it } from 'vitest';
import { sortOf, withSort } from '../../renderer/src/devices/grid-address';
import { columnsSortedBy } from '../../renderer/src/devices/saved-views';

// Issue 29: the grid's sort is in the address, so a reload or a shared link shows the same order.

describe("the grid's sort in the address", () => {
  it('reads ascending and descending sorts of known columns, and nothing else', () => {
    expect(sortOf(new URLSearchParams('sort=hostname'))).toEqual({
      column: 'hostname',
      direction: 'asc',
    });
    expect(sortOf(new URLSearchParams('q=x&sort=-lastSeen'))).toEqual({
      column: 'lastSeen',
      direction: 'desc',
    });
    for (const text of ['', 'sort=', 'sort=-', 'sort=password', 'sort=__proto__'])
      expect(sortOf(new URLSearchParams(text)), text).toBeUndefined();
  });

  it('writes a sort and reads it back, keeping the rest of the address', () => {
    const query = new URLSearchParams('view=Laptops&is.site=Paris');
    const sorted = withSort(query, { column: 'agentVersion', direction: 'desc' });
    expect(sorted.toString()).toBe('view=Laptops&is.site=Paris&sort=-agentVersion');
    expect(sortOf(sorted)).toEqual({ column: 'agentVersion', direction: 'desc' });
    expect(withSort(sorted, undefined).toString()).toBe('view=Laptops&is.site=Paris');
    expect(query.toString()).toBe('view=Laptops&is.site=Paris');
  });
});

describe("a view's columns under the address's order", () => {
  const columns = [
    { colId: 'hostname', width: 180, sort: null },
    { colId: 'lastSeen', width: 140, sort: 'desc' as const, sortIndex: 0 },
    { colId: 'site', hide: true },
  ];

  it("keeps the view's own sort when the address names none", () => {
    expect(columnsSortedBy(columns, undefined)).toBe(columns);
  });

  it("puts the address's order on its column and takes the view's away, keeping the rest", () => {
    const sorted = columnsSortedBy(columns, { column: 'hostname', direction: 'desc' });
    expect(sorted.map(({ colId, sort }) => [colId, sort])).toEqual([
      ['hostname', 'desc'],
      ['lastSeen', null],
      ['site', null],
    ]);
    expect(sorted[0]).toMatchObject({ width: 180 });
    expect(sorted[2]).toMatchObject({ hide: true });
    expect(columns[1]!.sort).toBe('desc');
  });

  it('adds the column the address sorts by when the view did not list it', () => {
    const sorted = columnsSortedBy(columns, { column: 'serialNumber', direction: 'asc' });
    expect(sorted.at(-1)).toEqual({ colId: 'serialNumber', sort: 'asc', sortIndex: 0 });
    expect(sorted.filter((column) => column.sort)).toHaveLength(1);
  });
});
