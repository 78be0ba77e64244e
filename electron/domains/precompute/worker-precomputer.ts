import { availableParallelism } from 'node:os';
import {
  MAP_INLINE_FIRST,
  MAX_WORKER_THREADS,
  WORKER_HEAP_MB,
  WORKER_IDLE_MS,
} from '../../adapters/tuning';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { PrecomputedBatch } from '../../storage/precomputed-batch';
import type { SekoiaSources } from '../../storage/snapshot-record-store';
import { inlinePrecomputer, type Precomputer } from './precomputer';
import type { PrecomputeResults, PrecomputeTask, PrecomputeTaskResult } from './precompute-worker';
import { asBuffer, type PageBytes, type PreparedPage } from './prepare-page';

export interface WorkerPrecomputerOptions {
  threads?: number;
  /**
   * Agents mapped on the calling thread before any worker starts: a worker costs ~0.4 s to
   * start, more than mapping a small fleet takes.
   */
  inlineFirst?: number;
  /** The worker's module; by default the one beside this module (source or bundle). */
  workerUrl?: URL;
}

/**
 * A worker's heap. A page allocates a few megabytes of short-lived objects (parsed agents,
 * mapped records, their JSON): with V8's default young generation they are scavenged several
 * times over and the survivors promoted; at 64 MB most die young (~5% less CPU for the whole
 * sync). A worker keeps nothing between tasks, so its old generation is capped near what one
 * page needs rather than what V8 would let it grow to over a long walk (one per core adds up);
 * 256 MB still holds the largest page a console may send (64 MB) parsed. A page that outgrows
 * it ends its worker, and the sync prepares that page on its own thread (SyncEngine).
 */
const HEAP_LIMITS = {
  maxYoungGenerationSizeMb: WORKER_HEAP_MB.young,
  maxOldGenerationSizeMb: WORKER_HEAP_MB.old,
};

/**
 * Worker threads (a Piscina pool) that map batches while the sync's thread fetches and stores
 * pages, so the rate-limited walk is not slowed by mapping. A worker that dies fails only the
 * batch it held and is replaced; the outputs are a cache, so the caller carries on without it.
 */
export class WorkerPrecomputer implements Precomputer {
  readonly parallelism: number;
  private pool: Piscina<PrecomputeTask, PrecomputeTaskResult> | undefined;
  private inlineLeft: number;
  private closed = false;
  private readonly workerUrl: URL;

  constructor({
    // One per core: the sync's thread waits on the network and SQLite most of the time.
    threads = Math.max(1, Math.min(MAX_WORKER_THREADS, availableParallelism())),
    inlineFirst = MAP_INLINE_FIRST,
    workerUrl = defaultWorkerUrl(),
  }: WorkerPrecomputerOptions = {}) {
    this.parallelism = threads;
    this.inlineLeft = inlineFirst;
    this.workerUrl = workerUrl;
  }

  map(jsons: readonly string[]): Promise<PrecomputedBatch> {
    if (this.closed) return Promise.reject(new Error('the precompute workers were closed'));
    if (this.takeInline(jsons.length)) return inlinePrecomputer.map(jsons);
    return this.run({ kind: 'batch', jsons }).then(withBuffers);
  }

  preparePage(page: PageBytes): Promise<PreparedPage> {
    if (this.closed) return Promise.reject(new Error('the precompute workers were closed'));
    if (this.takeInline(page.spans.length / 2)) return inlinePrecomputer.preparePage(page);
    return this.run({ kind: 'page', page }).then((prepared) => {
      return {
        ...prepared,
        raw: prepared.raw && asBuffer(prepared.raw),
        outputs: withBuffers(prepared.outputs),
      };
    });
  }

  expect(agents: number): void {
    if (this.closed || agents <= this.inlineLeft) return;
    this.inlineLeft = 0;
    // One task per thread that the pool does not have yet: each starts a thread and loads the
    // module, so the first page finds its worker ready.
    const starting = this.parallelism - (this.pool?.threads.length ?? 0);
    for (let i = 0; i < starting; i += 1) void this.run({ kind: 'warm' }).catch(() => undefined);
  }

  private takeInline(count: number): boolean {
    if (this.inlineLeft <= 0) return false;
    this.inlineLeft -= count;
    return true;
  }

  sekoia(sources: SekoiaSources): Promise<string[]> {
    if (this.closed) return Promise.reject(new Error('the precompute workers were closed'));
    return this.run({ kind: 'sekoia', sources });
  }

  private run<T extends PrecomputeTask>(task: T): Promise<PrecomputeResults[T['kind']]> {
    this.pool ??= new Piscina({
      filename: fileURLToPath(this.workerUrl),
      minThreads: 0,
      maxThreads: this.parallelism,
      idleTimeout: WORKER_IDLE_MS,
      resourceLimits: HEAP_LIMITS,
    });
    // The worker answers each kind with its result (precompute-worker.ts, PrecomputeResults).
    return (this.pool.run(task) as Promise<PrecomputeResults[T['kind']]>).catch(
      (error: unknown) => {
        throw this.closed ? new Error('the precompute workers were closed') : error;
      },
    );
  }

  /** The pool's threads, for tests that need to stop one. */
  get threads(): readonly { terminate(): Promise<number> }[] {
    return this.pool?.threads ?? [];
  }

  async close(): Promise<void> {
    this.closed = true;
    // Pending batches fail at once rather than being waited for: the outputs are a cache.
    await this.pool?.destroy();
  }
}

/**
 * From the TypeScript sources (tests, benchmarks) the worker loads through tsx; a bundle that
 * does not name its own worker has a built precompute-worker.js beside this module.
 */
function defaultWorkerUrl(): URL {
  const source = import.meta.url.endsWith('.ts');
  return new URL(
    source ? './precompute-worker-tsx.mjs' : './precompute-worker.js',
    import.meta.url,
  );
}

/** A Buffer crosses the thread boundary as a plain Uint8Array; SQLite binds Buffers. */
function withBuffers(batch: PrecomputedBatch): PrecomputedBatch {
  return {
    ...batch,
    ocsf: batch.ocsf && asBuffer(batch.ocsf),
    rows: batch.rows && asBuffer(batch.rows),
  };
}
