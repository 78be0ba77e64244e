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
}

export interface SyncBenchRun {
  mode: string;
  agents: number;
  seconds: number;
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
      return { floor, sync, exported };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    fake.kill('SIGTERM');
  }
}

export function printSyncResult({ floor, sync, exported }: SyncBenchResult): void {
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
    `  ratio ${ratio.toFixed(2)}× the floor (target ≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'MISSED'}); peak RSS target < 400 MB: ${sync.peakRssMb < 400 ? 'met' : 'MISSED'}`,
  );
  console.log(`export of the synced inventory as ocsf-ndjson`);
  console.log(
    `  ${exported.agents.toLocaleString('en')} records in ${exported.seconds.toFixed(2)} s: ${exported.agentsPerSecond.toLocaleString('en')} records/s, peak RSS ${exported.peakRssMb} MB (target ≥ 50,000/s: ${exported.agentsPerSecond >= 50_000 ? 'met' : 'MISSED'}; < 400 MB: ${exported.peakRssMb < 400 ? 'met' : 'MISSED'})`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printSyncResult(await benchSync(Number(process.argv[2] ?? 100_000)));
}
