import { GridRow } from '../../../shared/devices/grid-row';
import { FACETS } from '../../../shared/devices/facets';
import type { GridSort } from '../../../shared/devices/grid-order';
import {
  CVE_ID,
  DEFAULT_STALE_DAYS,
  type FacetKey,
  type GridQuery,
} from '../../../shared/devices/grid-query';
import { QUICK_FILTERS, type QuickFilterId } from '../../../shared/devices/quick-filters';

// What the Devices grid shows, as the address names it: the saved view it started from, the
// quick search, the one-click filters, facet values kept or left out, and an open device.
//   #/devices?view=Laptops&q=lon&quick=stale,infected&stale=45&is.site=Paris&not.osType=linux
//   #/devices?cve=CVE-2024-3094 (the devices on which that CVE is open)
//   #/devices?where=agent_version<23.4 AND site:Lyon (the query bar, docs/query.md)

const QUICK_IDS = new Set<string>(QUICK_FILTERS.map((f) => f.id));
const FACET_KEYS = new Set<string>(FACETS.map((f) => f.key));

const SORTABLE = new Set<string>(Object.keys(GridRow.shape));

/**
 * The grid's sort as the address carries it, `sort=hostname` or `sort=-lastSeen` (descending):
 * a reload, a shared link and back and forward show the same order. Absent: as the grid is.
 */
export function sortOf(query: URLSearchParams): GridSort | undefined {
  const text = query.get('sort');
  if (!text) return undefined;
  const descending = text.startsWith('-');
  const column = descending ? text.slice(1) : text;
  if (!SORTABLE.has(column)) return undefined;
  return { column: column as GridSort['column'], direction: descending ? 'desc' : 'asc' };
}

/** The address's query with `sort` set to this order (or removed). */
export function withSort(query: URLSearchParams, sort: GridSort | undefined): URLSearchParams {
  const next = new URLSearchParams(query);
  if (sort) next.set('sort', `${sort.direction === 'desc' ? '-' : ''}${sort.column}`);
  else next.delete('sort');
  return next;
}

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
  const cve = query.get('cve')?.toUpperCase();
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
    ...(cve && CVE_ID.test(cve) ? { cve } : {}),
    ...(query.get('where') ? { where: query.get('where')! } : {}),
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
  if (grid.cve) query.set('cve', grid.cve);
  if (grid.where) query.set('where', grid.where);
  if (grid.device) {
    query.set('in', grid.device.console);
    query.set('device', grid.device.agentId);
  }
  return query;
}
