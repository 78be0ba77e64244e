import { isStale } from './device-flags';
import { FACETS, type FacetKey } from './facets';
import type { GridQuery } from './grid-query';
import { QUICK_FILTERS, type QuickFilterId } from './quick-filters';

// One pass over the rows answers three questions at once: which rows the grid shows, how many
// devices each facet value would show with the other filters as they are, and how many each
// one-click filter would. A filter is a group; a row failing one group only counts for that
// group's facet, so the counts follow every other filter. What does not depend on the filters
// (facet values as small integers, when each device was last seen, its findings) is worked out
// once per load of rows, so a keystroke or a click costs one tight loop over typed arrays.

/** One bit per one-click filter, in QUICK_FILTERS' order. */
export const bitOf = (id: QuickFilterId) => 1 << QUICK_FILTERS.findIndex((f) => f.id === id);

/** What the filters read of each row, by the row's index in the loaded rows. */
/** Each row's facet value as a small id, in the smallest array that holds the ids. */
export type FacetIds = Uint8Array | Uint16Array | Int32Array;

export interface RowFacts {
  count: number;
  /** 1 for each row whose searched columns hold a word (lower case): the quick search. */
  search: (word: string) => Uint8Array;
  seenMs: Float64Array;
  decommissioned: Uint8Array;
  /**
   * The one-click filters each row matches whatever the stale threshold (one bit each, in
   * QUICK_FILTERS' order; stale is worked out per query). Eight filters fill the eight bits.
   */
  findings: Uint8Array;
  /** Per facet: each row's value as an index into `names`. */
  facets: Record<FacetKey, { ids: FacetIds; names: string[] }>;
}

export interface GridFilterResult {
  /** 1 for each row (by index) that passes every filter. */
  visible: Uint8Array;
  shown: number;
  /** Per facet, its values and their counts, most devices first. */
  facets: Record<FacetKey, [value: string, count: number][]>;
  /**
   * Per one-click filter: the shown devices it matches (with it on: those it keeps). The
   * Decommissioned filter's count is the devices it would show, hidden until it is on.
   */
  quick: Record<QuickFilterId, number>;
}

const STALE = bitOf('stale');
const DECOMMISSIONED = bitOf('decommissioned');
const DECOMMISSIONED_INDEX = QUICK_FILTERS.findIndex((f) => f.id === 'decommissioned');
/** The group a row failed, when it is not a facet (facets are 0…FACETS.length - 1). */
const OTHER_GROUP = -1;

export function filterRows(
  facts: RowFacts,
  grid: GridQuery,
  nowMs: number,
  /** 1 for each row the filters outside the rows' facts keep (CVE, query); absent, all. */
  kept?: Uint8Array,
): GridFilterResult {
  const words = grid.search.toLowerCase().split(/\s+/).filter(Boolean);
  const activeMask = grid.quick.reduce((mask, id) => mask | bitOf(id), 0);
  const activeBits = QUICK_FILTERS.map((f) => bitOf(f.id)).filter((bit) => activeMask & bit);
  const showDecommissioned = grid.decommissioned || (activeMask & DECOMMISSIONED) !== 0;
  const facetIds = FACETS.map(({ key }) => facts.facets[key].ids);
  // Facets that narrow, with their kept and left-out values as flags by value id.
  const narrowing = FACETS.flatMap(({ key }, f) => {
    const { names } = facts.facets[key];
    const include = grid.include[key] ?? [];
    const exclude = grid.exclude[key] ?? [];
    if (include.length === 0 && exclude.length === 0) return [];
    const passes = new Uint8Array(names.length).fill(include.length === 0 ? 1 : 0);
    names.forEach((name, id) => {
      if (include.includes(name)) passes[id] = 1;
      if (exclude.includes(name)) passes[id] = 0;
    });
    return [{ f, ids: facetIds[f]!, passes }];
  });
  const counts = FACETS.map(({ key }) => new Int32Array(facts.facets[key].names.length));
  const quick = new Int32Array(QUICK_FILTERS.length);
  const visible = new Uint8Array(facts.count);
  let shown = 0;
  // The rows holding every word, found by scanning all the text once per word.
  const searched = words
    .map((word) => facts.search(word))
    .reduce<Uint8Array | undefined>(
      (all, one) => (all ? all.map((k, i) => k & one[i]!) : one),
      undefined,
    );

  for (let i = 0; i < facts.count; i += 1) {
    let mask = facts.findings[i]!;
    const gone = (mask & DECOMMISSIONED) !== 0;
    if (!gone && isStale(facts.seenMs[i]!, grid.staleDays, nowMs)) mask |= STALE;
    // The one group a row fails (a facet's index, or another), and how many it fails.
    let failed = OTHER_GROUP;
    let failures = 0;
    const hidden = gone && !showDecommissioned;
    if (hidden) failures += 1;
    if (kept !== undefined && kept[i] === 0) failures += 1;
    for (const bit of activeBits) if ((mask & bit) === 0) failures += 1;
    if (searched !== undefined && searched[i] === 0) failures += 1;
    if (failures > 1) continue;
    for (const facet of narrowing) {
      if (facet.passes[facet.ids[i]!] === 0) {
        failed = facet.f;
        failures += 1;
        if (failures > 1) break;
      }
    }
    if (failures > 1) continue;
    if (failures === 1) {
      if (failed !== OTHER_GROUP) counts[failed]![facetIds[failed]![i]!]! += 1;
      // Hidden only for being decommissioned: the Decommissioned filter would show it.
      else if (hidden) quick[DECOMMISSIONED_INDEX]! += 1;
      continue;
    }
    visible[i] = 1;
    shown += 1;
    for (let f = 0; f < facetIds.length; f += 1) counts[f]![facetIds[f]![i]!]! += 1;
    for (let q = 0; q < QUICK_FILTERS.length; q += 1) if (mask & (1 << q)) quick[q]! += 1;
  }

  const facets = Object.fromEntries(
    FACETS.map(({ key }, f) => [
      key,
      facts.facets[key].names
        .map((name, id): [string, number] => [name, counts[f]![id]!])
        .filter(([, count]) => count > 0)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    ]),
  ) as GridFilterResult['facets'];
  return {
    visible,
    shown,
    facets,
    quick: Object.fromEntries(QUICK_FILTERS.map(({ id }, q) => [id, quick[q]!])) as Record<
      QuickFilterId,
      number
    >,
  };
}
