// From sync to file, against floors measured in the same run (issues 4 and 14): each target is a
// ratio, so a busy machine slows both sides alike.
import ExcelJS from 'exceljs';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { buildSync } from 'esbuild';
import { nodeBundle } from '../esbuild-node';

export interface SyncBenchRun {
  mode: string;
  agents: number;
  seconds: number;
  /** Sync only: when the outputs for exports, the push and the grid were all stored. */
  precomputedSeconds?: number;
  agentsPerSecond: number;
  peakRssMb: number;
  /** CPU time of every thread of the process (user + system), loading included. */
  cpuSeconds: number;
  /** floor: agent JSON bytes served; sync: the database's size afterwards. */
  bytes?: number;
}

export interface SyncBenchResult {
  /** Every round's floors and sync, in the order run; the top-level runs are the median one's. */
  rounds: SyncBenchRound[];
  floor: SyncBenchRun;
  pacedFloor: SyncBenchRun;
  bare: SyncBenchRun;
  sync: SyncBenchRun;
  exported: SyncBenchRun;
  /** The same export as an XLSX workbook (issue 30): streamed, so its memory stays flat. */
  xlsx: SyncBenchRun & Awaited<ReturnType<typeof idsReadAsText>>;
  /** The same export as ocsf-parquet (issue 30): target ≥ 100,000 records/s in < 400 MB. */
  parquet: SyncBenchRun;
  pushed: SyncBenchRun & { batches: number; latencyMs: number };
  /** The same sync again, nothing changed: what a scheduled re-sync costs. */
  resynced: SyncBenchRun;
  latency: { run: SyncBenchRun; pages: number; pageMs: number };
}

interface SyncBenchRound {
  floor: SyncBenchRun;
  pacedFloor: SyncBenchRun;
  sync: SyncBenchRun;
}

const SEKOIA_LATENCY_MS = 50;
/**
 * The floors and the sync run in turn this many times. On a shared machine a burst of load
 * elsewhere moved a single pair's ratio by ±15%; alternating puts such a burst on both sides
 * alike, and the round with the median ratio stands for the run (all rounds are printed).
 */
const ROUNDS = 3;
const PAGE_LATENCY_MS = 300;
/** Agents of the latency run: 20 pages of 1,000 at 300 ms, 6 s of waiting. */
const LATENCY_AGENTS = 20_000;

/** Starts a script that prints its URL on its first line, then serves until SIGTERM. */
export async function startServer(args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', () => reject(new Error(`${args[0]} did not start`)));
  });
  return { url, child };
}

/**
 * scripts/bench/sync-worker.ts bundled as the CLI is, so each run measures the code as it ships.
 * Run through tsx instead, the runs measured tsx too: its loader follows the precompute workers
 * and compiles their bundle again, helpers included, which cost the sync ~30% more CPU.
 */
const RUNNER = 'dist/bench/sync-worker.js';
let runnerBuilt = false;

function buildRunner(): void {
  if (runnerBuilt) return;
  buildSync({
    ...nodeBundle,
    entryPoints: { 'sync-worker': 'scripts/bench/sync-worker.ts' },
    outdir: 'dist/bench',
    external: [...(nodeBundle.external ?? []), 'open'],
  });
  runnerBuilt = true;
}

/** One measured run of scripts/bench/sync-worker.ts, in a process of its own. */
export function measure(mode: string, target: string, dir: string, nodeArgs: string[] = []) {
  buildRunner();
  return JSON.parse(
    execFileSync(process.execPath, [...nodeArgs, RUNNER, mode, target, dir], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    }),
  ) as SyncBenchRun;
}

export async function benchSync(agents = 100_000): Promise<SyncBenchResult> {
  const fake = await startServer(['scripts/bench/fake-console.ts', String(agents)]);
  const dir = mkdtempSync(join(tmpdir(), 's1inv-bench-'));
  try {
    measure('floor', fake.url, join(dir, 'warm')); // the fake's page cache, paid by neither run
    const rounds = Array.from({ length: ROUNDS }, (_, i) => ({
      floor: measure('floor', fake.url, join(dir, `floor${i}`)),
      pacedFloor: measure('floor-paced', fake.url, join(dir, `paced${i}`)),
      sync: measure('sync', fake.url, join(dir, `sync${i}`)),
      i,
    }));
    const median = middle(rounds, syncRatio);
    const { floor, pacedFloor, sync } = median;
    settleDisk(dir, median.i);
    const bare = measure('bare', join(dir, 'bare.ndjson'), join(dir, `floor${median.i}`));
    settleDisk(dir, median.i);
    const exported = measure('export', join(dir, 'export.ndjson'), join(dir, `sync${median.i}`));
    const xlsx = {
      ...measure('export-xlsx', join(dir, 'export.xlsx'), join(dir, `sync${median.i}`)),
      ...(await idsReadAsText(join(dir, 'export.xlsx'))),
    };
    rmSync(join(dir, 'export.xlsx'), { force: true });
    const parquet = measure(
      'export-ocsf-parquet',
      join(dir, 'export.parquet'),
      join(dir, `sync${median.i}`),
    );
    rmSync(join(dir, 'export.parquet'), { force: true });
    const pushed = await benchPush(join(dir, `sync${median.i}`));
    const resynced = measure('resync', fake.url, join(dir, `sync${median.i}`));
    fake.child.kill('SIGTERM');
    const latency = await benchLatency(join(dir, 'latency'));
    return {
      rounds: rounds.map(({ floor, pacedFloor, sync }) => ({ floor, pacedFloor, sync })),
      floor,
      pacedFloor,
      bare,
      sync,
      exported,
      xlsx,
      parquet,
      pushed,
      resynced,
      latency,
    };
  } finally {
    fake.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The rounds leave ~1 GB of databases behind, which the kernel writes back to disk while the next
 * run is measured: an export measured then read 45k records/s, and 66–75k alone. Only the median
 * round's databases are kept (bare and export read them), and writes are flushed before a run.
 */
function settleDisk(dir: string, keep: number): void {
  const kept = new Set([`floor${keep}`, `sync${keep}`]);
  for (const entry of readdirSync(dir)) {
    if (/^(warm|(floor|paced|sync)\d+)$/.test(entry) && !kept.has(entry))
      rmSync(join(dir, entry), { recursive: true, force: true });
  }
  rmSync(join(dir, 'bare.ndjson'), { force: true });
  execFileSync('sync');
}

/**
 * The workbook read back by an independent reader (exceljs, streaming): how many rows have their
 * agent id as a text cell of 18–19 digits, and how many do not.
 */
async function idsReadAsText(path: string): Promise<{ idsAsText: number; idsOtherwise: number }> {
  let idsAsText = 0;
  let idsOtherwise = 0;
  let column = -1;
  for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(path, {})) {
    for await (const row of sheet) {
      const values = row.values as unknown[];
      const id = values[column];
      if (row.number === 1) column = values.indexOf('Agent ID');
      else if (typeof id === 'string' && /^\d{18,19}$/.test(id)) {
        idsAsText += 1;
      } else idsOtherwise += 1;
    }
  }
  return { idsAsText, idsOtherwise };
}

/** Pushes the synced inventory to a fake Sekoia that answers each POST after a fixed delay. */
async function benchPush(dataDir: string): Promise<SyncBenchResult['pushed']> {
  const fake = await startServer(['scripts/bench/fake-sekoia.ts', String(SEKOIA_LATENCY_MS)]);
  try {
    const run = measure('push', fake.url, dataDir);
    return { ...run, batches: Math.ceil(run.agents / 1000), latencyMs: SEKOIA_LATENCY_MS };
  } finally {
    fake.child.kill('SIGTERM');
  }
}

/** A console answering each agents page after 300 ms: the walk should cost the waiting alone. */
async function benchLatency(dir: string): Promise<SyncBenchResult['latency']> {
  const fake = await startServer([
    'scripts/bench/fake-console.ts',
    String(LATENCY_AGENTS),
    '0',
    String(PAGE_LATENCY_MS),
  ]);
  try {
    const run = measure('sync', fake.url, dir);
    return { run, pages: Math.ceil(LATENCY_AGENTS / 1000), pageMs: PAGE_LATENCY_MS };
  } finally {
    fake.child.kill('SIGTERM');
  }
}

/** When a sync had stored everything export, push and the grid read: the whole command. */
const readySeconds = (run: SyncBenchRun) => run.precomputedSeconds ?? run.seconds;
/**
 * Target 1 is measured against the floor that fetches as the API allows any client: /agents at
 * 25 requests/s, burst 1 (reference §9), as the sync does. The issue's floor asks as fast as the
 * fake answers: 100 pages take 2.6–4.3 s that way on this machine, but no client may take them in
 * less than 3.96 s, so 1.5× that floor is below the pacing alone whenever the machine is quiet.
 * Its ratio is printed beside.
 */
const syncRatio = (round: SyncBenchRound) => readySeconds(round.sync) / round.pacedFloor.seconds;
/** The median item of an odd number of items, by the given measure. */
const middle = <T>(items: readonly T[], by: (item: T) => number): T =>
  [...items].sort((a, b) => by(a) - by(b))[Math.floor(items.length / 2)]!;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
const s = (seconds: number) => `${seconds.toFixed(2)} s`;
const n = (value: number) => value.toLocaleString('en');

export function printSyncResult(result: SyncBenchResult): void {
  const {
    rounds,
    floor,
    pacedFloor,
    bare,
    sync,
    exported,
    xlsx,
    parquet,
    pushed,
    resynced,
    latency,
  } = result;
  const ready = readySeconds(sync);
  console.log(`from sync to file (${n(sync.agents)} generated agents from the loopback fake)`);
  console.log(
    `  floor, unpaced (fetch as fast as the fake answers + JSON.parse + raw insert): ${s(floor.seconds)}, ${n(floor.agentsPerSecond)} agents/s, CPU ${s(floor.cpuSeconds)}, peak RSS ${floor.peakRssMb} MB`,
  );
  console.log(
    `  bare map & write (OCSF + JSON.stringify + ndjson file): ${s(bare.seconds)}, ${n(bare.agentsPerSecond)} agents/s`,
  );
  console.log(
    `  floor paced as the API allows any client (/agents at 25 requests/s, burst 1: reference §9, as the sync): ${s(pacedFloor.seconds)}`,
  );
  const ratio1 = syncRatio(result);
  console.log(
    `  1. s1inv sync --apis agents, start to ready (exports, push, grid): ${s(ready)} (walk done at ${s(sync.seconds)}), CPU ${s(sync.cpuSeconds)} on ${availableParallelism()} cores, peak RSS ${sync.peakRssMb} MB`,
  );
  console.log(
    `     ratio ${ratio1.toFixed(2)}× the paced floor (target ≤ 1.5×: ${verdict(ratio1 <= 1.5)}), the median of ${rounds.length} rounds of floor, paced floor, sync: ${rounds
      .map(
        (round) =>
          `${syncRatio(round).toFixed(2)}× (${s(readySeconds(round.sync))} / ${s(round.pacedFloor.seconds)})`,
      )
      .join(', ')}`,
  );
  // Its own median: the round that stands for target 1 was chosen by the paced ratio.
  const unpaced = rounds.map((round) => readySeconds(round.sync) / round.floor.seconds);
  const unpacedMedian = middle(unpaced, (ratio) => ratio);
  const floors = rounds.map((round) => round.floor.seconds);
  const floorRange = `${s(Math.min(...floors))}–${s(Math.max(...floors))}`;
  console.log(
    `     against the unpaced floor, which asks /agents faster than the API allows: median ${unpacedMedian.toFixed(2)}× (rounds: ${unpaced
      .map((ratio) => `${ratio.toFixed(2)}×`)
      .join(', ')}); 100 pages at 25/s take ≥ 3.96 s, that floor ${floorRange}`,
  );
  console.log(
    `     the same sync again, nothing changed (a scheduled re-sync): ${s(readySeconds(resynced))}, CPU ${s(resynced.cpuSeconds)}, peak RSS ${resynced.peakRssMb} MB`,
  );
  const ratio2 = (ready + exported.seconds) / (floor.seconds + bare.seconds);
  console.log(
    `  2. sync then export --format ocsf-ndjson: ${s(ready + exported.seconds)}; ratio ${ratio2.toFixed(2)}× (floor + bare map & write) (target ≤ 1.5×: ${verdict(ratio2 <= 1.5)})`,
  );
  console.log(
    `     export alone: ${n(exported.agents)} records in ${s(exported.seconds)}, ${n(exported.agentsPerSecond)} records/s (≥ 50,000: ${verdict(exported.agentsPerSecond >= 50_000)}), peak RSS ${exported.peakRssMb} MB (< 400: ${verdict(exported.peakRssMb < 400)})`,
  );
  console.log(
    `     export --format xlsx: ${n(xlsx.agents)} devices in ${s(xlsx.seconds)}, ${n(xlsx.agentsPerSecond)} records/s, peak RSS ${xlsx.peakRssMb} MB (bounded, < 400: ${verdict(xlsx.peakRssMb < 400)}); read back by exceljs: ${n(xlsx.idsAsText)} agent ids as text, ${n(xlsx.idsOtherwise)} otherwise (target 0: ${verdict(xlsx.idsOtherwise === 0)})`,
  );
  console.log(
    `     export --format ocsf-parquet: ${n(parquet.agents)} records in ${s(parquet.seconds)}, ${n(parquet.agentsPerSecond)} records/s (≥ 100,000: ${verdict(parquet.agentsPerSecond >= 100_000)}), peak RSS ${parquet.peakRssMb} MB (< 400: ${verdict(parquet.peakRssMb < 400)})`,
  );
  const ratio3 = (sync.bytes ?? 0) / (floor.bytes ?? 1);
  console.log(
    `  3. database after the sync: ${n(Math.round((sync.bytes ?? 0) / 1e6))} MB for ${n(Math.round((floor.bytes ?? 0) / 1e6))} MB of agent JSON served: ${ratio3.toFixed(2)}× (target ≤ 1.0×: ${verdict(ratio3 <= 1)})`,
  );
  const waiting = (latency.pages * latency.pageMs) / 1000;
  const latencyReady = latency.run.precomputedSeconds ?? latency.run.seconds;
  const ratio5 = latencyReady / waiting;
  console.log(
    `  5. console answering each page after ${latency.pageMs} ms: ${n(latency.run.agents)} agents (${latency.pages} pages) ready in ${s(latencyReady)} against ${s(waiting)} of waiting: ${ratio5.toFixed(2)}× (target ≤ 1.1×: ${verdict(ratio5 <= 1.1)})`,
  );
  const latencyFloor = (pushed.batches * pushed.latencyMs) / 1000;
  console.log(
    `push of the synced inventory to a fake Sekoia answering each POST after ${pushed.latencyMs} ms`,
  );
  console.log(
    `  ${n(pushed.agents)} devices in ${pushed.batches} batches: ${s(pushed.seconds)} (the fake's latency alone, batch after batch: ${s(latencyFloor)}), peak RSS ${pushed.peakRssMb} MB`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printSyncResult(await benchSync(Number(process.argv[2] ?? 100_000)));
}
