import type { FacetIds } from '../grid-filter';
import { Growable, poolAt, StringPoolBuilder, type StringPool } from './growable';
import { markContaining } from './pool-search';
import { comparedOrder, orderByCodes, type RowOrder, type SortKey } from './row-orders';

/**
 * One text column of the grid's rows (a value per row, or none), held by how it repeats:
 * - a dictionary when few values repeat (sites, OS, agent versions…): each distinct value once,
 *   and one small code per row (a byte when there are fewer than 256);
 * - a pool when values hardly repeat (hostnames, agent ids…): every value in one string.
 * Either way a million rows cost their characters and a few bytes each, not a string object.
 */
export interface TextColumn {
  valueAt(i: number): string | undefined;
  /** The rows in the order of their values' keys (rows with no key last). */
  order(keyOf: (value: string) => SortKey): RowOrder;
  /**
   * Each row's value mapped through `nameOf` (undefined for none) and given a small id, with the
   * names by id: each distinct value is named once.
   */
  named(nameOf: (value: string | undefined) => string): { ids: FacetIds; names: string[] };
  /**
   * Sets `into[i]` to 1 for each row whose value holds `word` (lower case, not empty), in any
   * case: the quick search.
   */
  markHolding(word: string, into: Uint8Array): void;
  /** Readies the quick search, so the first keystroke does not pay for it. */
  prepareSearch(): void;
  /** Whether the values are coded (few distinct ones): such a column sorts in one pass. */
  readonly coded: boolean;
  /** The column as plain data (typed arrays and strings), to hand to another thread. */
  image(): TextColumnImage;
}

/** A text column as plain data: what crosses from the thread that loads the grid. */
export type TextColumnImage =
  | { codes: Uint8Array | Uint16Array | Int32Array; values: string[] }
  | { pool: StringPool; present: Uint8Array | undefined };

/** The column an image was taken of. */
export function textColumnOf(image: TextColumnImage): TextColumn {
  return 'codes' in image
    ? new DictionaryColumn(image.codes, image.values)
    : new PooledColumn(image.pool, image.present);
}

/** Past this many distinct values a column is pooled, not coded. */
export const CODED_AT_MOST = 65_536;

class DictionaryColumn implements TextColumn {
  readonly coded = true;

  constructor(
    /** 0: no value; k: values[k - 1]. */
    private readonly codes: Uint8Array | Uint16Array | Int32Array,
    private readonly values: string[],
  ) {}

  image(): TextColumnImage {
    return { codes: this.codes, values: this.values };
  }

  valueAt(i: number): string | undefined {
    const code = this.codes[i]!;
    return code === 0 ? undefined : this.values[code - 1];
  }

  order(keyOf: (value: string) => SortKey): RowOrder {
    return orderByCodes(this.codes, this.values.map(keyOf));
  }

  named(nameOf: (value: string | undefined) => string): { ids: FacetIds; names: string[] } {
    const names: string[] = [];
    const idOfName = new Map<string, number>();
    const idOfCode = Int32Array.from([undefined, ...this.values], (value) => {
      const name = nameOf(value);
      let id = idOfName.get(name);
      if (id === undefined) {
        id = names.push(name) - 1;
        idOfName.set(name, id);
      }
      return id;
    });
    const ids = Int32Array.from(this.codes, (code) => idOfCode[code]!);
    return { ids: narrowed(ids, names.length), names };
  }

  private lowered: readonly string[] | undefined;

  markHolding(word: string, into: Uint8Array): void {
    this.prepareSearch();
    const holds = Uint8Array.from([
      0,
      ...this.lowered!.map((value) => (value.includes(word) ? 1 : 0)),
    ]);
    // Most words are in none of a coded column's few values: then no row needs a look.
    if (!holds.includes(1)) return;
    const { codes } = this;
    for (let i = 0; i < codes.length; i += 1) if (holds[codes[i]!] === 1) into[i] = 1;
  }

  prepareSearch(): void {
    this.lowered ??= this.values.map((value) => value.toLowerCase());
  }
}

class PooledColumn implements TextColumn {
  readonly coded = false;

  constructor(
    private readonly pool: StringPool,
    /** 1 where a row has a value; absent when every row has one. */
    private readonly present: Uint8Array | undefined,
  ) {}

  image(): TextColumnImage {
    return { pool: this.pool, present: this.present };
  }

  valueAt(i: number): string | undefined {
    return this.present?.[i] === 0 ? undefined : poolAt(this.pool, i);
  }

  order(keyOf: (value: string) => SortKey): RowOrder {
    const count = this.pool.starts.length - 1;
    const keys = new Array<SortKey>(count);
    let empty = 0;
    for (let i = 0; i < count; i += 1) {
      const value = this.valueAt(i);
      keys[i] = value === undefined ? undefined : keyOf(value);
      if (keys[i] === undefined) empty += 1;
    }
    return { order: comparedOrder(keys), filled: count - empty };
  }

  named(nameOf: (value: string | undefined) => string): { ids: FacetIds; names: string[] } {
    const count = this.pool.starts.length - 1;
    const names: string[] = [];
    const idOfName = new Map<string, number>();
    const ids = new Int32Array(count);
    for (let i = 0; i < count; i += 1) {
      const name = nameOf(this.valueAt(i));
      let id = idOfName.get(name);
      if (id === undefined) {
        id = names.push(name) - 1;
        idOfName.set(name, id);
      }
      ids[i] = id;
    }
    return { ids: narrowed(ids, names.length), names };
  }

  private lowered: StringPool | undefined;

  markHolding(word: string, into: Uint8Array): void {
    this.prepareSearch();
    markContaining(this.lowered!, word, into);
  }

  prepareSearch(): void {
    this.lowered ??= loweredPool(this.pool);
  }
}

/**
 * The pool in lower case, value by value (the pool itself when it has no upper case). Lowered
 * whole when that cannot differ: lower-casing is per character but for a final sigma and the
 * few characters whose lower case is longer.
 */
function loweredPool(pool: StringPool): StringPool {
  const lower = pool.all.toLowerCase();
  if (lower === pool.all) return pool;
  if (lower.length === pool.all.length && !pool.all.includes('\u03a3')) {
    return { all: lower, starts: pool.starts };
  }
  const builder = new StringPoolBuilder();
  for (let k = 0; k < pool.starts.length - 1; k += 1) builder.push(poolAt(pool, k).toLowerCase());
  return builder.finish();
}

/**
 * Takes a column's values row by row and settles how to hold them: coded until they prove not
 * to repeat, then pooled (the rows coded so far are pooled then, so only one form is ever held).
 */
export class TextColumnBuilder {
  private coding:
    { codeOf: Map<string, number>; values: string[]; codes: Growable<Int32Array> } | undefined = {
    codeOf: new Map(),
    values: [],
    codes: new Growable(Int32Array),
  };
  private pool: StringPoolBuilder | undefined;
  private readonly present = new Growable(Uint8Array);
  private missing = 0;

  constructor(private readonly codedAtMost = CODED_AT_MOST) {}

  push(value: string | undefined): void {
    this.present.push(value === undefined ? 0 : 1);
    if (value === undefined) this.missing += 1;
    if (this.coding) {
      const { codeOf, values, codes } = this.coding;
      if (value === undefined) return codes.push(0);
      let code = codeOf.get(value);
      if (code === undefined && values.length === this.codedAtMost) this.startPooling();
      else {
        if (code === undefined) {
          code = values.push(value);
          codeOf.set(value, code);
        }
        return codes.push(code);
      }
    }
    this.pool!.push(value ?? '');
  }

  finish(): TextColumn {
    if (this.coding) {
      const { values, codes } = this.coding;
      return new DictionaryColumn(narrowed(codes.finish(), values.length), values);
    }
    const present = this.missing > 0 ? this.present.finish() : undefined;
    return new PooledColumn(this.pool!.finish(), present);
  }

  private startPooling(): void {
    const { values, codes } = this.coding!;
    this.pool = new StringPoolBuilder();
    for (const code of codes.finish()) this.pool.push(code === 0 ? '' : values[code - 1]!);
    this.coding = undefined;
  }
}

/** Codes (or ids) in the smallest array that holds them. */
function narrowed(codes: Int32Array, distinct: number): Uint8Array | Uint16Array | Int32Array {
  if (distinct < 0x100) return Uint8Array.from(codes);
  if (distinct < 0x10000) return Uint16Array.from(codes);
  return codes;
}
