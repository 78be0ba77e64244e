import { isIpAddress, isMacAddress } from '../net';
import type { CompareOp, Span } from './query-ast';
import { QuerySyntaxError } from './query-error';

// Splits a query into its tokens: parentheses, the three keywords (any case), and terms. A term
// is `field op value` (the value bare or quoted) or free text (bare or quoted). A MAC or an IPv6
// address written bare is text, not a field named by its first hex pair.

export type Token =
  | { type: '(' | ')' | 'and' | 'or' | 'not'; at: Span }
  | {
      type: 'compare';
      field: string;
      op: CompareOp;
      value: string;
      at: Span;
      fieldAt: Span;
      valueAt: Span;
    }
  | { type: 'text'; value: string; quoted: boolean; at: Span };

const KEYWORDS = new Set(['and', 'or', 'not']);
/** Longest first, so `<=` is not read as `<` then `=`; `=` is written `:`. */
const OPS: readonly [string, CompareOp][] = [
  ['!=', '!='],
  ['<=', '<='],
  ['>=', '>='],
  [':', ':'],
  ['=', ':'],
  ['<', '<'],
  ['>', '>'],
];
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*/;
const ENDS_WORD = /[\s()"]/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (/\s/.test(char)) {
      i += 1;
    } else if (char === '(' || char === ')') {
      tokens.push({ type: char, at: { start: i, end: i + 1 } });
      i += 1;
    } else if (char === '"') {
      const quoted = readQuoted(text, i);
      tokens.push({
        type: 'text',
        value: quoted.value,
        quoted: true,
        at: { start: i, end: quoted.end },
      });
      i = quoted.end;
    } else {
      const token = readWord(text, i);
      tokens.push(token);
      i = token.at.end;
    }
  }
  return tokens;
}

function readWord(text: string, start: number): Token {
  let end = start;
  while (end < text.length && !ENDS_WORD.test(text[end]!)) end += 1;
  const word = text.slice(start, end);
  const lower = word.toLowerCase();
  if (KEYWORDS.has(lower)) return { type: lower as 'and' | 'or' | 'not', at: { start, end } };
  const field = FIELD.exec(word)?.[0];
  const op =
    field === undefined
      ? undefined
      : OPS.find(([written]) => word.startsWith(written, field.length));
  if (field === undefined || op === undefined || isIpAddress(word) || isMacAddress(word)) {
    return { type: 'text', value: word, quoted: false, at: { start, end } };
  }
  const valueStart = start + field.length + op[0].length;
  const fieldAt = { start, end: start + field.length };
  // `site:"Paris HQ"`: the quote opens right after the operator.
  if (valueStart === end && text[end] === '"') {
    const quoted = readQuoted(text, end);
    const valueAt = { start: end, end: quoted.end };
    return {
      type: 'compare',
      field,
      op: op[1],
      value: quoted.value,
      at: { start, end: quoted.end },
      fieldAt,
      valueAt,
    };
  }
  const value = text.slice(valueStart, end);
  if (value === '') {
    throw new QuerySyntaxError(
      `"${field}${op[0]}" needs a value after it, for example ${field}${op[0]}something (quote it if it has spaces).`,
      { start, end },
    );
  }
  return {
    type: 'compare',
    field,
    op: op[1],
    value,
    at: { start, end },
    fieldAt,
    valueAt: { start: valueStart, end },
  };
}

/** A quoted string from its opening quote: `\"` and `\\` stand for `"` and `\`. */
function readQuoted(text: string, start: number): { value: string; end: number } {
  let value = '';
  for (let i = start + 1; i < text.length; i += 1) {
    const char = text[i]!;
    if (char === '"') return { value, end: i + 1 };
    if (char === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) {
      value += text[i + 1];
      i += 1;
    } else {
      value += char;
    }
  }
  throw new QuerySyntaxError('This quote is never closed: add a " at the end of the value.', {
    start,
    end: text.length,
  });
}

/** A value as a query writes it: bare when it reads back as itself, quoted otherwise. */
export function quoteIfNeeded(value: string, bareAllowed: boolean): string {
  if (bareAllowed && value !== '' && !/[\s()"\\]/.test(value)) return value;
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** Whether free text written bare would read back as free text (not a keyword or a term). */
export function bareTextReadsBack(value: string): boolean {
  if (value === '' || /[\s()"\\]/.test(value)) return false;
  const token = readWordSafely(value);
  return token?.type === 'text';
}

function readWordSafely(value: string): Token | undefined {
  try {
    return readWord(value, 0);
  } catch {
    return undefined;
  }
}
