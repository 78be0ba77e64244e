// `npm run bench:scale` (issue 14, target 4): a 1,000,000-agent fleet from the fake console.
// The sync completes with peak RSS < 1 GB within 11× the 100,000-agent sync of the same run, and so
// does the same sync again; `export` and `devices --json` stream the million with peak RSS < 400 MB.
// Takes minutes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, startServer } from './sync';

const LARGE = Number(process.argv[2] ?? 1_000_000);
const SMALL = LARGE / 10;

const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
const dir = mkdtempSync(join(tmpdir(), 's1inv-scale-'));

/** A sync of a fleet into a new data directory, and, if asked, the same sync again. */
async function syncOf(agents: number, into: string, again = false) {
  // The fake holds the whole fleet as objects and text: give it the heap for a million.
  const fake = await startServer([
    '--max-old-space-size=16384',
    'scripts/bench/fake-console.ts',
    String(agents),
  ]);
  try {
    const first = measure('sync', fake.url, into);
    return { first, again: again ? measure('resync', fake.url, into) : undefined };
  } finally {
    fake.child.kill('SIGTERM');
  }
}

try {
  const small = (await syncOf(SMALL, join(dir, 'small'))).first;
  const { first: large, again: resynced } = await syncOf(LARGE, join(dir, 'large'), true);
  const exported = measure('export', join(dir, 'export.ndjson'), join(dir, 'large'));
  rmSync(join(dir, 'export.ndjson'), { force: true });
  const devices = measure('devices', '-', join(dir, 'large'));

  const seconds = (run: typeof small) => run.precomputedSeconds ?? run.seconds;
  const ratio = seconds(large) / seconds(small);
  console.log(`scale: ${LARGE.toLocaleString('en')} agents from the fake console`);
  console.log(
    `  sync ${SMALL.toLocaleString('en')}: ${seconds(small).toFixed(1)} s; sync ${LARGE.toLocaleString('en')}: ${seconds(large).toFixed(1)} s = ${ratio.toFixed(1)}× (target ≤ 11×: ${verdict(ratio <= 11)}), peak RSS ${large.peakRssMb} MB (target < 1,024 MB: ${verdict(large.peakRssMb < 1024)}), database ${Math.round((large.bytes ?? 0) / 1e6)} MB`,
  );
  console.log(
    `  the same sync again, nothing changed: ${seconds(resynced!).toFixed(1)} s, CPU ${resynced!.cpuSeconds.toFixed(1)} s (first: ${large.cpuSeconds.toFixed(1)} s), peak RSS ${resynced!.peakRssMb} MB (target < 1,024 MB: ${verdict(resynced!.peakRssMb < 1024)})`,
  );
  console.log(
    `  export --format ocsf-ndjson: ${exported.agents.toLocaleString('en')} records in ${exported.seconds.toFixed(1)} s, peak RSS ${exported.peakRssMb} MB (target < 400 MB: ${verdict(exported.peakRssMb < 400)})`,
  );
  console.log(
    `  devices --json: ${devices.agents.toLocaleString('en')} devices in ${devices.seconds.toFixed(1)} s, peak RSS ${devices.peakRssMb} MB (target < 400 MB: ${verdict(devices.peakRssMb < 400)})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
