import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../../electron/domains/export/exporter';
import { systemClock } from '../../../electron/adapters/platform/clock';
import { PrecomputeQueue } from '../../../electron/domains/precompute/precompute-queue';
import {
  inlinePrecomputer,
  type Precomputer,
} from '../../../electron/domains/precompute/precomputer';
import { WorkerPrecomputer } from '../../../electron/domains/precompute/worker-precomputer';
import { SnapshotStore } from '../../../electron/storage/snapshot-store';
import { PRECOMPUTE_VERSION, precomputeAgent } from '../../../shared/devices/precomputed';
import { precomputeBatch } from '../../../electron/domains/precompute/precompute-batch';
import {
  asBuffer,
  preparePage,
  type PageBytes,
} from '../../../electron/domains/precompute/prepare-page';
import { CHUNK_CODEC, decompressChunk } from '../../../electron/storage/chunk-store';
import { knownHashes } from '../../../electron/domains/precompute/known-hashes';
import { sekoiaRecordsOf } from '../../../electron/storage/snapshot-record-store';
import { generateAgent } from '../../support/generate/agents';
import {
  FAST_LIMITS,
  FAST_RETRY,
  startSyncFixture,
  SYNC_TOKEN,
  type SyncFixture,
} from '../../support/sync-fixture';
import { SyncEngine } from '../../../electron/domains/sync/sync-engine';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
let f: SyncFixture;
const AGENTS = 150;
const FORMATS = ['ocsf-ndjson', 'sekoia-json', 'csv', 'ocsf-json'] as const;

beforeAll(async () => {
  f = await startSyncFixture(fs.mkdtempSync('/tmp/s1inv-precompute-'), {
    agents: AGENTS,
    threats: 0,
    activities: 0,
  });
  // One agent Sekoia refuses (no hostname): it must be skipped the same way on both paths.
  f.s1.put(f.s1.agents, [{ ...generateAgent(9_000), computerName: '' }]);
  await f.engine.sync({ console: f.record, token: SYNC_TOKEN, apis: ['agents'] });
  await f.engine.precomputed();
});
afterAll(async () => {
  await f.close();
  fs.rmSync(f.dataDir, { recursive: true, force: true });
});

const broken: Precomputer = {
  parallelism: 1,
  map: () => Promise.reject(new Error('worker died')),
  expect: () => undefined,
  preparePage: () => Promise.reject(new Error('worker died')),
  sekoia: () => Promise.reject(new Error('worker died')),
  close: () => Promise.resolve(),
};

const snapshotId = () => new SnapshotStore(f.db).current(f.record.id)!.id;
const stored = (version = PRECOMPUTE_VERSION) =>
  f.db
    .prepare('SELECT COUNT(*) FROM precomputed_agents WHERE version = ?')
    .pluck()
    .get(version) as number;
const exportHashes = async () =>
  Object.fromEntries(
    await Promise.all(
      FORMATS.map(async (format) => {
        const out = join(tempDir(), `export.${format}`);
        const result = await runExport(f.storage, systemClock, { format, out });
        const bytes = fs.readFileSync(out);
        return [
          format,
          { sha: createHash('sha256').update(bytes).digest('hex'), n: result.records },
        ];
      }),
    ),
  );

describe('precomputed outputs', () => {
  it('are stored for every agent of the current snapshot once the sync has been prepared', async () => {
    expect(stored()).toBe(AGENTS + 1);
  });

  it('give byte-identical exports to mapping on the fly, and stale versions are ignored', async () => {
    const fromStore = await exportHashes();
    expect(fromStore['ocsf-ndjson']!.n).toBe(AGENTS + 1);
    // Sekoia refuses agents without a hostname: the one added, and any the generator made.
    expect(fromStore['sekoia-json']!.n).toBeLessThanOrEqual(AGENTS);

    f.db.exec('DELETE FROM precomputed_agents');
    expect(await exportHashes()).toEqual(fromStore);

    // Rows of another mapper version hold garbage here: reads must not use them.
    f.db
      .prepare(
        `INSERT INTO precomputed_agents (raw_id, version, device_row, ocsf, sekoia)
         SELECT raw_id, ?, '{"x":1}', '{"x":1}', '{"x":1}' FROM snapshot_members WHERE snapshot_id = ?`,
      )
      .run(PRECOMPUTE_VERSION - 1, snapshotId());
    expect(await exportHashes()).toEqual(fromStore);

    const queue = new PrecomputeQueue(f.storage.precomputed, inlinePrecomputer);
    await queue.fill(snapshotId());
    expect(stored()).toBe(AGENTS + 1);
    expect(stored(PRECOMPUTE_VERSION - 1)).toBe(0);
    expect(await exportHashes()).toEqual(fromStore);
  });

  it('a precomputer that fails leaves nothing stored and the exports whole', async () => {
    const before = await exportHashes();
    f.db.exec('DELETE FROM precomputed_agents');
    const queue = new PrecomputeQueue(f.storage.precomputed, broken);
    await queue.fill(snapshotId());
    expect(queue.failedBatches).toBeGreaterThan(0);
    expect(stored()).toBe(0);
    expect(await exportHashes()).toEqual(before);
  });
});

describe('a sync whose workers fail', () => {
  it('prepares its pages on its own thread and loses nothing', async () => {
    const exported = await exportHashes();
    const engine = new SyncEngine({
      storage: f.storage,
      clock: systemClock,
      retryPolicy: FAST_RETRY,
      rateLimits: FAST_LIMITS,
      precomputer: broken,
    });
    f.s1.put(f.s1.agents, [{ ...generateAgent(3), agentVersion: '99.0.0.1' }]);
    const result = await engine.sync({ console: f.record, token: SYNC_TOKEN, apis: ['agents'] });
    expect(result.apis.agents).toMatchObject({ complete: true, fetched: AGENTS + 1 });
    const current = new SnapshotStore(f.db).current(f.record.id)!;
    expect(current.agentCount).toBe(AGENTS + 1);
    expect(new SnapshotStore(f.db).agentJson(current.id, generateAgent(3).id as string)).toContain(
      '99.0.0.1',
    );
    expect((await exportHashes())['ocsf-ndjson']).not.toEqual(exported['ocsf-ndjson']);
  });
});

describe('a sync of a fleet that barely changed', () => {
  it('maps only the agents that changed, and its outputs equal mapping every agent anew', async () => {
    await f.engine.sync({ console: f.record, token: SYNC_TOKEN, apis: ['agents'] });
    await f.engine.precomputed();
    f.s1.put(
      f.s1.agents,
      Array.from({ length: 5 }, (_, i) => ({
        ...generateAgent(i * 7),
        agentVersion: `98.0.0.${i}`,
      })),
    );
    let mapped = 0;
    let known = 0;
    const counting: Precomputer = {
      ...inlinePrecomputer,
      preparePage: async (page) => {
        const prepared = await inlinePrecomputer.preparePage(page);
        mapped += prepared.outputs.entries.length;
        known += prepared.elements.filter((e) => e.ok && e.known).length;
        return prepared;
      },
    };
    const engine = new SyncEngine({
      storage: f.storage,
      clock: systemClock,
      retryPolicy: FAST_RETRY,
      rateLimits: FAST_LIMITS,
      precomputer: counting,
    });
    const result = await engine.sync({ console: f.record, token: SYNC_TOKEN, apis: ['agents'] });
    await engine.precomputed();
    expect(result.apis.agents).toMatchObject({ complete: true, fetched: AGENTS + 1 });
    expect({ mapped, known }).toEqual({ mapped: 5, known: AGENTS + 1 - 5 });
    const fromStore = await exportHashes();
    f.db.exec('DELETE FROM precomputed_agents');
    expect(await exportHashes()).toEqual(fromStore);
    expect(fromStore['ocsf-ndjson']!.n).toBe(AGENTS + 1);
  });
});

describe('WorkerPrecomputer', () => {
  it('maps on worker threads exactly as on this thread', async () => {
    const jsons = Array.from({ length: 80 }, (_, i) => JSON.stringify(generateAgent(i)));
    jsons.push('{"no":"id"}', 'not json');
    const workers = new WorkerPrecomputer({ threads: 2, inlineFirst: 0 });
    try {
      const [a, b] = await Promise.all([
        workers.map(jsons.slice(0, 40)),
        workers.map(jsons.slice(40)),
      ]);
      expect(a).toEqual(precomputeBatch(jsons.slice(0, 40)));
      expect(b).toEqual(precomputeBatch(jsons.slice(40)));
      expect(b.entries.at(-1)).toEqual({ ok: false, reason: 'not JSON' });
      expect(b.entries.at(-2)).toMatchObject({ ok: false });
    } finally {
      await workers.close();
    }
  });

  it('prepares a page of the walk on a worker exactly as on this thread, bad elements named', async () => {
    const elements: (string | Buffer)[] = Array.from({ length: 30 }, (_, i) =>
      JSON.stringify(generateAgent(i)),
    );
    // Invalid UTF-8 arrives as its bytes; it is kept exactly and still read as an agent.
    elements.push(
      Buffer.concat([
        Buffer.from('{"id":"77","computerName":"caf'),
        Buffer.from([0xff, 0x22, 0x7d]),
      ]),
    );
    elements.push('{"no":"id"}', '[1]', 'not json');
    const workers = new WorkerPrecomputer({ threads: 1, inlineFirst: 0 });
    try {
      const onWorker = await workers.preparePage(pageBytesOf(elements));
      const here = preparePage(pageBytesOf(elements));
      expect(onWorker).toEqual({ ...here, hashes: expect.any(Uint8Array) });
      expect(Buffer.from(onWorker.hashes)).toEqual(Buffer.from(here.hashes));
      expect(onWorker.elements.slice(-3)).toEqual([
        { ok: false, reason: 'no string "id"' },
        { ok: false, reason: 'not a JSON object' },
        { ok: false, reason: 'not a JSON object' },
      ]);
      // The raw chunk gives back each accepted element's exact bytes, in order.
      const raw = decompressChunk(asBuffer(onWorker.raw!), CHUNK_CODEC.brotli);
      const accepted = onWorker.elements.flatMap((e) => (e.ok ? [e] : []));
      expect(accepted).toHaveLength(31);
      expect(raw.subarray(accepted[30]!.at, accepted[30]!.at + accepted[30]!.length)).toEqual(
        elements[30],
      );
      expect(accepted[30]!.agentId).toBe('77');
      expect(onWorker.outputs.entries).toHaveLength(31);
    } finally {
      await workers.close();
    }
  });

  it('skips all but the id and hash of an element the walk knows, on a worker as on this thread', async () => {
    const elements = Array.from({ length: 30 }, (_, i) => JSON.stringify(generateAgent(i)));
    const sha = (text: string) => createHash('sha256').update(text).digest();
    const known = knownHashes(elements.slice(0, 10).map(sha), 10)!;
    const page = { ...pageBytesOf(elements), known };
    const workers = new WorkerPrecomputer({ threads: 1, inlineFirst: 0 });
    try {
      const onWorker = await workers.preparePage(page);
      const here = preparePage(page);
      expect(onWorker).toEqual({ ...here, hashes: expect.any(Uint8Array) });
      // Every accepted element still has its id and hash; the known ones have nothing else.
      expect(Buffer.from(onWorker.hashes)).toEqual(Buffer.concat(elements.map(sha)));
      expect(onWorker.elements.map((e) => e.ok && e.known === true)).toEqual(
        elements.map((_, i) => i < 10),
      );
      expect(onWorker.elements.map((e) => e.ok && e.agentId)).toEqual(
        elements.map((e) => (JSON.parse(e) as { id: string }).id),
      );
      expect(onWorker.outputs.entries).toHaveLength(20);
      expect(onWorker.outputs).toEqual(precomputeBatchOfPage(elements.slice(10)));
      const raw = decompressChunk(asBuffer(onWorker.raw!), CHUNK_CODEC.brotli);
      expect(raw.toString('utf8')).toBe(elements.slice(10).join(''));
    } finally {
      await workers.close();
    }
  });

  it("maps a push batch's Sekoia records on worker threads exactly as on this thread", async () => {
    const jsons = Array.from({ length: 50 }, (_, i) => JSON.stringify(generateAgent(i)));
    jsons.push(JSON.stringify({ ...generateAgent(99), computerName: '' }), 'not json');
    const sources = { readAtMs: Date.UTC(2026, 10, 30), jsons };
    const workers = new WorkerPrecomputer({ threads: 1, inlineFirst: 0 });
    try {
      const mapped = await workers.sekoia(sources);
      expect(mapped).toEqual(sekoiaRecordsOf(sources));
      // Those Sekoia refuses (no hostname, not JSON) are left out on both threads alike.
      expect(mapped.length).toBeGreaterThan(40);
      expect(mapped.length).toBeLessThan(jsons.length);
    } finally {
      await workers.close();
    }
  });

  it('fails pending and later batches once closed, rather than hanging', async () => {
    const workers = new WorkerPrecomputer({ threads: 1, inlineFirst: 0 });
    const pending = workers.map([JSON.stringify(generateAgent(1))]);
    const outcome = pending.then(
      () => 'resolved',
      (error: Error) => error.message,
    );
    await workers.close();
    expect(await outcome).toMatch(/closed/);
    await expect(workers.map(['{}'])).rejects.toThrow(/closed/);
  });

  it('starts its threads when told a big fleet is coming, and maps a small one inline', async () => {
    const big = new WorkerPrecomputer({ threads: 2, inlineFirst: 5_000 });
    const small = new WorkerPrecomputer({ threads: 2, inlineFirst: 5_000 });
    try {
      big.expect(100_000);
      small.expect(4_000);
      // The big fleet's threads start before any page arrives; the small one starts none.
      await expect.poll(() => big.threads.length).toBe(2);
      const page = pageBytesOf([JSON.stringify(generateAgent(1))]);
      expect(await big.preparePage(page)).toEqual(preparePage(page));
      expect(await small.preparePage(page)).toEqual(preparePage(page));
      expect(small.threads).toHaveLength(0);
    } finally {
      await Promise.all([big.close(), small.close()]);
    }
  });
});

describe('WorkerPrecomputer when a worker dies', () => {
  it('settles every batch when a worker dies in the middle of one, and keeps working', async () => {
    const jsons = Array.from({ length: 500 }, (_, i) => JSON.stringify(generateAgent(i)));
    const workers = new WorkerPrecomputer({
      threads: 2,
      inlineFirst: 0,
      workerUrl: new URL('../../support/workers/dying-precompute-worker.mjs', import.meta.url),
    });
    try {
      const batches = [jsons, ['DIE', ...jsons], jsons, jsons].map((batch) => workers.map(batch));
      const outcomes = await Promise.allSettled(batches);
      expect(outcomes.map((o) => o.status)).toEqual([
        'fulfilled',
        'rejected',
        'fulfilled',
        'fulfilled',
      ]);
      for (const outcome of outcomes) {
        if (outcome.status === 'fulfilled') expect(outcome.value).toEqual(precomputeBatch(jsons));
      }
      // The pool replaced the dead worker.
      expect(await workers.map(jsons.slice(0, 3))).toEqual(precomputeBatch(jsons.slice(0, 3)));
    } finally {
      await workers.close();
    }
  });

  it('runs the bundled worker that ships beside the CLI', async () => {
    const workers = new WorkerPrecomputer({
      threads: 1,
      inlineFirst: 0,
      workerUrl: new URL('../../../dist/cli/precompute-worker.js', import.meta.url),
    });
    try {
      const jsons = [JSON.stringify(generateAgent(7)), 'not json'];
      expect(await workers.map(jsons)).toEqual(precomputeBatch(jsons));
    } finally {
      await workers.close();
    }
  });
});

describe('PRECOMPUTE_VERSION', () => {
  it('is bumped whenever the stored outputs change', async () => {
    // If this fails, the mapper, the Sekoia dialect or the device row changed: stored outputs
    // of the old version would be served as current. Bump PRECOMPUTE_VERSION, then update both.
    const outputs = Array.from({ length: 60 }, (_, i) =>
      precomputeAgent(JSON.stringify(generateAgent(i, { nowMs: Date.UTC(2026, 0, 1) }))),
    );
    const fingerprint = createHash('sha256').update(JSON.stringify(outputs)).digest('hex');
    expect({ version: PRECOMPUTE_VERSION, fingerprint }).toEqual({
      // 2: Sekoia records without a group send no groups; osType "unknown" is OCSF 0.
      // 3: "true"/"false" and decimal counts in strings are coerced, not dropped.
      // 4: the Sekoia record is no longer stored (mapped as it is sent); OCSF goes in chunks.
      // 5, 6: the device row gains the serial number, the MACs and the network status.
      // 7: device rows go in chunks, and whether the device is decommissioned is stored apart.
      version: 7,
      fingerprint: '1651578013264d01b6c28b3f9228055345f9999712f8e755fe9806042dfa6ad8',
    });
  });
});

/** A page of elements as the walk hands it over: the bytes end to end, and where each lies. */
/** The outputs a page of these elements gets, none of them known. */
function precomputeBatchOfPage(elements: readonly string[]) {
  return preparePage(pageBytesOf(elements)).outputs;
}

export function pageBytesOf(elements: readonly (string | Uint8Array)[]): PageBytes {
  const parts = elements.map((element) =>
    typeof element === 'string' ? Buffer.from(element, 'utf8') : asBuffer(element),
  );
  const spans = new Uint32Array(parts.length * 2);
  let at = 0;
  parts.forEach((part, i) => {
    spans[2 * i] = at;
    spans[2 * i + 1] = at += part.length;
  });
  return { body: Buffer.concat(parts, at), spans };
}
