// The grid's quick search over every device's searchable text, held as one string (rows joined
// by a line break) with where each row starts: a word is found by scanning that string, a few
// calls per match, instead of one `includes` on each of 1,000,000 strings (322 ms a keystroke
// at 1,000,000 devices before; `npm run bench:grid:scale`), and one string costs far less memory
// than a million.

export interface SearchText {
  all: string;
  /** Where each row's text starts in `all`; one more entry, past the end. */
  starts: Uint32Array;
}

const BREAK = '\n';

/** The rows' lower-cased texts, in row order, as one searchable string. */
export function searchTextOf(texts: readonly string[]): SearchText {
  const starts = new Uint32Array(texts.length + 1);
  let at = 0;
  texts.forEach((text, i) => {
    starts[i] = at;
    at += text.length + BREAK.length;
  });
  starts[texts.length] = at;
  return { all: texts.join(BREAK) + BREAK, starts };
}

/** The row whose text holds this offset (the last row starting at or before it). */
function rowAt(starts: Uint32Array, offset: number): number {
  let low = 0;
  let high = starts.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** 1 for each row whose text holds `word` (already lower case); a match never spans two rows. */
export function rowsContaining(search: SearchText, word: string): Uint8Array {
  const { all, starts } = search;
  const kept = new Uint8Array(starts.length - 1);
  if (word === '') return kept.fill(1);
  let at = all.indexOf(word);
  while (at !== -1) {
    const row = rowAt(starts, at);
    const end = starts[row + 1]! - BREAK.length;
    if (at + word.length <= end) {
      kept[row] = 1;
      // The next row: one match is enough for this one.
      at = all.indexOf(word, end + BREAK.length);
    } else {
      at = all.indexOf(word, at + 1);
    }
  }
  return kept;
}
