// Typed arrays that grow as rows arrive (the count is known only at the end of the read), so a
// column is never held as an array of boxed values on its way in.

type Typed = Int32Array | Float64Array | Uint8Array | Uint32Array;
type TypedConstructor<T extends Typed> = new (length: number) => T;

export class Growable<T extends Typed> {
  private data: T;
  length = 0;

  constructor(private readonly make: TypedConstructor<T>) {
    this.data = new make(1024);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new this.make(this.data.length * 2);
      bigger.set(this.data as never);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** The values pushed, in an array of their own length. */
  finish(): T {
    return this.data.slice(0, this.length) as T;
  }
}

/**
 * Strings appended one after another into one string, with where each starts: a million short
 * strings held as one costs their characters and 4 bytes each, not a V8 object each.
 */
export class StringPoolBuilder {
  private readonly parts: string[] = [];
  private pending: string[] = [];
  private readonly starts = new Growable(Uint32Array);
  private at = 0;

  push(value: string): void {
    this.starts.push(this.at);
    this.at += value.length;
    this.pending.push(value);
    // Joined a few thousand at a time: one flat string each, never a deep tree of pieces.
    if (this.pending.length === 4096) this.flush();
  }

  finish(): StringPool {
    this.flush();
    this.starts.push(this.at);
    return { all: this.parts.join(''), starts: this.starts.finish() };
  }

  private flush(): void {
    if (this.pending.length > 0) this.parts.push(this.pending.join(''));
    this.pending = [];
  }
}

/** Strings by position: the k-th is `all.slice(starts[k], starts[k + 1])`. */
export interface StringPool {
  readonly all: string;
  starts: Uint32Array;
  /**
   * The k-th string without `all` (a pool kept on disk reads one value from the file until its
   * whole text is wanted: a grid's first rows need a few hundred values, not a million).
   */
  at?(k: number): string;
}

export const poolAt = (pool: StringPool, k: number): string =>
  pool.at ? pool.at(k) : pool.all.slice(pool.starts[k]!, pool.starts[k + 1]!);
