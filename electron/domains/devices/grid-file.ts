import { closeSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';

// The grid's columns on disk (issue 29, item 4): what a load read, kept beside the database so
// the next start shows the first rows in a fraction of a second instead of reading a million
// rows again. A file is a cache: it names the inventory version it was read at, and one that
// does not match, or does not read back whole, is ignored (the grid then reads the database).
//
// Layout: MAGIC, the header's length (4 bytes), the header (JSON: the key, and the value with
// each typed array and each long string replaced by where its bytes lie), then those bytes,
// each part starting on 8 bytes so a typed array can be read straight into place.

const MAGIC = Buffer.from('S1GRID\u0001\n', 'latin1');
/** Strings longer than this go as bytes of their own, not inside the JSON header. */
const LONG = 4096;

type Typed = Uint8Array | Uint16Array | Int32Array | Uint32Array | Float64Array;
const TYPED = { Uint8Array, Uint16Array, Int32Array, Uint32Array, Float64Array } as const;
type TypedName = keyof typeof TYPED;

/** Where a part's bytes lie, in the header's place of the value. */
type Part =
  | { $typed: TypedName; at: number; length: number }
  | { $text: 'latin1' | 'utf16le'; at: number; bytes: number };

/** The file could not be read back whole: the caller reads the database instead. */
class GridFileUnreadable extends Error {
  override readonly name = 'GridFileUnreadable';
}

/**
 * Writes `value` (plain data: objects, arrays, strings, numbers, typed arrays) under `key`, to a
 * new file then renamed over the old, so a reader sees the old file or the new, never half.
 * Only its owner may read it: it holds the fleet's names and addresses.
 */
export function writeGridFile(path: string, key: string, value: unknown): void {
  const parts: Buffer[] = [];
  let at = 0;
  const place = (bytes: Buffer): number => {
    const start = at;
    parts.push(bytes);
    at += bytes.length;
    const pad = (8 - (at % 8)) % 8;
    if (pad > 0) {
      parts.push(Buffer.alloc(pad));
      at += pad;
    }
    return start;
  };
  const header = JSON.stringify({ key, value }, (_, inner: unknown) => {
    if (ArrayBuffer.isView(inner)) {
      const name = inner.constructor.name as TypedName;
      if (!(name in TYPED)) throw new Error(`cannot keep a ${name} in the grid's file`);
      const bytes = Buffer.from(inner.buffer, inner.byteOffset, inner.byteLength);
      return { $typed: name, at: place(bytes), length: (inner as Typed).length } satisfies Part;
    }
    if (typeof inner === 'string' && inner.length > LONG) {
      const encoding = isLatin1(inner) ? 'latin1' : 'utf16le';
      const bytes = Buffer.from(inner, encoding);
      return { $text: encoding, at: place(bytes), bytes: bytes.length } satisfies Part;
    }
    return inner;
  });
  const headerBytes = Buffer.from(header, 'utf8');
  const lead = MAGIC.length + 4 + headerBytes.length;
  const body = lead + ((8 - (lead % 8)) % 8);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);

  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, Buffer.concat([MAGIC, length, headerBytes, Buffer.alloc(body - lead)]));
    for (const part of parts) writeSync(fd, part);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, path);
}

/**
 * The value kept under `key`, or undefined when the file is absent or kept under another key.
 * Each typed array is read into an array of its own; throws GridFileUnreadable when the file is
 * not whole.
 */
export function readGridFile(path: string, key: string): unknown {
  const opened = openGridFile(path, key);
  if (!opened) return undefined;
  try {
    return textsRead(opened.value);
  } finally {
    opened.settle();
  }
}

/** A grid file read but for its long text, which is read as it is first wanted. */
export interface OpenGridFile {
  /** The value, each long text a LazyText. */
  value: unknown;
  /** Reads every text not read yet, then lets the file go. */
  settle(): void;
  /** Lets the file go; a text not read yet can no longer be. */
  discard(): void;
}

/**
 * A long text of a grid file, read when first wanted; until then a slice of it is read from the
 * file alone (a grid's first rows need a few hundred values, not a million rows' text).
 */
export class LazyText {
  private text: string | undefined;

  constructor(
    private readonly file: { readBytes(at: number, length: number): Buffer },
    private readonly part: Extract<Part, { $text: unknown }>,
  ) {}

  get value(): string {
    this.text ??= this.file.readBytes(this.part.at, this.part.bytes).toString(this.part.$text);
    return this.text;
  }

  /** Characters `from` to `to`. */
  slice(from: number, to: number): string {
    if (this.text !== undefined) return this.text.slice(from, to);
    const unit = this.part.$text === 'latin1' ? 1 : 2;
    return this.file
      .readBytes(this.part.at + from * unit, (to - from) * unit)
      .toString(this.part.$text);
  }

  get read(): boolean {
    return this.text !== undefined;
  }
}

/**
 * Opens the value kept under `key` (undefined when absent or kept under another key), its typed
 * arrays read, each long text left in the file as a LazyText until wanted or settled.
 */
export function openGridFile(path: string, key: string): OpenGridFile | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  try {
    const lead = Buffer.alloc(MAGIC.length + 4);
    if (
      readSync(fd, lead, 0, lead.length, 0) !== lead.length ||
      !lead.subarray(0, MAGIC.length).equals(MAGIC)
    ) {
      throw new GridFileUnreadable(`${path} is not a grid file`);
    }
    const headerLength = lead.readUInt32LE(MAGIC.length);
    const headerBytes = Buffer.alloc(headerLength);
    readExactly(fd, headerBytes, lead.length, path);
    const { key: kept, value } = JSON.parse(headerBytes.toString('utf8')) as {
      key: string;
      value: unknown;
    };
    if (kept !== key) {
      close();
      return undefined;
    }
    const end = lead.length + headerLength;
    const body = end + ((8 - (end % 8)) % 8);
    // One buffer for every text, as long as the longest: each fresh megabyte costs a fault per
    // page, and a million rows' text is a few hundred of them.
    let scratch = Buffer.alloc(0);
    const file = {
      readBytes(at: number, length: number): Buffer {
        if (!open) throw new GridFileUnreadable(`${path} was let go before its text was read`);
        if (scratch.length < length) scratch = Buffer.allocUnsafe(length);
        const bytes = scratch.subarray(0, length);
        readExactly(fd, bytes, body + at, path);
        return bytes;
      },
    };
    const texts: LazyText[] = [];
    const revived = revive(value, (part) => {
      if ('$text' in part) {
        const text = new LazyText(file, part);
        texts.push(text);
        return text;
      }
      const typed = new TYPED[part.$typed](part.length);
      readExactly(fd, new Uint8Array(typed.buffer), body + part.at, path);
      return typed;
    });
    const settle = () => {
      try {
        for (const text of texts) void text.value;
      } finally {
        scratch = Buffer.alloc(0);
        close();
      }
    };
    return { value: revived, settle, discard: close };
  } catch (error) {
    close();
    if (error instanceof GridFileUnreadable) throw error;
    throw new GridFileUnreadable(`${path} could not be read: ${(error as Error).message}`);
  }
}

/**
 * The value with each LazyText read in its place, but those `keepLazy` names by the key that
 * holds them (a pool's whole text, read as wanted).
 */
export function textsRead(value: unknown, keepLazy = (_key: string) => false): unknown {
  const walk = (inner: unknown, key: string): unknown => {
    if (inner instanceof LazyText) return keepLazy(key) ? inner : inner.value;
    if (Array.isArray(inner)) return inner.map((item) => walk(item, ''));
    if (typeof inner !== 'object' || inner === null || ArrayBuffer.isView(inner)) return inner;
    for (const [name, held] of Object.entries(inner)) {
      (inner as Record<string, unknown>)[name] = walk(held, name);
    }
    return inner;
  };
  return walk(value, '');
}

function readExactly(fd: number, into: Uint8Array, position: number, path: string): void {
  let read = 0;
  while (read < into.length) {
    const got = readSync(fd, into, read, into.length - read, position + read);
    if (got === 0) throw new GridFileUnreadable(`${path} ends before its parts do`);
    read += got;
  }
}

/** The value with each part read back in its place. */
function revive(value: unknown, read: (part: Part) => unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => revive(item, read));
  if (typeof value !== 'object' || value === null) return value;
  if ('$typed' in value || '$text' in value) return read(value as Part);
  return Object.fromEntries(
    Object.entries(value).map(([name, inner]) => [name, revive(inner, read)]),
  );
}

/** Whether every character fits in one byte (then the text is kept at one byte each). */
function isLatin1(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}
