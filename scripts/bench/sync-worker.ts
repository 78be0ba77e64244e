// One measured run, in a process of its own so its peak RSS is its own:
//   floor URL DIR   – the same pages fetched, JSON.parse'd and inserted raw, nothing else
//   floor-paced URL DIR – the floor, its requests paced as the API asks of any client (and the
//                     sync does): /agents at 25 requests per second
//   bare FILE DIR   – the agents the floor stored in DIR, mapped to OCSF and written as ndjson
//   devices - DIR   – `s1inv devices --json` of the inventory synced into DIR, output dropped
//   sync  URL DIR   – the product's agents sync
//   resync URL DIR  – the same sync again, into the inventory synced into DIR before
//   export FILE DIR – an ocsf-ndjson export of the inventory synced into DIR
//   export-FORMAT FILE DIR – the same export in another format (export-xlsx)
//   push URL DIR    – a push of the inventory synced into DIR to a fake Sekoia at URL
import { closeSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { openStorage } from '../../electron/storage/storage';
import { mapAgentToOcsf } from '../../shared/ocsf/mapper';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { request } from 'undici';
import { openDatabase } from '../../electron/adapters/db/database';
import { systemClock } from '../../electron/adapters/platform/clock';
import { WorkerPrecomputer } from '../../electron/domains/precompute/worker-precomputer';
import { SyncEngine } from '../../electron/domains/sync/sync-engine';
import { runExport } from '../../electron/domains/export/exporter';
import { Pusher } from '../../electron/domains/push/pusher';
import { sekoiaDestination } from '../../electron/domains/sekoia/sekoia-destination';
import { SekoiaTargets } from '../../electron/domains/sekoia/sekoia-targets';
import { MemorySecretStore } from '../../test/support/memory-secret-store';
import { openBenchConsoles } from './bench-console';
import { RateLimiters } from '../../electron/adapters/sentinelone/rate-limits';

const [mode, url, dir] = process.argv.slice(2) as [string, string, string];
/**
 * The worker as it ships (bundled beside the CLI by `npm run build:cli`), not the tsx one. The
 * benchmarks run from the repository's root, and this script from source or from its bundle.
 */
const SHIPPED_WORKER = pathToFileURL(resolve('dist/cli/precompute-worker.js'));
const token = process.env.S1INV_FAKE_TOKEN ?? 'demo-token';
const started = performance.now();
let agents = 0;
/** floor: the bytes of agent JSON the console served; sync: the database's size after it. */
let bytes: number | undefined;
/** When the sync returned: its snapshot is the current inventory from then on. */
let synced: number | undefined;
/** When everything export, push and the grid read was stored too: the whole sync command. */
let ready: number | undefined;

if (mode === 'push') {
  const db = openDatabase(dir);
  const storage = openStorage(db, systemClock);
  const targets = new SekoiaTargets(storage.pushTargets, new MemorySecretStore(), systemClock);
  const target = await targets.add({
    name: 'bench',
    connectorUuid: '00000000-0000-4000-8000-000000000000',
    baseUrl: url,
  });
  const workers = new WorkerPrecomputer({ workerUrl: SHIPPED_WORKER });
  const destination = sekoiaDestination(target, 'bench-key', workers);
  const result = await new Pusher(storage, systemClock, target.id, destination).push();
  await workers.close();
  if (result.state !== 'complete') throw new Error(`push failed: ${result.message}`);
  agents = result.deliveredItems;
  db.close();
} else if (mode === 'export' || mode.startsWith('export-')) {
  const db = openDatabase(dir);
  const result = await runExport(openStorage(db, systemClock), systemClock, {
    format: mode === 'export' ? 'ocsf-ndjson' : mode.slice('export-'.length),
    out: url,
  });
  agents = result.records;
  db.close();
} else if (mode === 'devices') {
  // The CLI in this process, so its peak RSS is this process's; the output is counted, not kept.
  const { runCli } = await import('../../electron/hosts/cli/main');
  const code = await runCli(
    ['--data-dir', dir, 'devices', '--json'],
    {
      stdout: (data) => {
        const text = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
        for (let at = text.indexOf('"agentId":'); at >= 0; at = text.indexOf('"agentId":', at + 1))
          agents += 1;
      },
      stderr: (text) => void process.stderr.write(text),
      readStdin: () => Promise.resolve(''),
      stdinIsTty: false,
      stderrIsTty: false,
      env: process.env,
    },
    {},
  );
  if (code !== 0) throw new Error(`s1inv devices exited ${code}`);
} else if (mode === 'bare') {
  // The least any product could do to hand the same agents on as OCSF: map, stringify, write.
  const db = new Database(join(dir, 'floor.sqlite'), { readonly: true });
  const fd = openSync(url, 'w');
  let pending: string[] = [];
  const readAt = Date.now();
  for (const json of db.prepare('SELECT json FROM raw').pluck().iterate() as Iterable<string>) {
    const mapped = mapAgentToOcsf(JSON.parse(json), { readTimeMs: readAt });
    if (mapped.ok) pending.push(JSON.stringify(mapped.value.record));
    agents += 1;
    if (pending.length === 1000) {
      writeSync(fd, `${pending.join('\n')}\n`);
      pending = [];
    }
  }
  if (pending.length > 0) writeSync(fd, `${pending.join('\n')}\n`);
  closeSync(fd);
  db.close();
} else if (mode === 'floor' || mode === 'floor-paced') {
  const limiters = new RateLimiters();
  const paced = <T>(task: () => Promise<T>) =>
    mode === 'floor-paced' ? limiters.schedule('/agents', task) : task();
  mkdirSync(dir, { recursive: true });
  const db = new Database(join(dir, 'floor.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE raw (id TEXT PRIMARY KEY, json TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO raw (id, json) VALUES (?, ?)');
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({
      isDecommissioned: 'true,false',
      sortBy: 'id',
      sortOrder: 'asc',
      limit: '1000',
      ...(cursor ? { cursor } : {}),
    });
    const body = await paced(async () => {
      const response = await request(`${url}/web/api/v2.1/agents?${query}`, {
        headers: { authorization: `ApiToken ${token}` },
      });
      return response.body.text();
    });
    const page = JSON.parse(body) as {
      data: { id: string }[];
      pagination: { nextCursor: string | null };
    };
    let served = 0;
    db.transaction(() => {
      for (const agent of page.data) {
        const json = JSON.stringify(agent);
        served += Buffer.byteLength(json);
        insert.run(agent.id, json);
      }
    })();
    bytes = (bytes ?? 0) + served;
    agents += page.data.length;
    cursor = page.pagination.nextCursor;
  } while (cursor);
  db.close();
} else {
  const { db, storage, consoles } = openBenchConsoles(dir);
  const record =
    mode === 'resync'
      ? consoles.get('bench')
      : await consoles.add({ name: 'bench', url, apis: ['agents'] });
  const precomputer = new WorkerPrecomputer({ workerUrl: SHIPPED_WORKER });
  const engine = new SyncEngine({ storage, clock: systemClock, precomputer });
  const result = await engine.sync({
    console: record,
    token,
    apis: ['agents'],
  });
  if (!result.apis.agents?.complete) throw new Error(`sync incomplete: ${JSON.stringify(result)}`);
  agents = result.apis.agents.fetched;
  synced = performance.now();
  await engine.precomputed();
  ready = performance.now();
  await precomputer.close();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  bytes = statSync(join(dir, 'inventory.sqlite')).size;
}

const ended = performance.now();
const cpu = process.cpuUsage();
const seconds = ((synced ?? ended) - started) / 1000;
console.log(
  JSON.stringify({
    mode,
    agents,
    seconds,
    agentsPerSecond: Math.round(agents / seconds),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    ...(bytes === undefined ? {} : { bytes }),
    ...(ready === undefined ? {} : { precomputedSeconds: (ready - started) / 1000 }),
  }),
);
