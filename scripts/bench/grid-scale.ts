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
import { REPEATS, stepsOf } from './grid-steps';

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

const NOW = Date.UTC(2026, 10, 1);

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

export function benchGridScale(devices = 1_000_000): GridScaleResult {
  const grid = new DeviceGrid(
    () => rowsOf(devices),
    () => 'v1',
  );
  let started = performance.now();
  grid.warm();
  const loadMs = performance.now() - started;
  started = performance.now();
  grid.query(EVERY_DEVICE, undefined, 0, 100, NOW);
  const firstWindowMs = performance.now() - started;
  global.gc?.();
  const { heapUsed, arrayBuffers, rss } = process.memoryUsage();

  const { steps, firstSorts } = stepsOf(grid);
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
