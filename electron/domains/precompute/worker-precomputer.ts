import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PrecomputedAgent } from '../../../shared/devices/precomputed';
import type { PrecomputeRequest } from './precompute-worker';
import { inlinePrecomputer, type Precomputer } from './precomputer';

interface Pending {
  worker: Worker;
  resolve: (results: PrecomputedAgent[]) => void;
  reject: (error: Error) => void;
}

/**
 * Worker threads that map batches while the sync's thread fetches and stores pages, so the
 * rate-limited walk is not slowed by mapping. Batches go round-robin; a worker that dies
 * fails its batches (the outputs are a cache, so the caller carries on without them).
 */
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

export class WorkerPrecomputer implements Precomputer {
  readonly parallelism: number;
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private inlineLeft: number;
  private closed = false;
  private readonly workerUrl: URL;

  constructor({
    threads = Math.max(1, Math.min(3, availableParallelism() - 1)),
    inlineFirst = 5_000,
    workerUrl = defaultWorkerUrl(),
  }: WorkerPrecomputerOptions = {}) {
    this.parallelism = threads;
    this.inlineLeft = inlineFirst;
    this.workerUrl = workerUrl;
  }

  map(jsons: readonly string[]): Promise<PrecomputedAgent[]> {
    if (this.closed) return Promise.reject(new Error('the precompute workers were closed'));
    if (this.inlineLeft > 0) {
      this.inlineLeft -= jsons.length;
      return inlinePrecomputer.map(jsons);
    }
    if (this.workers.length === 0) {
      for (let i = 0; i < this.parallelism; i += 1) this.workers.push(this.spawn());
    }
    const id = (this.nextId += 1);
    const worker = this.workers[id % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker });
      // Referenced only while it owes an answer: an idle pool never keeps a process alive.
      worker.ref();
      worker.postMessage({ id, jsons } satisfies PrecomputeRequest);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.failAll(new Error('the precompute workers were closed'));
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private spawn(): Worker {
    const worker = new Worker(this.workerUrl);
    worker.unref();
    worker.on('message', ({ id, results }: { id: number; results: PrecomputedAgent[] }) => {
      this.pending.get(id)?.resolve(results);
      this.pending.delete(id);
      if (![...this.pending.values()].some((p) => p.worker === worker)) worker.unref();
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => this.failAll(new Error('a precompute worker exited')));
    return worker;
  }

  private failAll(error: Error): void {
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
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
