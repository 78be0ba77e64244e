// The steps an analyst takes in the Devices grid, timed against a DeviceGrid however it was
// loaded (scripts/bench/grid-scale.ts, grid-serve-runner.ts).
import { performance } from 'node:perf_hooks';
import type { DeviceGrid } from '../../electron/domains/devices/device-grid';
import { EVERY_DEVICE } from '../../test/support/grid-query';

export const REPEATS = 5;
const FIRST_SORTS = ['hostname', 'serialNumber', 'os', 'users', 'agentId'] as const;
const NOW = Date.UTC(2026, 10, 1);
/** The grid as it opens: nothing narrowed, decommissioned devices hidden. */
const BASE = EVERY_DEVICE;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/** Each step the grid asks for, timed (median of REPEATS), and each column's first sort. */
export function stepsOf(grid: DeviceGrid): {
  steps: Record<string, number>;
  firstSorts: Record<string, number>;
} {
  const time = (run: (i: number) => void) => {
    const samples: number[] = [];
    for (let i = 0; i < REPEATS; i += 1) {
      const at = performance.now();
      run(i);
      samples.push(performance.now() - at);
    }
    return median(samples);
  };
  // Each sample asks for a new answer (a different filter, or the same with another minute),
  // as an analyst's clicks do: the grid's one-answer cache never serves it.
  // A column never sorted before, each time: those whose values repeat (os, users) are ranked,
  // the others (hostname, serial number, agent id) compared.
  const firstSorts: Record<string, number> = {};
  const steps = {
    'first sort of a column': time((i) => {
      const at = performance.now();
      grid.query(BASE, { column: FIRST_SORTS[i]!, direction: 'asc' }, 0, 100, NOW + i);
      firstSorts[FIRST_SORTS[i]!] = performance.now() - at;
    }),
    'sorted again (cached order)': time((i) =>
      grid.query(
        BASE,
        { column: 'hostname', direction: i % 2 ? 'desc' : 'asc' },
        0,
        100,
        NOW + 10 + i,
      ),
    ),
    'keystroke (quick search)': time((i) =>
      grid.query({ ...BASE, search: `${i}7` }, undefined, 0, 100, NOW),
    ),
    'one-click filter (Infected)': time((i) =>
      grid.query({ ...BASE, quick: i % 2 ? [] : ['infected'] }, undefined, 0, 100, NOW + 20 + i),
    ),
    'facet value (a site)': time((i) =>
      grid.query(
        { ...BASE, include: { site: [['Paris', 'London', 'Lyon', 'Berlin', 'Tokyo'][i]!] } },
        undefined,
        0,
        100,
        NOW,
      ),
    ),
    'query (agent_version<23.4 AND NOT stale)': time((i) =>
      grid.query(
        { ...BASE, where: 'agent_version<23.4 AND NOT stale' },
        undefined,
        0,
        100,
        NOW + 30 + i,
      ),
    ),
  };
  return { steps, firstSorts };
}
