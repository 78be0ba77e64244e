// A query as the parser reads it and the printer writes it (docs/query.md has the grammar).
// Spans (`at`) say where a node's text was, for errors that point at it; the printer ignores
// them, and two queries are the same when their nodes are, spans aside.

/** The longest query the contract carries: a long view prints to a few hundred characters. */
export const QUERY_MAX_LENGTH = 4_000;

export type CompareOp = ':' | '!=' | '<' | '<=' | '>' | '>=';
export const COMPARE_OPS: readonly CompareOp[] = [':', '!=', '<=', '>=', '<', '>'];

export interface Span {
  start: number;
  end: number;
}

export type QueryNode =
  | { kind: 'and'; items: QueryNode[] }
  | { kind: 'or'; items: QueryNode[] }
  | { kind: 'not'; item: QueryNode }
  /** `field op value`; `at` spans the value (where a bad value is shown). */
  | { kind: 'compare'; field: string; op: CompareOp; value: string; at?: Span }
  /** `has:field`: the field has a value (a count above 0, a list not empty). */
  | { kind: 'has'; field: string; at?: Span }
  /** A boolean field's bare name: `decommissioned`. */
  | { kind: 'flag'; field: string; at?: Span }
  /** Free text: every device whose searchable columns hold it (the search box's words). */
  | { kind: 'text'; value: string; at?: Span };

/** A query that reads nothing: the empty text. Every device matches it. */
export const MATCH_ALL: QueryNode = { kind: 'and', items: [] };

/** The node without its spans, for comparing two queries. */
export function withoutSpans(node: QueryNode): QueryNode {
  switch (node.kind) {
    case 'and':
    case 'or':
      return { kind: node.kind, items: node.items.map(withoutSpans) };
    case 'not':
      return { kind: 'not', item: withoutSpans(node.item) };
    default: {
      const { at: _at, ...rest } = node;
      return rest;
    }
  }
}
