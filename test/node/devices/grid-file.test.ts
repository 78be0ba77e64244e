import { readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LazyText,
  openGridFile,
  readGridFile,
  textsRead,
  writeGridFile,
} from '../../../electron/domains/devices/grid-file';
import { useTempDirs } from '../../support/temp-dir';

// The grid's columns kept on disk: a value read back must be the value written, byte for byte
// (typed arrays, text in any script, lone surrogates from hostile JSON), under its key only.

const tempDir = useTempDirs();

/** Long enough to be kept as bytes of its own rather than inside the header. */
const long = (unit: string) => unit.repeat(Math.ceil(5000 / unit.length));

const VALUE = {
  count: 3,
  codes: Uint8Array.of(0, 1, 2),
  wide: Uint16Array.of(1, 65_535, 7),
  ids: Int32Array.of(-1, 0, 2_147_483_647),
  starts: Uint32Array.of(0, 4, 4_294_967_295),
  numbers: Float64Array.of(Number.NaN, 0.5, -Infinity),
  pools: [long('host-01'), long('café-Ωmega-東京-'), long('a\ud800b'), 'short ü'],
  nested: { values: ['Paris', '', 'Lyon'], present: undefined, empty: new Uint8Array(0) },
};

describe('the grid file', () => {
  it('gives back what was written under its key, private to its owner', () => {
    const path = join(tempDir(), 'grid.bin');
    writeGridFile(path, 'v1#notes', VALUE);
    const back = readGridFile(path, 'v1#notes') as typeof VALUE;
    expect(back).toEqual({ ...VALUE, nested: { ...VALUE.nested, present: undefined } });
    expect(back.codes).toBeInstanceOf(Uint8Array);
    expect(back.numbers).toBeInstanceOf(Float64Array);
    expect(back.pools[2]).toBe(VALUE.pools[2]); // the lone surrogate survives
    expect(statSync(path).mode & 0o777).toBe(0o600);
    // Text that fits one byte a character is kept at one byte each.
    expect(statSync(path).size).toBeLessThan(60_000);
  });

  it('is absent under another key, or when there is no file', () => {
    const dir = tempDir();
    writeGridFile(join(dir, 'grid.bin'), 'v1', VALUE);
    expect(readGridFile(join(dir, 'grid.bin'), 'v2')).toBeUndefined();
    expect(readGridFile(join(dir, 'none.bin'), 'v1')).toBeUndefined();
  });

  it('replaces the file whole: a second write leaves no temporary file behind', () => {
    const dir = tempDir();
    const path = join(dir, 'grid.bin');
    writeGridFile(path, 'v1', VALUE);
    writeGridFile(path, 'v2', { ...VALUE, count: 4 });
    expect((readGridFile(path, 'v2') as typeof VALUE).count).toBe(4);
    expect(readFileSync(path).subarray(0, 6).toString()).toBe('S1GRID');
    expect(readdirSync(dir)).toEqual(['grid.bin']);
  });

  it('refuses a file cut short or not its own, naming it', () => {
    const dir = tempDir();
    const cut = join(dir, 'cut.bin');
    writeGridFile(cut, 'v1', VALUE);
    truncateSync(cut, statSync(cut).size - 100);
    expect(() => readGridFile(cut, 'v1')).toThrow(/cut\.bin ends before its parts do/);
    const foreign = join(dir, 'foreign.bin');
    writeFileSync(foreign, 'SQLite format 3\0');
    expect(() => readGridFile(foreign, 'v1')).toThrow(/foreign\.bin is not a grid file/);
  });

  it('leaves long text in the file until it is wanted, reading a slice from there alone', () => {
    const path = join(tempDir(), 'grid.bin');
    const texts = { ascii: long('host-01'), wide: long('東京-Ω-'), lone: long('a\ud800b') };
    writeGridFile(path, 'v1', {
      columns: Object.values(texts).map((all) => ({ all, starts: Uint32Array.of(0, 3) })),
      other: texts.ascii,
    });
    const opened = openGridFile(path, 'v1')!;
    const value = textsRead(opened.value, (key) => key === 'all') as {
      columns: { all: LazyText }[];
      other: string;
    };
    // Kept lazy only under the key asked for: elsewhere read at once.
    expect(value.other).toBe(texts.ascii);
    const lazy = value.columns.map((column) => column.all);
    expect(lazy.every((text) => text instanceof LazyText && !text.read)).toBe(true);
    Object.values(texts).forEach((text, i) => {
      expect(lazy[i]!.slice(2, 9)).toBe(text.slice(2, 9));
      expect(lazy[i]!.read).toBe(false);
    });
    expect(lazy[1]!.value).toBe(texts.wide);
    opened.settle();
    // Settled: every text read whole, the file let go (it may be replaced or removed).
    expect(lazy.map((text) => text.value)).toEqual(Object.values(texts));
    rmSync(path);
    expect(lazy[2]!.slice(0, 3)).toBe('a\ud800b');
  });
});
