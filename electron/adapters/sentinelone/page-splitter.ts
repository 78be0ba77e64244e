import { isUtf8 } from 'node:buffer';
import { AppError } from '../../../shared/errors/app-error';
import type { RawJson } from './raw-json';

// Splits a list page's text into the exact text of each element of its top-level "data" array,
// so raw objects are stored byte-exact (19-digit ids, integers above 2^53 in activity data)
// without a big-number JSON parser, and the rest of the envelope (pagination) is parsed alone.

export class TruncatedBodyError extends AppError {
  override readonly name = 'TruncatedBodyError';
  readonly code = 'remote_rejected';
  constructor(readonly path: string) {
    super(`The answer to ${path} ended in the middle of its JSON (a truncated body)`);
  }
}

export interface SplitPage {
  elements: RawJson[];
  envelope: { pagination?: { nextCursor?: unknown; totalItems?: number }; errors?: unknown };
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;

/**
 * Splits a body as received. Valid UTF-8 (the norm) is split as text. Otherwise it is split as
 * Latin-1, one char per byte: JSON's structure is ASCII and no byte of a multi-byte sequence is,
 * so the split falls in the same places, and each element maps back to its exact bytes.
 */
export function splitBody(bytes: Buffer, path: string): SplitPage {
  if (isUtf8(bytes)) return splitPage(bytes.toString('utf8'), path);
  const page = splitPage(bytes.toString('latin1'), path);
  return {
    envelope: page.envelope,
    elements: page.elements.map((element) => {
      const exact = Buffer.from(element as string, 'latin1');
      return isUtf8(exact) ? exact.toString('utf8') : exact;
    }),
  };
}

export function splitPage(text: string, path: string): SplitPage {
  const truncated = () => new TruncatedBodyError(path);
  const length = text.length;

  const skipSpace = (at: number): number => {
    let i = at;
    while (i < length) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
      i += 1;
    }
    return i;
  };
  const skipString = (at: number): number => {
    let from = at + 1;
    for (;;) {
      const quote = text.indexOf('"', from);
      if (quote < 0) throw truncated();
      let slashes = 0;
      for (let b = quote - 1; text.charCodeAt(b) === BACKSLASH; b -= 1) slashes += 1;
      if (slashes % 2 === 0) return quote + 1;
      from = quote + 1;
    }
  };
  const skipValue = (at: number): number => {
    const start = skipSpace(at);
    const first = text.charCodeAt(start);
    if (first === QUOTE) return skipString(start);
    if (first === OPEN_BRACE || first === OPEN_BRACKET) {
      let depth = 0;
      for (let i = start; i < length;) {
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
          i = skipString(i);
          continue;
        }
        if (c === OPEN_BRACE || c === OPEN_BRACKET) depth += 1;
        else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          depth -= 1;
          if (depth === 0) return i + 1;
        }
        i += 1;
      }
      throw truncated();
    }
    let i = start;
    while (i < length) {
      const c = text.charCodeAt(i);
      if (
        c === COMMA ||
        c === CLOSE_BRACE ||
        c === CLOSE_BRACKET ||
        c === 32 ||
        c === 10 ||
        c === 13 ||
        c === 9
      )
        break;
      i += 1;
    }
    if (i === start || i >= length) throw truncated();
    return i;
  };

  let i = skipSpace(0);
  if (text.charCodeAt(i) !== OPEN_BRACE) throw truncated();
  i += 1;
  const elements: RawJson[] = [];
  let dataStart = -1;
  let dataEnd = -1;
  for (;;) {
    i = skipSpace(i);
    if (text.charCodeAt(i) === CLOSE_BRACE) break;
    if (text.charCodeAt(i) !== QUOTE) throw truncated();
    const keyEnd = skipString(i);
    const key = text.slice(i + 1, keyEnd - 1);
    i = skipSpace(keyEnd);
    if (text.charCodeAt(i) !== COLON) throw truncated();
    const valueStart = skipSpace(i + 1);
    if (key === 'data' && text.charCodeAt(valueStart) === OPEN_BRACKET) {
      dataStart = valueStart;
      let j = skipSpace(valueStart + 1);
      if (text.charCodeAt(j) !== CLOSE_BRACKET) {
        for (;;) {
          const elementStart = skipSpace(j);
          const elementEnd = skipValue(elementStart);
          elements.push(text.slice(elementStart, elementEnd));
          j = skipSpace(elementEnd);
          const c = text.charCodeAt(j);
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
    const c = text.charCodeAt(i);
    if (c === COMMA) i += 1;
    else if (c === CLOSE_BRACE) break;
    else throw truncated();
  }
  const rest = dataStart < 0 ? text : `${text.slice(0, dataStart)}[]${text.slice(dataEnd)}`;
  let envelope: SplitPage['envelope'];
  try {
    envelope = JSON.parse(rest) as SplitPage['envelope'];
  } catch {
    throw truncated();
  }
  return { elements, envelope };
}
