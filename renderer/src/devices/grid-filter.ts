import type { GridRow } from '../../../shared/contract/views';
import { deviceFlags, duplicateHostnames } from '../../../shared/devices/device-flags';
import { FACETS, facetValue, type FacetKey } from '../../../shared/devices/facets';
import type { GridQuery } from './grid-query';
import { QUICK_FILTERS, type QuickFilterId } from './quick-filters';

// One pass over the rows answers three questions at once: which rows the grid shows, how many
// devices each facet value would show with the other filters as they are, and how many each
// one-click filter would. A filter is a group; a row failing one group only counts for that
// group's facet, so the counts follow every other filter.

export interface GridFilterResult {
  /** The rows that pass every filter. */
  visible: Set<GridRow>;
  /** Per facet, its values and their counts, most devices first. */
  facets: Record<FacetKey, [value: string, count: number][]>;
  /** Per one-click filter: the shown devices it matches (with it on: those it keeps). */
  quick: Record<QuickFilterId, number>;
}

type Group = FacetKey | QuickFilterId | 'search' | 'decommissioned';

export function filterRows(
  rows: readonly GridRow[],
  grid: GridQuery,
  searchText: (row: GridRow) => string,
  nowMs: number,
): GridFilterResult {
  const words = grid.search.toLowerCase().split(/\s+/).filter(Boolean);
  const active = new Set(grid.quick);
  const duplicates = duplicateHostnames(rows);
  const showDecommissioned = grid.decommissioned || active.has('decommissioned');
  const narrowed = FACETS.filter(
    ({ key }) => (grid.include[key]?.length ?? 0) > 0 || (grid.exclude[key]?.length ?? 0) > 0,
  ).map(({ key }) => ({
    key,
    include: grid.include[key]?.length ? new Set(grid.include[key]) : undefined,
    exclude: new Set(grid.exclude[key] ?? []),
  }));
  const counts = Object.fromEntries(
    FACETS.map(({ key }) => [key, new Map<string, number>()]),
  ) as Record<FacetKey, Map<string, number>>;
  const quick = Object.fromEntries(QUICK_FILTERS.map(({ id }) => [id, 0])) as Record<
    QuickFilterId,
    number
  >;
  const visible = new Set<GridRow>();

  for (const row of rows) {
    const flags = deviceFlags(row, grid.staleDays, nowMs);
    const matches: Record<QuickFilterId, boolean> = {
      ...flags,
      decommissioned: row.decommissioned,
      duplicates: duplicates.has((row.hostname ?? '').toLowerCase()),
    };
    let failed: Group | undefined;
    let failures = 0;
    const fail = (group: Group) => {
      failed = group;
      failures += 1;
    };
    if (words.length > 0) {
      const text = searchText(row);
      if (!words.every((word) => text.includes(word))) fail('search');
    }
    if (row.decommissioned && !showDecommissioned) fail('decommissioned');
    for (const id of active) if (!matches[id]) fail(id);
    for (const facet of narrowed) {
      const value = facetValue(row, facet.key);
      if ((facet.include && !facet.include.has(value)) || facet.exclude.has(value)) fail(facet.key);
    }
    if (failures > 1) continue;
    if (failures === 1) {
      if (failed !== undefined && failed in counts)
        bump(counts[failed as FacetKey], facetValue(row, failed as FacetKey));
      continue;
    }
    visible.add(row);
    for (const { key } of FACETS) bump(counts[key], facetValue(row, key));
    for (const { id } of QUICK_FILTERS) if (matches[id]) quick[id] += 1;
  }

  const facets = Object.fromEntries(
    FACETS.map(({ key }) => [
      key,
      [...counts[key]].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    ]),
  ) as GridFilterResult['facets'];
  return { visible, facets, quick };
}

function bump(counts: Map<string, number>, value: string): void {
  counts.set(value, (counts.get(value) ?? 0) + 1);
}
