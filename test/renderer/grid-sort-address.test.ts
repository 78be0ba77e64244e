import { describe, expect, it } from 'vitest';
import { sortOf, withSort } from '../../renderer/src/devices/grid-address';

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
