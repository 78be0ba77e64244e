import { FACETS, type FacetKey } from './facets';
import type { QuickFilterId } from './quick-filters';

// What the Devices grid shows: the saved view it started from, the quick search, the one-click
// filters, facet values kept or left out, and an open device. The renderer writes it in the
// address (renderer/src/devices/grid-address.ts); the backend answers it (devices.query).

export interface GridQuery {
  view?: string;
  search: string;
  quick: QuickFilterId[];
  staleDays: number;
  /** Per facet: the values kept (any of them); a facet absent keeps every value. */
  include: Partial<Record<FacetKey, string[]>>;
  /** Per facet: the values left out. */
  exclude: Partial<Record<FacetKey, string[]>>;
  /** Decommissioned devices are left out unless asked for (or filtered on). */
  decommissioned: boolean;
  /** Only the devices on which this CVE is open (the Vulnerabilities screen's link). */
  cve?: string;
  /** The query bar's text (shared/query, docs/query.md): what the other filters cannot say. */
  where?: string;
  device?: { console: string; agentId: string };
}

export const DEFAULT_STALE_DAYS = 30;
/** What a CVE id looks like: the grid's CVE filter takes nothing else. */
export const CVE_ID = /^CVE-\d{4}-\d{4,}$/;
export { FACETS, type FacetKey };

/** The query with one facet value kept, left out, or neither. */
export function withFacet(
  grid: GridQuery,
  key: FacetKey,
  value: string,
  mode: 'include' | 'exclude' | 'off',
): GridQuery {
  const drop = (values: string[] | undefined) => (values ?? []).filter((v) => v !== value);
  const include = { ...grid.include, [key]: drop(grid.include[key]) };
  const exclude = { ...grid.exclude, [key]: drop(grid.exclude[key]) };
  if (mode === 'include') include[key] = [...include[key]!, value];
  if (mode === 'exclude') exclude[key] = [...exclude[key]!, value];
  return { ...grid, include: compact(include), exclude: compact(exclude) };
}

function compact<T extends Partial<Record<FacetKey, string[]>>>(values: T): T {
  return Object.fromEntries(
    Object.entries(values).filter(([, list]) => list !== undefined && list.length > 0),
  ) as T;
}

/** How many filters narrow the grid (the active-filter bar's chips). */
export function activeFilterCount(grid: GridQuery): number {
  const facetValues = (values: GridQuery['include']) =>
    Object.values(values).reduce((sum, list) => sum + (list?.length ?? 0), 0);
  return (
    (grid.search ? 1 : 0) +
    grid.quick.length +
    facetValues(grid.include) +
    facetValues(grid.exclude) +
    (grid.decommissioned ? 1 : 0) +
    (grid.cve ? 1 : 0) +
    (grid.where ? 1 : 0)
  );
}

/** The query without the query bar's text. */
export function withoutWhere(grid: GridQuery): GridQuery {
  const { where: _where, ...rest } = grid;
  return rest;
}
