import type { QueryNode } from './query-ast';
import { fieldNamed } from './query-fields';
import { bareTextReadsBack, quoteIfNeeded } from './query-lexer';

// A query's text, as an analyst would write it: keywords in capitals, values quoted only when
// they must be, parentheses only where the grammar needs them. Parsing what it prints gives the
// same query back (test/shared/query.property.test.ts holds the two to each other).

export function printQuery(node: QueryNode): string {
  switch (node.kind) {
    case 'and':
      return node.items.map((item) => inside(item, 'and')).join(' AND ');
    case 'or':
      return node.items.map((item) => inside(item, 'or')).join(' OR ');
    case 'not':
      return `NOT ${inside(node.item, 'not')}`;
    case 'compare':
      return `${node.field}${node.op}${quoteIfNeeded(node.value, true)}`;
    case 'has':
      return `has:${node.field}`;
    case 'flag':
      return node.field;
    case 'text':
      return quoteIfNeeded(node.value, bareTextReadsBack(node.value) && !isFlagName(node.value));
  }
}

/** A child in parentheses where it would otherwise read as part of its parent. */
function inside(child: QueryNode, parent: 'and' | 'or' | 'not'): string {
  const text = printQuery(child);
  const grouped =
    (child.kind === 'and' || child.kind === 'or') && (parent !== 'or' || child.kind === 'or');
  return grouped ? `(${text})` : text;
}

const isFlagName = (word: string) => fieldNamed(word)?.type === 'boolean';
