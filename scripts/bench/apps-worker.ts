// One measured run of the applications benchmark, in a process of its own so its peak RSS is
// its own (scripts/bench/apps.ts runs them):
//   agents URL DIR          – the agents sync the others start from (not measured)
//   apps-floor URL DIR      – each active agent's applications fetched at the sync's pace and
//                             concurrency, JSON.parse'd and inserted raw: nothing else
//   apps URL DIR            – the product's applications sync
//   risks-floor URL DIR     – the CVE rows walked at the same pace, parsed, inserted raw
//   risks URL DIR           – the product's vulnerabilities walk
//   unpaced URL DIR         – both, at the fake's own pace (the scale benchmark's database)
//   export-apps FILE DIR    – Software Inventory Info (ocsf-ndjson) of what DIR holds
//   export-risks FILE DIR   – Vulnerability Findings (ocsf-ndjson) of what DIR holds
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { request } from 'undici';
import { openDatabase } from '../../electron/adapters/db/database';
import { systemClock } from '../../electron/adapters/platform/clock';
import { RateLimiters } from '../../electron/adapters/sentinelone/rate-limits';
import { PER_AGENT_IN_FLIGHT } from '../../electron/adapters/tuning';
import { runExport } from '../../electron/domains/export/exporter';
import { SyncEngine } from '../../electron/domains/sync/sync-engine';
import type { EntityName } from '../../shared/entities';
import { openStorage } from '../../electron/storage/storage';
import { openBenchConsoles } from './bench-console';

const [mode, url, dir] = process.argv.slice(2) as [string, string, string];
const token = process.env.S1INV_FAKE_TOKEN ?? 'demo-token';
const API = `${url}/web/api/v2.1`;
let started = performance.now();
let items = 0;
let bytes = 0;

async function get(path: string): Promise<string> {
  const response = await request(`${API}${path}`, {
    headers: { authorization: `ApiToken ${token}` },
  });
  const text = await response.body.text();
  bytes += Buffer.byteLength(text);
  return text;
}

function floorDb(): Database.Database {
  mkdirSync(dir, { recursive: true });
  const db = new Database(join(dir, 'floor.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE IF NOT EXISTS raw (id TEXT PRIMARY KEY, json TEXT NOT NULL)');
  return db;
}

/** What the scale benchmark fills its database at: the fake console's own pace, not the API's. */
const UNPACED = { default: { perSecond: 100_000, burst: 1_000 } };

async function productSync(apis: EntityName[], unpaced = false): Promise<void> {
  const { db, storage, consoles } = openBenchConsoles(dir);
  const record =
    storage.consoles.findByName('bench') ?? (await consoles.add({ name: 'bench', url }));
  const engine = new SyncEngine({
    storage,
    clock: systemClock,
    ...(unpaced ? { rateLimits: UNPACED } : {}),
  });
  const result = await engine.sync({ console: record, token, apis });
  await engine.precomputed();
  for (const api of apis) {
    const outcome = result.apis[api]!;
    if (outcome.state !== 'complete') throw new Error(`${api}: ${JSON.stringify(outcome.errors)}`);
    items += outcome.fetched;
  }
  db.close();
}

if (mode === 'agents') {
  await productSync(['agents']);
} else if (mode === 'apps') {
  await productSync(['applications']);
} else if (mode === 'risks') {
  await productSync(['vulnerabilities']);
} else if (mode === 'unpaced') {
  await productSync(['applications', 'vulnerabilities'], true);
} else if (mode === 'apps-floor') {
  // The agents to ask about: the synced inventory's, as the product asks (read, not timed).
  const source = new Database(join(dir, '..', 'agents', 'inventory.sqlite'), { readonly: true });
  const ids = source
    .prepare(
      `SELECT m.agent_id FROM snapshot_members m LEFT JOIN precomputed_agents p ON p.raw_id = m.raw_id
       WHERE m.snapshot_id = (SELECT current_snapshot_id FROM console_state)
         AND COALESCE(p.decommissioned, 0) = 0 ORDER BY m.agent_id`,
    )
    .pluck()
    .all() as string[];
  source.close();
  const db = floorDb();
  const insert = db.prepare('INSERT INTO raw (id, json) VALUES (?, ?)');
  const limiters = new RateLimiters();
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      const body = await limiters.schedule('/agents', () => get(`/agents/applications?ids=${id}`));
      const page = JSON.parse(body) as { data: unknown[] };
      insert.run(id, JSON.stringify(page.data));
      items += page.data.length;
    }
  };
  await Promise.all(Array.from({ length: PER_AGENT_IN_FLIGHT }, worker));
  db.close();
} else if (mode === 'risks-floor') {
  const db = floorDb();
  const insert = db.prepare('INSERT INTO raw (id, json) VALUES (?, ?)');
  const limiters = new RateLimiters();
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({
      sortBy: 'id',
      sortOrder: 'asc',
      limit: '1000',
      ...(cursor ? { cursor } : {}),
    });
    const body = await limiters.schedule('/application-management', () =>
      get(`/application-management/risks?${query}`),
    );
    const page = JSON.parse(body) as {
      data: { id: string }[];
      pagination: { nextCursor: string | null };
    };
    db.transaction(() => {
      for (const row of page.data) insert.run(row.id, JSON.stringify(row));
    })();
    items += page.data.length;
    cursor = page.pagination.nextCursor;
  } while (cursor);
  db.close();
} else if (mode === 'export-apps' || mode === 'export-risks') {
  const db = openDatabase(dir);
  // The export alone: loading the modules is the CLI's start-up, measured by bench:cli.
  started = performance.now();
  const result = await runExport(openStorage(db, systemClock), systemClock, {
    format: 'ocsf-ndjson',
    out: url,
    entity: mode === 'export-apps' ? 'applications' : 'vulnerabilities',
  });
  items = result.records;
  bytes = statSync(url).size;
  db.close();
} else {
  throw new Error(`unknown mode ${mode}`);
}

const seconds = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({
    mode,
    items,
    seconds,
    perSecond: items / seconds,
    bytes,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
