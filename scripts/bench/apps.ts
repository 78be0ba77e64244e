// `npm run bench:apps` (issue 31): installed applications and CVE rows, each against a floor
// measured in the same run — a client that keeps the same pace and only fetches, parses and
// inserts — the database against the JSON the console served, and the two OCSF exports.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { nodeBundle } from '../esbuild-node';
import { startServer } from './sync';

interface Run {
  mode: string;
  items: number;
  seconds: number;
  perSecond: number;
  bytes: number;
  peakRssMb: number;
}

export const TARGETS = {
  apps: 1.1,
  risks: 1.5,
  size: 0.5,
  exportPerSecond: 100_000,
  exportRssMb: 400,
};

/** The worker bundled as the CLI is, so each run measures the code as it ships (not tsx's). */
const RUNNER = 'dist/bench/apps-worker.js';
let built = false;

export function run(mode: string, target: string, dir: string): Run {
  if (!built) {
    buildSync({
      ...nodeBundle,
      entryPoints: { 'apps-worker': 'scripts/bench/apps-worker.ts' },
      outdir: 'dist/bench',
    });
    built = true;
  }
  const out = execFileSync(process.execPath, [RUNNER, mode, target, dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Run;
}

const size = (dir: string) => statSync(join(dir, 'inventory.sqlite')).size;

export async function benchApps(agents = 2_000, appsPerAgent = 150) {
  const fake = await startServer([
    'scripts/bench/fake-console.ts',
    String(agents),
    '0',
    '0',
    String(appsPerAgent),
  ]);
  const base = mkdtempSync(join(tmpdir(), 's1inv-bench-apps-'));
  try {
    const synced = join(base, 'agents');
    run('agents', fake.url, synced);
    const product = join(base, 'product');
    mkdirSync(product);
    copyFileSync(join(synced, 'inventory.sqlite'), join(product, 'inventory.sqlite'));
    const before = size(product);
    const appsFloor = run('apps-floor', fake.url, join(base, 'apps-floor'));
    const apps = run('apps', fake.url, product);
    const risksFloor = run('risks-floor', fake.url, join(base, 'risks-floor'));
    const risks = run('risks', fake.url, product);
    const grown = size(product) - before;
    const served = appsFloor.bytes + risksFloor.bytes;
    const exportApps = run('export-apps', join(base, 'apps.ndjson'), product);
    const exportRisks = run('export-risks', join(base, 'risks.ndjson'), product);
    return {
      agents,
      appsPerAgent,
      appsFloor,
      apps,
      risksFloor,
      risks,
      grown,
      served,
      exportApps,
      exportRisks,
    };
  } finally {
    fake.child.kill('SIGTERM');
    rmSync(base, { recursive: true, force: true });
  }
}

export function printAppsResult(r: Awaited<ReturnType<typeof benchApps>>): void {
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const appsRatio = r.apps.seconds / r.appsFloor.seconds;
  const risksRatio = r.risks.seconds / r.risksFloor.seconds;
  const sizeRatio = r.grown / r.served;
  console.log(
    `applications and vulnerabilities (${r.agents.toLocaleString('en')} agents × ${r.appsPerAgent} applications)`,
  );
  console.log(
    `  applications sync  ${r.apps.seconds.toFixed(1)} s for ${r.apps.items.toLocaleString('en')} devices (${r.appsFloor.items.toLocaleString('en')} applications); paced floor ${r.appsFloor.seconds.toFixed(1)} s: ${appsRatio.toFixed(2)}× (target ≤ ${TARGETS.apps}×: ${verdict(appsRatio <= TARGETS.apps)})`,
  );
  console.log(
    `  vulnerabilities    ${r.risks.seconds.toFixed(2)} s for ${r.risks.items.toLocaleString('en')} rows; paced floor ${r.risksFloor.seconds.toFixed(2)} s: ${risksRatio.toFixed(2)}× (target ≤ ${TARGETS.risks}×: ${verdict(risksRatio <= TARGETS.risks)})`,
  );
  console.log(
    `  database           +${(r.grown / 1e6).toFixed(1)} MB for ${(r.served / 1e6).toFixed(1)} MB of JSON served: ${sizeRatio.toFixed(2)}× (target ≤ ${TARGETS.size}×: ${verdict(sizeRatio <= TARGETS.size)})`,
  );
  for (const [name, e] of [
    ['export 5020', r.exportApps],
    ['export 2002', r.exportRisks],
  ] as const) {
    const ok = e.perSecond >= TARGETS.exportPerSecond && e.peakRssMb < TARGETS.exportRssMb;
    console.log(
      `  ${name}        ${e.items.toLocaleString('en')} records, ${Math.round(e.perSecond).toLocaleString('en')}/s, peak RSS ${Math.round(e.peakRssMb)} MB (target ≥ ${TARGETS.exportPerSecond.toLocaleString('en')}/s and < ${TARGETS.exportRssMb} MB: ${verdict(ok)})`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printAppsResult(
    await benchApps(Number(process.argv[2] ?? 2_000), Number(process.argv[3] ?? 150)),
  );
}
