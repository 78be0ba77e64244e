// Agents sync throughput and memory against a floor measured in the same run (issue 4).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface SyncBenchResult {
  floor: SyncBenchRun;
  sync: SyncBenchRun;
  exported: SyncBenchRun;
  pushed: SyncBenchRun & { batches: number; latencyMs: number };
}

const SEKOIA_LATENCY_MS = 50;

export interface SyncBenchRun {
  mode: string;
  agents: number;
  seconds: number;
  /** Sync only: when the outputs for exports, the push and the grid were all precomputed. */
  precomputedSeconds?: number;
  agentsPerSecond: number;
  peakRssMb: number;
}

export async function benchSync(agents = 100_000): Promise<SyncBenchResult> {
  const fake = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/bench/fake-console.ts', String(agents)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: fake.stdout! }).once('line', resolve);
      fake.once('exit', () => reject(new Error('the fake console did not start')));
    });
    const dir = mkdtempSync(join(tmpdir(), 's1inv-bench-'));
    try {
      let round = 0;
      const run = (mode: string) =>
        JSON.parse(
          execFileSync(
            process.execPath,
            [
              '--import',
              'tsx',
              'scripts/bench/sync-worker.ts',
              mode,
              url,
              join(dir, `${mode}-${(round += 1)}`),
            ],
            { encoding: 'utf8' },
          ),
        ) as SyncBenchRun;
      run('floor'); // warm the fake's page cache so neither run pays for it
      const floor = run('floor');
      const sync = run('sync');
      // The export reads the inventory the sync run just wrote.
      const exported = JSON.parse(
        execFileSync(
          process.execPath,
          [
            '--import',
            'tsx',
            'scripts/bench/sync-worker.ts',
            'export',
            join(dir, 'export.ndjson'),
            join(dir, `sync-${round}`),
          ],
          { encoding: 'utf8' },
        ),
      ) as SyncBenchRun;
      const pushed = await benchPush(join(dir, `sync-${round}`));
      return { floor, sync, exported, pushed };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    fake.kill('SIGTERM');
  }
}

/** Pushes the synced inventory to a fake Sekoia that answers each POST after a fixed delay. */
async function benchPush(dataDir: string): Promise<SyncBenchResult['pushed']> {
  const fake = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/bench/fake-sekoia.ts', String(SEKOIA_LATENCY_MS)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: fake.stdout! }).once('line', resolve);
      fake.once('exit', () => reject(new Error('the fake Sekoia did not start')));
    });
    const run = JSON.parse(
      execFileSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/bench/sync-worker.ts', 'push', url, dataDir],
        { encoding: 'utf8' },
      ),
    ) as SyncBenchRun;
    return { ...run, batches: Math.ceil(run.agents / 1000), latencyMs: SEKOIA_LATENCY_MS };
  } finally {
    fake.kill('SIGTERM');
  }
}

export function printSyncResult({ floor, sync, exported, pushed }: SyncBenchResult): void {
  const ratio = sync.seconds / floor.seconds;
  console.log(
    `agents sync (${sync.agents.toLocaleString('en')} generated agents from the loopback fake)`,
  );
  console.log(
    `  floor (fetch + JSON.parse + raw insert): ${floor.seconds.toFixed(2)} s, ${floor.agentsPerSecond.toLocaleString('en')} agents/s, peak RSS ${floor.peakRssMb} MB`,
  );
  console.log(
    `  S1 Inventory sync                      : ${sync.seconds.toFixed(2)} s, ${sync.agentsPerSecond.toLocaleString('en')} agents/s, peak RSS ${sync.peakRssMb} MB`,
  );
  console.log(
    `  exports, push and grid outputs precomputed (in the background, on a worker thread) ${sync.precomputedSeconds?.toFixed(2)} s after the sync began`,
  );
  console.log(
    `  ratio ${ratio.toFixed(2)}× the floor (target ≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'MISSED'}); peak RSS target < 400 MB: ${sync.peakRssMb < 400 ? 'met' : 'MISSED'}`,
  );
  console.log(`export of the synced inventory as ocsf-ndjson`);
  console.log(
    `  ${exported.agents.toLocaleString('en')} records in ${exported.seconds.toFixed(2)} s: ${exported.agentsPerSecond.toLocaleString('en')} records/s, peak RSS ${exported.peakRssMb} MB (target ≥ 50,000/s: ${exported.agentsPerSecond >= 50_000 ? 'met' : 'MISSED'}; < 400 MB: ${exported.peakRssMb < 400 ? 'met' : 'MISSED'})`,
  );
  printPush(pushed);
}

function printPush(pushed: SyncBenchResult['pushed']): void {
  const latencyFloor = (pushed.batches * pushed.latencyMs) / 1000;
  console.log(
    `push of the synced inventory to a fake Sekoia answering each POST after ${pushed.latencyMs} ms`,
  );
  console.log(
    `  ${pushed.agents.toLocaleString('en')} devices in ${pushed.batches} batches: ${pushed.seconds.toFixed(2)} s (the fake's latency alone, batch after batch: ${latencyFloor.toFixed(2)} s), peak RSS ${pushed.peakRssMb} MB`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printSyncResult(await benchSync(Number(process.argv[2] ?? 100_000)));
}
