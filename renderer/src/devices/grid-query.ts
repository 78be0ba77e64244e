import { FACETS, type FacetKey } from '../../../shared/devices/facets';
import { QUICK_FILTERS, type QuickFilterId } from './quick-filters';

// What the Devices grid shows, as the address names it: the saved view it started from, the
// quick search, the one-click filters, facet values kept or left out, and an open device.
//   #/devices?view=Laptops&q=lon&quick=stale,infected&stale=45&is.site=Paris&not.osType=linux

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
  device?: { console: string; agentId: string };
}

export const DEFAULT_STALE_DAYS = 30;
export { FACETS, type FacetKey };

const QUICK_IDS = new Set<string>(QUICK_FILTERS.map((f) => f.id));
const FACET_KEYS = new Set<string>(FACETS.map((f) => f.key));

export function gridQueryOf(query: URLSearchParams): GridQuery {
  const include: GridQuery['include'] = {};
  const exclude: GridQuery['exclude'] = {};
  for (const [name, value] of query) {
    const [kind, key] = name.split('.', 2) as [string, string | undefined];
    if (key === undefined || !FACET_KEYS.has(key)) continue;
    const into = kind === 'is' ? include : kind === 'not' ? exclude : undefined;
    if (into) (into[key as FacetKey] ??= []).push(value);
  }
  const stale = Number(query.get('stale'));
  const device = query.get('device');
  const within = query.get('in');
  return {
    ...(query.get('view') ? { view: query.get('view')! } : {}),
    search: query.get('q') ?? '',
    quick: (query.get('quick') ?? '')
      .split(',')
      .filter((id): id is QuickFilterId => QUICK_IDS.has(id)),
    staleDays: Number.isInteger(stale) && stale >= 1 && stale <= 3650 ? stale : DEFAULT_STALE_DAYS,
    include,
    exclude,
    decommissioned: query.get('decommissioned') === 'include',
    ...(device && within ? { device: { console: within, agentId: device } } : {}),
  };
}

export function queryOfGrid(grid: GridQuery): URLSearchParams {
  const query = new URLSearchParams();
  if (grid.view) query.set('view', grid.view);
  if (grid.search) query.set('q', grid.search);
  if (grid.quick.length > 0) query.set('quick', grid.quick.join(','));
  if (grid.staleDays !== DEFAULT_STALE_DAYS) query.set('stale', String(grid.staleDays));
  for (const [kind, values] of [
    ['is', grid.include],
    ['not', grid.exclude],
  ] as const) {
    for (const { key } of FACETS)
      for (const value of values[key] ?? []) query.append(`${kind}.${key}`, value);
  }
  if (grid.decommissioned) query.set('decommissioned', 'include');
  if (grid.device) {
    query.set('in', grid.device.console);
    query.set('device', grid.device.agentId);
  }
  return query;
}

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
    (grid.decommissioned ? 1 : 0)
  );
}
