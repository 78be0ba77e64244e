// The Devices grid's backend at 1,000,000 devices (issue 29, item 4), without a browser or a
// sync: generated agents mapped to grid rows as a sync stores them, held by the same DeviceGrid
// `s1inv serve` answers from, then each step the grid asks for timed (median of 5) and the
// process's memory read once they are held. `npm run bench:grid` measures the same steps end
// to end in Chromium at 100,000.
import { performance } from 'node:perf_hooks';
import { DeviceGrid } from '../../electron/domains/devices/device-grid';
import type { GridRow } from '../../shared/contract/views';
import { toDeviceRow } from '../../shared/devices/to-device-row';
import { deviceRowOf } from '../../shared/devices/precomputed';
import type { S1Agent } from '../../shared/sentinelone/agent';
import { parseAgent } from '../../shared/sentinelone/agent';
import { generateAgent } from '../../test/support/generate/agents';
import { EVERY_DEVICE } from '../../test/support/grid-query';

export interface GridScaleResult {
  devices: number;
  loadMs: number;
  firstWindowMs: number;
  steps: Record<string, number>;
  /** Each column's first sort, in ms. */
  firstSorts: Record<string, number>;
  heapMb: number;
  /** Typed arrays (the table's codes, offsets and numbers), outside V8's heap. */
  arrayBuffersMb: number;
  rssMb: number;
}

const REPEATS = 5;
const FIRST_SORTS = ['hostname', 'serialNumber', 'os', 'users', 'agentId'] as const;
const NOW = Date.UTC(2026, 10, 1);
/** The grid as it opens: nothing narrowed, decommissioned devices hidden. */
const BASE = EVERY_DEVICE;

/** Rows made one at a time, as serve reads them from SQLite: no array of them is ever held. */
function* rowsOf(count: number): Generator<GridRow> {
  for (let i = 0; i < count; i += 1) {
    const parsed = parseAgent(generateAgent(i, { nowMs: NOW }));
    if (!parsed.ok) continue;
    // Through JSON, as serve reads each stored row from SQLite: every value its own string.
    const { console: consoleName, ...stored } = toDeviceRow(
      parsed.value.agent as S1Agent,
      i % 3 === 0 ? 'eu' : 'us',
    );
    yield deviceRowOf(JSON.stringify(stored), consoleName);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

export function benchGridScale(devices = 1_000_000): GridScaleResult {
  const grid = new DeviceGrid(
    () => rowsOf(devices),
    () => 'v1',
  );
  let started = performance.now();
  grid.warm();
  const loadMs = performance.now() - started;
  started = performance.now();
  grid.query(BASE, undefined, 0, 100, NOW);
  const firstWindowMs = performance.now() - started;
  global.gc?.();
  const { heapUsed, arrayBuffers, rss } = process.memoryUsage();

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
  return {
    devices,
    loadMs,
    firstWindowMs,
    steps,
    firstSorts,
    heapMb: Math.round(heapUsed / 1_048_576),
    arrayBuffersMb: Math.round(arrayBuffers / 1_048_576),
    rssMb: Math.round(rss / 1_048_576),
  };
}

export function printGridScaleResult(
  r: GridScaleResult,
  stepTarget: number,
  memoryTarget?: number,
): void {
  const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
  console.log(`Devices grid backend, ${r.devices.toLocaleString('en')} devices (no browser)`);
  console.log(
    `  rows made (as from SQLite), read and indexed ${Math.round(r.loadMs)} ms; first window ${Math.round(r.firstWindowMs)} ms`,
  );
  for (const [step, ms] of Object.entries(r.steps)) {
    console.log(
      `  ${step} ${Math.round(ms)} ms, median of ${REPEATS} (target < ${stepTarget} ms: ${met(ms < stepTarget)})`,
    );
  }
  console.log(
    `  first sorts: ${Object.entries(r.firstSorts)
      .map(([column, ms]) => `${column} ${Math.round(ms)} ms`)
      .join(', ')}`,
  );
  console.log(
    `  memory held: heap ${r.heapMb} MB + typed arrays ${r.arrayBuffersMb} MB, resident ${r.rssMb} MB${memoryTarget ? ` (target < ${memoryTarget} MB resident: ${met(r.rssMb < memoryTarget)})` : ''}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const devices = Number(process.argv[2] ?? 1_000_000);
  const large = devices >= 1_000_000;
  printGridScaleResult(benchGridScale(devices), large ? 200 : 150, large ? 500 : undefined);
}
