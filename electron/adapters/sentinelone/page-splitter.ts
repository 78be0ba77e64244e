import { isUtf8 } from 'node:buffer';
import { AppError } from '../../../shared/errors/app-error';
import type { RawJson } from './raw-json';
import { S1TooManyItemsError } from './errors';
import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  NEWLINE,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
  RETURN,
  SPACE,
  TAB,
} from '../../../shared/json-bytes';

// Splits a list page's bytes into the exact bytes of each element of its top-level "data" array,
// so raw objects are stored byte-exact (19-digit ids, integers above 2^53 in activity data)
// without a big-number JSON parser, and the rest of the envelope (pagination) is parsed alone.
// The split reads bytes, not text: JSON's structure is ASCII and no byte of a multi-byte UTF-8
// sequence is, so it falls in the same places whether or not the body is valid UTF-8, and the
// body is never decoded on the thread that fetches (the agents walk hands the bytes to a worker).

export class TruncatedBodyError extends AppError {
  override readonly name = 'TruncatedBodyError';
  readonly code = 'remote_rejected';
  constructor(readonly path: string) {
    super(`The answer to ${path} ended in the middle of its JSON (a truncated body)`);
  }
}

export interface Envelope {
  pagination?: { nextCursor?: unknown; totalItems?: number };
  errors?: unknown;
}

/** A page as received: its body, where each element lies in it, and the rest parsed. */
export class SplitPage {
  private texts: RawJson[] | undefined;

  constructor(
    readonly body: Buffer,
    /** Where each element of "data" starts and ends in the body: start, end, start, end… */
    readonly spans: Uint32Array,
    readonly envelope: Envelope,
  ) {}

  /** How many elements "data" holds. */
  get size(): number {
    return this.spans.length / 2;
  }

  get totalItems(): number | undefined {
    const total = this.envelope.pagination?.totalItems;
    return typeof total === 'number' ? total : undefined;
  }

  /**
   * Each element as text when its bytes are valid UTF-8 (nearly always), else its exact bytes;
   * made on first read, since the agents walk hands the bytes to a worker instead.
   */
  get elements(): RawJson[] {
    if (this.texts === undefined) {
      const whole = isUtf8(this.body);
      this.texts = Array.from({ length: this.size }, (_, i) => this.element(i, whole));
    }
    return this.texts;
  }

  /** One element, as `elements` gives it. */
  element(index: number, knownUtf8 = false): RawJson {
    const start = this.spans[2 * index]!;
    const end = this.spans[2 * index + 1]!;
    if (knownUtf8 || isUtf8(this.body.subarray(start, end))) {
      return this.body.toString('utf8', start, end);
    }
    return Buffer.from(this.body.subarray(start, end));
  }
}

/** Just past the closing quote of a string whose first character is at `at`; -1 if none. */
function stringEnd(bytes: Buffer, at: number, length: number): number {
  for (let i = at; i < length; i += 1) {
    const c = bytes[i]!;
    if (c === QUOTE) return i + 1;
    if (c === BACKSLASH) i += 1;
  }
  return -1;
}

/**
 * Just past the bracket that closes the object or array opening at `start`; -1 if none. One
 * loop with strings skipped inline, and `{`/`[` (and `}`/`]`) told apart from every other byte
 * by one comparison once folded together (they differ only in bit 0x20): a page of agents is
 * ~1.3 MB of this, read twice as fast as with a call per string.
 */
function compositeEnd(bytes: Buffer, start: number, length: number): number {
  let depth = 0;
  let i = start;
  while (i < length) {
    const c = bytes[i++]!;
    if (c === QUOTE) {
      i = stringEnd(bytes, i, length);
      if (i < 0) return -1;
      continue;
    }
    const folded = c | 0x20;
    if (folded === OPEN_BRACE) depth += 1;
    else if (folded === CLOSE_BRACE && --depth === 0) return i;
  }
  return -1;
}

/**
 * Splits a body as received. A "data" array of more than `maxItems` elements is refused as soon
 * as the split meets the one too many, before it is read further (issue 27, R20): a page of
 * millions of tiny objects would otherwise cost gigabytes downstream.
 */
export function splitBody(bytes: Buffer, path: string, maxItems = Infinity): SplitPage {
  const truncated = () => new TruncatedBodyError(path);
  const length = bytes.length;

  const skipSpace = (at: number): number => {
    let i = at;
    while (i < length) {
      const c = bytes[i]!;
      if (c !== SPACE && c !== NEWLINE && c !== RETURN && c !== TAB) break;
      i += 1;
    }
    return i;
  };
  /** From an opening quote to just past its closing one. */
  const skipString = (at: number): number => {
    const end = stringEnd(bytes, at + 1, length);
    if (end < 0) throw truncated();
    return end;
  };
  const skipValue = (at: number): number => {
    const start = skipSpace(at);
    const first = bytes[start];
    if (first === QUOTE) return skipString(start);
    if (first === OPEN_BRACE || first === OPEN_BRACKET) {
      const end = compositeEnd(bytes, start, length);
      if (end < 0) throw truncated();
      return end;
    }
    let i = start;
    while (i < length) {
      const c = bytes[i]!;
      if (
        c === COMMA ||
        c === CLOSE_BRACE ||
        c === CLOSE_BRACKET ||
        c === SPACE ||
        c === NEWLINE ||
        c === RETURN ||
        c === TAB
      )
        break;
      i += 1;
    }
    if (i === start || i >= length) throw truncated();
    return i;
  };

  let i = skipSpace(0);
  if (bytes[i] !== OPEN_BRACE) throw truncated();
  i += 1;
  const spans: number[] = [];
  let dataStart = -1;
  let dataEnd = -1;
  for (;;) {
    i = skipSpace(i);
    if (bytes[i] === CLOSE_BRACE) break;
    if (bytes[i] !== QUOTE) throw truncated();
    const keyEnd = skipString(i);
    const isData = keyEnd - i === 6 && bytes.toString('latin1', i + 1, keyEnd - 1) === 'data';
    i = skipSpace(keyEnd);
    if (bytes[i] !== COLON) throw truncated();
    const valueStart = skipSpace(i + 1);
    if (isData && bytes[valueStart] === OPEN_BRACKET) {
      dataStart = valueStart;
      let j = skipSpace(valueStart + 1);
      if (bytes[j] !== CLOSE_BRACKET) {
        for (;;) {
          const elementStart = skipSpace(j);
          const elementEnd = skipValue(elementStart);
          spans.push(elementStart, elementEnd);
          if (spans.length > 2 * maxItems)
            throw new S1TooManyItemsError(path, 'page', spans.length / 2, maxItems);
          j = skipSpace(elementEnd);
          const c = bytes[j];
          if (c === COMMA) j += 1;
          else if (c === CLOSE_BRACKET) break;
          else throw truncated();
        }
      }
      dataEnd = j + 1;
      i = dataEnd;
    } else {
      i = skipValue(valueStart);
    }
    i = skipSpace(i);
    const c = bytes[i];
    if (c === COMMA) i += 1;
    else if (c === CLOSE_BRACE) break;
    else throw truncated();
  }
  const rest =
    dataStart < 0
      ? bytes.toString('utf8')
      : `${bytes.toString('utf8', 0, dataStart)}[]${bytes.toString('utf8', dataEnd)}`;
  let envelope: Envelope;
  try {
    envelope = JSON.parse(rest) as Envelope;
  } catch {
    throw truncated();
  }
  return new SplitPage(bytes, Uint32Array.from(spans), envelope);
}

/** Splits a body given as text (tests, and bodies already decoded). */
export function splitPage(text: string, path: string, maxItems?: number): SplitPage {
  return splitBody(Buffer.from(text, 'utf8'), path, maxItems);
}
