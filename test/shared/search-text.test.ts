import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowsContaining, searchTextOf } from '../../shared/devices/search-text';

// The grid's quick search over one string: the same rows as asking each row's text.

describe('rows containing a word', () => {
  const search = searchTextOf(['paris-01\u0000windows', 'lyon-02', '', 'paris\u0000lyon']);

  it('marks each row that holds it, once, and never across two rows', () => {
    expect([...rowsContaining(search, 'paris')]).toEqual([1, 0, 0, 1]);
    expect([...rowsContaining(search, 'lyon')]).toEqual([0, 1, 0, 1]);
    expect([...rowsContaining(search, 'windowslyon')]).toEqual([0, 0, 0, 0]);
    expect([...rowsContaining(search, '02\nparis')]).toEqual([0, 0, 0, 0]);
    expect([...rowsContaining(search, '')]).toEqual([1, 1, 1, 1]);
  });

  it('agrees with includes on every row, for any texts and word', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\u0000', 'é'), maxLength: 8 });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), text, (texts, word) => {
        const expected = texts.map((t) => (t.includes(word) ? 1 : 0));
        // A word with a line break could only match across rows: the search never does.
        if (word.includes('\n')) return;
        expect([...rowsContaining(searchTextOf(texts), word)]).toEqual(expected);
      }),
    );
  });
});
