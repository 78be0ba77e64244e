import { FACETS, type GridQuery } from '../devices/grid-query';
import type { QueryNode } from './query-ast';
import { fieldOfFacet, fieldOfQuick } from './query-fields';
import { parseQuery } from './query-parser';
import { printQuery } from './query-printer';

// Everything the Devices grid filters by, as one query: the search box's words, the one-click
// filters, the facets' kept and left-out values, the CVE link, the query bar, and the
// decommissioned devices the grid hides unless asked. "Copy as query" hands it out, and
// `s1inv devices --where` with that text selects the same devices.

export function gridAsQuery(grid: GridQuery): QueryNode {
  const terms: QueryNode[] = [];
  for (const word of grid.search.split(/\s+/).filter(Boolean))
    terms.push({ kind: 'text', value: word });
  for (const quick of grid.quick) terms.push({ kind: 'flag', field: fieldOfQuick(quick).name });
  for (const { key } of FACETS) {
    const field = fieldOfFacet(key).name;
    const kept = (grid.include[key] ?? []).map((value): QueryNode => ({
      kind: 'compare',
      field,
      op: ':',
      value,
    }));
    if (kept.length > 0) terms.push(kept.length === 1 ? kept[0]! : { kind: 'or', items: kept });
    for (const value of grid.exclude[key] ?? [])
      terms.push({ kind: 'compare', field, op: '!=', value });
  }
  if (grid.cve) terms.push({ kind: 'compare', field: 'cve', op: ':', value: grid.cve });
  if (grid.where) {
    const where = parseQuery(grid.where);
    if (where.ok && where.value.kind === 'and') terms.push(...where.value.items);
    else if (where.ok) terms.push(where.value);
  }
  if (
    !grid.decommissioned &&
    !grid.quick.includes('decommissioned') &&
    !readsDecommissioned(grid.where)
  ) {
    terms.push({ kind: 'not', item: { kind: 'flag', field: 'decommissioned' } });
  }
  return terms.length === 1 ? terms[0]! : { kind: 'and', items: terms };
}

export const gridAsText = (grid: GridQuery): string => printQuery(gridAsQuery(grid));

/**
 * Whether the query bar names decommissioned devices itself: then the grid stops hiding them,
 * or `decommissioned` would match nothing.
 */
export function readsDecommissioned(where: string | undefined): boolean {
  if (!where) return false;
  const parsed = parseQuery(where);
  return parsed.ok && mentions(parsed.value, 'decommissioned');
}

function mentions(node: QueryNode, field: string): boolean {
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.items.some((item) => mentions(item, field));
    case 'not':
      return mentions(node.item, field);
    case 'text':
      return false;
    default:
      return node.field === field;
  }
}
