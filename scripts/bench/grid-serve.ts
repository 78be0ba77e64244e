// `npm run bench:grid:serve` (issue 29, item 4): the Devices grid of `s1inv serve` over a
// 1,000,000-device inventory synced from the fake console into a real database: the first start
// reads the inventory apart and keeps it on disk, a second start reads what was kept. Each start
// is a process of its own running the bundled code; memory is read once the load is over.
// The synced data folder is kept in the system's temporary folder and reused (a sync of a
// million takes a minute or two); `--fresh` syncs again.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { gridFilesOf } from '../../electron/storage/grid-files';
import { nodeBundle } from '../esbuild-node';
import { measure, startServer } from './sync';

/** Issue 29's targets at a million devices; at 100,000, each step in < 150 ms. */
const targetsFor = (devices: number) =>
  devices >= 1_000_000
    ? { firstRowsMs: 1000, stepMs: 200, rssMb: 500 }
    : { firstRowsMs: undefined, stepMs: 150, rssMb: undefined };

interface Start {
  devices: number;
  fromKeptFiles: boolean;
  firstRowsMs: number;
  rssMb: number;
  heapMb: number;
  externalMb: number;
  arrayBuffersMb: number;
  steps: Record<string, number>;
  firstSorts: Record<string, number>;
}

async function syncedDataDir(devices: number, fresh: boolean): Promise<string> {
  const dir = join(tmpdir(), `s1inv-grid-serve-${devices}`);
  if (existsSync(join(dir, 'synced')) && !fresh) return join(dir, 'data');
  rmSync(dir, { recursive: true, force: true });
  const fake = await startServer([
    '--max-old-space-size=16384',
    'scripts/bench/fake-console.ts',
    String(devices),
  ]);
  try {
    const run = measure('sync', fake.url, join(dir, 'data'));
    console.log(
      `  synced ${run.agents.toLocaleString('en')} agents in ${Math.round(run.seconds)} s`,
    );
  } finally {
    fake.child.kill('SIGTERM');
  }
  writeFileSync(join(dir, 'synced'), '');
  return join(dir, 'data');
}

function start(dataDir: string): Start {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', 'dist/bench/grid-serve-runner.js', dataDir, resolve('dist/cli')],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(out) as Start;
}

const met = (ok: boolean) => (ok ? 'met' : 'MISSED');

function print(label: string, run: Start): void {
  const target = targetsFor(run.devices);
  const under = (value: number, limit: number | undefined, unit: string) =>
    limit === undefined ? '' : ` (target < ${limit} ${unit}: ${met(value < limit)})`;
  console.log(`  ${label}: ${run.devices.toLocaleString('en')} devices`);
  console.log(
    `    first rows ${Math.round(run.firstRowsMs)} ms${run.fromKeptFiles ? under(run.firstRowsMs, target.firstRowsMs, 'ms') : ' (the inventory read from the database)'}`,
  );
  console.log(
    `    resident ${run.rssMb} MB once the load is over${under(run.rssMb, target.rssMb, 'MB')}; heap ${run.heapMb} MB, external ${run.externalMb} MB (typed arrays ${run.arrayBuffersMb} MB)`,
  );
  for (const [step, ms] of Object.entries(run.steps)) {
    console.log(`    ${step} ${Math.round(ms)} ms${under(ms, target.stepMs, 'ms')}`);
  }
  console.log(
    `    first sorts: ${Object.entries(run.firstSorts)
      .map(([column, ms]) => `${column} ${Math.round(ms)} ms`)
      .join(', ')}`,
  );
}

/** Both starts of serve's grid over `devices` synced devices, printed with their targets. */
export async function benchGridServe(devices = 1_000_000, fresh = false): Promise<void> {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-cli.ts'], { stdio: 'ignore' });
  buildSync({
    ...nodeBundle,
    entryPoints: { 'grid-serve-runner': 'scripts/bench/grid-serve-runner.ts' },
    outdir: 'dist/bench',
    external: [...(nodeBundle.external ?? []), 'open'],
  });
  console.log(
    `Devices grid as serve holds it, ${devices.toLocaleString('en')} devices from SQLite`,
  );
  const dataDir = await syncedDataDir(devices, fresh);
  const files = gridFilesOf(join(dataDir, 'inventory.sqlite'));
  rmSync(files.columns, { force: true });
  rmSync(files.orders, { force: true });
  print('first start (nothing kept)', start(dataDir));
  print('next start (the columns kept)', start(dataDir));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const devices = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 1_000_000);
  await benchGridServe(devices, process.argv.includes('--fresh'));
}
