// `npm run bench:apps:scale` (issue 31): the two OCSF exports at 100,000 agents × 150
// applications, outside CI — the 5020 and 2002 exports' records per second and peak RSS at the
// scale the issue names. The database is filled at the fake console's own pace (the paced
// syncs are `bench:apps`'s: at 25 requests/s this fleet's applications walk takes over an
// hour). Takes ~7 minutes and ~8 GB of memory for the fake console.
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, TARGETS } from './apps';
import { startServer } from './sync';

const agents = Number(process.argv[2] ?? 100_000);
const appsPerAgent = Number(process.argv[3] ?? 150);
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

const fake = await startServer([
  '--max-old-space-size=16384',
  'scripts/bench/fake-console.ts',
  String(agents),
  '0',
  '0',
  String(appsPerAgent),
]);
const base = mkdtempSync(join(tmpdir(), 's1inv-bench-apps-scale-'));
try {
  const product = join(base, 'product');
  mkdirSync(product);
  run('agents', fake.url, product);
  const filled = run('unpaced', fake.url, product);
  fake.child.kill('SIGTERM');
  const size = statSync(join(product, 'inventory.sqlite')).size;
  console.log(
    `applications and vulnerabilities at scale (${agents.toLocaleString('en')} agents × ${appsPerAgent} applications)`,
  );
  console.log(
    `  database filled in ${filled.seconds.toFixed(0)} s (unpaced): ${(size / 1e9).toFixed(2)} GB`,
  );
  for (const [name, mode] of [
    ['export 5020', 'export-apps'],
    ['export 2002', 'export-risks'],
  ] as const) {
    const file = join(base, `${mode}.ndjson`);
    const e = run(mode, file, product);
    rmSync(file, { force: true });
    const ok = e.perSecond >= TARGETS.exportPerSecond && e.peakRssMb < TARGETS.exportRssMb;
    console.log(
      `  ${name}  ${e.items.toLocaleString('en')} records in ${e.seconds.toFixed(1)} s, ${Math.round(e.perSecond).toLocaleString('en')}/s, ${(e.bytes / 1e9).toFixed(2)} GB, peak RSS ${Math.round(e.peakRssMb)} MB (target ≥ ${TARGETS.exportPerSecond.toLocaleString('en')}/s and < ${TARGETS.exportRssMb} MB: ${verdict(ok)})`,
    );
  }
} finally {
  fake.child.kill('SIGTERM');
  rmSync(base, { recursive: true, force: true });
}
