import { readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGridFile, writeGridFile } from '../../../electron/domains/devices/grid-file';
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
});
