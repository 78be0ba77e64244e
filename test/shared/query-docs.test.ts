import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QUERY_FIELDS } from '../../shared/query/query-fields';
import { parseQuery } from '../../shared/query/query-parser';

// docs/query.md held to the code: its fields table is the registry's, and its examples parse.

const doc = readFileSync('docs/query.md', 'utf8');

describe('docs/query.md', () => {
  it('lists every field, with its type, and no other', () => {
    const section = doc.slice(doc.indexOf('## Fields'), doc.indexOf('## Errors'));
    const listed = [...section.matchAll(/^\| `([a-z_]+)` \| ([a-z-]+) \|/gm)].map(
      ([, name, type]) => ({
        name,
        type,
      }),
    );
    expect(listed).toEqual(QUERY_FIELDS.map(({ name, type }) => ({ name, type })));
  });

  it('shows examples that parse', () => {
    const block = /## Examples\s+```text\n([\s\S]*?)```/.exec(doc)![1]!;
    const examples = block
      .trim()
      .split('\n')
      .map((line) => line.split(/\s{2,}/)[0]!);
    expect(examples.length).toBeGreaterThan(8);
    for (const example of examples) {
      const parsed = parseQuery(example);
      expect(parsed.ok ? 'parses' : parsed.error.message, example).toBe('parses');
    }
  });
});
