import { precomputeAgent, type PrecomputedAgent } from '../../../shared/devices/precomputed';
import { compressChunk } from '../../storage/chunk-store';
import type { PrecomputedBatch, PrecomputedEntry } from '../../storage/precomputed-batch';

/**
 * Maps a batch of raw agents (one page, as the sync stored it) and compresses their OCSF
 * records together, and their device rows together: a page of them compresses ~7× (OCSF
 * records ~11×) where one alone barely does, and a reader of rows (the grid) decompresses no
 * OCSF.
 */
export function precomputeBatch(jsons: readonly string[]): PrecomputedBatch {
  const packer = new BatchPacker();
  for (const json of jsons) packer.add(precomputeAgent(json));
  return packer.finish();
}

/**
 * Packs agents' outputs into a batch as they are mapped, one at a time: each text goes straight
 * into its chunk's bytes, so a page's mapped agents never pile up as objects a collection would
 * have to copy (they die young), and no Buffer is made per text.
 */
export class BatchPacker {
  private readonly entries: PrecomputedEntry[] = [];
  private readonly ocsf = new TextSink(ocsfScratch);
  private readonly rows = new TextSink(rowScratch);

  add(result: PrecomputedAgent): void {
    if (!result.ok) {
      this.entries.push(result);
      return;
    }
    const [ocsfAt, ocsfLen] = this.ocsf.add(result.ocsf);
    const [rowAt, rowLen] = this.rows.add(result.deviceRow);
    const { sekoiaSkip, decommissioned } = result;
    this.entries.push({ ok: true, sekoiaSkip, decommissioned, ocsfAt, ocsfLen, rowAt, rowLen });
  }

  finish(): PrecomputedBatch {
    const mapped = this.entries.some((entry) => entry.ok);
    return { entries: this.entries, ocsf: this.ocsf.close(mapped), rows: this.rows.close(mapped) };
  }
}

/** A buffer kept for the thread's next batch: grown when a batch needs more, never shrunk. */
interface Scratch {
  bytes: Buffer;
  inUse: boolean;
}
const utf8 = new TextEncoder();
const ocsfScratch: Scratch = { bytes: Buffer.alloc(0), inUse: false };
const rowScratch: Scratch = { bytes: Buffer.alloc(0), inUse: false };

/**
 * Texts written end to end into a scratch buffer (UTF-8), then compressed as one chunk. A sink
 * takes the thread's scratch buffer while it is free (batches are packed one at a time, within
 * one synchronous call), else one of its own.
 */
class TextSink {
  private used = 0;
  private readonly scratch: Scratch;

  constructor(shared: Scratch) {
    this.scratch = shared.inUse ? { bytes: Buffer.alloc(0), inUse: true } : shared;
    this.scratch.inUse = true;
  }

  /** Where the text lies in the chunk, decompressed: [offset, length in bytes]. */
  add(text: string): [number, number] {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    this.reserve(text.length * 3);
    const at = this.used;
    // encodeInto writes UTF-8 ~2× faster than Buffer#write does.
    const { written: length } = utf8.encodeInto(text, this.scratch.bytes.subarray(at));
    this.used += length;
    return [at, length];
  }

  /** The texts as one compressed chunk (or none), and the scratch buffer free again. */
  close(compress: boolean): Buffer | null {
    const bytes = this.scratch.bytes.subarray(0, this.used);
    const chunk = compress ? compressChunk(bytes) : null;
    this.scratch.inUse = false;
    return chunk;
  }

  private reserve(more: number): void {
    const { bytes } = this.scratch;
    if (this.used + more <= bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(2 * bytes.length, this.used + more, 1 << 20));
    bytes.copy(grown, 0, 0, this.used);
    this.scratch.bytes = grown;
  }
}
