import { CVE_SEVERITIES } from '../cve-severity';
import type { FacetKey } from '../devices/facets';
import { ORDERED, QUERY_FIELDS, fieldNamed, type QueryField } from './query-fields';
import { quoteIfNeeded } from './query-lexer';

// What the query bar offers as the analyst types: at the start of a term, the fields (and the
// keywords); after `field:`, that field's values (a facet's values with their counts, the
// ages and severities a comparison takes). A choice replaces the term under the caret.

export interface Completion {
  /** What the list shows. */
  label: string;
  /** What the choice writes in place of `from`…`to`. */
  insert: string;
  /** A few words beside it: the field's meaning, a value's device count. */
  detail?: string;
}

export interface Completions {
  from: number;
  to: number;
  options: Completion[];
}

/** Per facet, its values and device counts (the grid's last answer). */
export type FacetValues = Partial<Record<FacetKey, readonly (readonly [string, number])[]>>;

const MAX_OPTIONS = 12;
const TERM_START = /[\s(]/;
const OPERATOR = /^([A-Za-z_][A-Za-z0-9_]*)(!=|<=|>=|:|=|<|>)(.*)$/s;
const KEYWORDS = ['AND', 'OR', 'NOT'];

export function completeQuery(text: string, caret: number, facets: FacetValues = {}): Completions {
  const found = completeTerm(text, caret, facets);
  // Before a space or a ), the choice does not add a second one.
  if (!/^[\s)]/.test(text.slice(found.to))) return found;
  return { ...found, options: found.options.map((o) => ({ ...o, insert: o.insert.trimEnd() })) };
}

function completeTerm(text: string, caret: number, facets: FacetValues): Completions {
  let from = caret;
  while (from > 0 && !TERM_START.test(text[from - 1]!)) from -= 1;
  let to = caret;
  while (to < text.length && !/[\s()]/.test(text[to]!)) to += 1;
  const term = text.slice(from, caret);
  const comparing = OPERATOR.exec(term);
  if (comparing) {
    const [, name, op, typed] = comparing as unknown as [string, string, string, string];
    const field = name.toLowerCase() === 'has' ? undefined : fieldNamed(name);
    const options =
      name.toLowerCase() === 'has'
        ? hasOptions(typed)
        : field
          ? valueOptions(field, op, unquote(typed), facets)
          : [];
    return { from, to, options: options.slice(0, MAX_OPTIONS) };
  }
  return { from, to, options: fieldOptions(term).slice(0, MAX_OPTIONS) };
}

const unquote = (typed: string) =>
  typed.startsWith('"') ? typed.slice(1).replace(/"$/, '') : typed;
const startsWith = (candidate: string, typed: string) =>
  candidate.toLowerCase().startsWith(typed.toLowerCase());

function fieldOptions(typed: string): Completion[] {
  const fields = QUERY_FIELDS.filter((field) => startsWith(field.name, typed)).map(
    (field): Completion => ({
      label: field.type === 'boolean' ? field.name : `${field.name}:`,
      insert: field.type === 'boolean' ? `${field.name} ` : `${field.name}:`,
      detail: field.description,
    }),
  );
  const has = startsWith('has:', typed)
    ? [{ label: 'has:', insert: 'has:', detail: 'the field has a value' }]
    : [];
  // Keywords only once something is typed: an empty term lists the fields.
  const keywords = typed
    ? KEYWORDS.filter((word) => startsWith(word, typed)).map((word) => ({
        label: word,
        insert: `${word} `,
      }))
    : [];
  return [...fields, ...has, ...keywords];
}

function hasOptions(typed: string): Completion[] {
  return QUERY_FIELDS.filter(
    (f) => f.type !== 'boolean' && f.type !== 'cve' && startsWith(f.name, typed),
  ).map((field) => ({
    label: `has:${field.name}`,
    insert: `has:${field.name} `,
    detail: field.description,
  }));
}

function valueOptions(
  field: QueryField,
  op: string,
  typed: string,
  facets: FacetValues,
): Completion[] {
  const write = (value: string, detail?: string): Completion => ({
    label: value,
    insert: `${field.name}${op}${quoteIfNeeded(value, true)} `,
    ...(detail === undefined ? {} : { detail }),
  });
  const matching = (values: readonly string[]) =>
    values.filter((value) => startsWith(value, typed));
  switch (field.type) {
    case 'boolean':
      return matching(['true', 'false']).map((value) => write(value));
    case 'severity':
      return matching(CVE_SEVERITIES.filter((s) => s !== 'Unknown')).map((value) => write(value));
    case 'date':
      return matching(['7d', '30d', '90d', '180d', '1y']).map((value) =>
        write(
          value,
          op === '>' || op === '>=' ? `seen more than ${value} ago` : `seen within ${value}`,
        ),
      );
    default: {
      const values = field.facet ? (facets[field.facet] ?? []) : [];
      return values
        .filter(([value]) => startsWith(value, typed))
        .filter(
          ([value]) =>
            !(ORDERED.has(field.type) && op !== ':' && op !== '!=' && value === 'Unknown'),
        )
        .map(([value, count]) => write(value, `${count.toLocaleString()} devices`));
    }
  }
}
