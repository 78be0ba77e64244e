import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutSpans, type CompareOp, type QueryNode } from '../../shared/query/query-ast';
import { ORDERED, QUERY_FIELDS, type QueryField } from '../../shared/query/query-fields';
import { parseQuery } from '../../shared/query/query-parser';
import { printQuery } from '../../shared/query/query-printer';

// The parser and the printer held to each other: any query the grammar can hold prints to text
// that parses back to it, and any text that parses prints to a fixed point.

const anyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(' ', '"', '\\', '(', ')', ':', '*', '\t'),
    fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
});

const VALUES: Record<QueryField['type'], (op: CompareOp) => fc.Arbitrary<string>> = {
  text: () => anyText,
  enum: () => anyText,
  list: () => anyText,
  'ip-list': () =>
    fc.oneof(
      anyText.filter((t) => !t.includes('/')),
      fc.ipV4().map((ip) => `${ip}/24`),
    ),
  number: () => fc.integer({ min: -1_000, max: 100_000 }).map(String),
  version: () =>
    fc.array(fc.nat({ max: 999 }), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.')),
  date: (op) =>
    op === ':' || op === '!='
      ? fc
          .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10))
      : fc.oneof(
          fc
            .tuple(fc.integer({ min: 0, max: 999_999 }), fc.constantFrom('h', 'd', 'w', 'y'))
            .map(([n, unit]) => `${n}${unit}`),
          fc
            .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
            .map((d) => d.toISOString()),
        ),
  severity: () => fc.constantFrom('Critical', 'high', 'MEDIUM', 'Low'),
  boolean: () => fc.constantFrom('true', 'false', 'yes', 'no'),
  cve: () =>
    fc
      .tuple(fc.integer({ min: 1999, max: 2099 }), fc.integer({ min: 1000, max: 9_999_999 }))
      .map(([y, n]) => `CVE-${y}-${n}`),
};

const opsOf = (field: QueryField): CompareOp[] =>
  field.type === 'cve'
    ? [':']
    : ORDERED.has(field.type)
      ? [':', '!=', '<', '<=', '>', '>=']
      : [':', '!='];

const compare: fc.Arbitrary<QueryNode> = fc
  .constantFrom(...QUERY_FIELDS)
  .chain((field) => fc.constantFrom(...opsOf(field)).map((op) => ({ field, op })))
  .chain(({ field, op }) =>
    VALUES[field.type](op).map((value): QueryNode => ({
      kind: 'compare',
      field: field.name,
      op,
      value,
    })),
  );

const leaf: fc.Arbitrary<QueryNode> = fc.oneof(
  compare,
  fc
    .constantFrom(...QUERY_FIELDS.filter((f) => f.type === 'boolean'))
    .map((f): QueryNode => ({ kind: 'flag', field: f.name })),
  fc
    .constantFrom(...QUERY_FIELDS.filter((f) => f.type !== 'boolean' && f.type !== 'cve'))
    .map((f): QueryNode => ({ kind: 'has', field: f.name })),
  anyText.map((value): QueryNode => ({ kind: 'text', value })),
);

const { query } = fc.letrec<{ query: QueryNode }>((tie) => ({
  query: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc
      .array(tie('query'), { minLength: 2, maxLength: 4 })
      .map((items): QueryNode => ({ kind: 'and', items })),
    fc
      .array(tie('query'), { minLength: 2, maxLength: 4 })
      .map((items): QueryNode => ({ kind: 'or', items })),
    tie('query').map((item): QueryNode => ({ kind: 'not', item })),
  ),
}));

function reparse(text: string): QueryNode {
  const parsed = parseQuery(text);
  if (!parsed.ok) throw new Error(`${parsed.error.message} in ${JSON.stringify(text)}`);
  return withoutSpans(parsed.value);
}

describe('the query printer and parser', () => {
  it('print, then parse, gives the same query', () => {
    fc.assert(
      fc.property(query, (node) => {
        expect(reparse(printQuery(node))).toEqual(node);
      }),
      { numRuns: 2_000 },
    );
  });

  it('any text that parses prints to text that parses to the same query and prints the same', () => {
    const pieces = fc.constantFrom(
      'site:Lyon',
      'AND',
      'or',
      'NOT',
      '(',
      ')',
      '"a b"',
      'stale',
      'agent_version<23.4',
      'has:ip',
      'x',
      ' ',
      'last_seen>90d',
      'hostname:"q\\"t"',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, anyText), { maxLength: 12 }), (parts) => {
        const text = parts.join(' ');
        const parsed = parseQuery(text);
        if (!parsed.ok) {
          // A refusal points inside the text.
          expect(parsed.error.at.start).toBeGreaterThanOrEqual(0);
          expect(parsed.error.at.end).toBeLessThanOrEqual(text.length);
          return;
        }
        const printed = printQuery(parsed.value);
        expect(reparse(printed)).toEqual(withoutSpans(parsed.value));
        expect(printQuery(reparse(printed))).toBe(printed);
      }),
      { numRuns: 3_000 },
    );
  });
});
