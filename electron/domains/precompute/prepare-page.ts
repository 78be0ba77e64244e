import { hash } from 'node:crypto';
import { precomputeParsed } from '../../../shared/devices/precomputed';
import { isPlainObject } from '../../../shared/lenient';
import { compressParts } from '../../storage/chunk-store';
import { BatchPacker } from './precompute-batch';
import type { PrecomputedBatch } from '../../storage/precomputed-batch';
import { HASH_BYTES, knownTest, type KnownHashes } from './known-hashes';

export { HASH_BYTES };

/**
 * An agents page as it crosses to a worker: its body as received, and where each element of its
 * "data" lies in it (start, end, start, end…; see SplitPage). The bytes cross, not the elements'
 * text: the fetching thread never decodes them, and each element is one view for its hash and
 * its chunk.
 */
export interface PageBytes {
  body: Uint8Array;
  spans: Uint32Array;
  /** The hashes of the agents the walk started from: those are not prepared again. */
  known?: KnownHashes;
}

export type PreparedElement =
  | { ok: false; reason: string }
  | {
      ok: true;
      agentId: string;
      updatedAt: string;
      /** Where its bytes lie in `raw`; 0 for a known agent, whose bytes are not there. */
      at: number;
      length: number;
      /** Its hash is among the walk's known ones: no bytes in `raw`, no outputs. */
      known?: true;
    };

/** Everything the sync stores for one page, made off its thread. */
export interface PreparedPage {
  /** One per element, in order: rejected, or an agent with its bytes' place in `raw`. */
  elements: PreparedElement[];
  /** sha256 of each accepted element's exact bytes, 32 bytes apiece, in order. */
  hashes: Uint8Array;
  /** The accepted elements' exact bytes (known ones left out) as one chunk, or null if none. */
  raw: Uint8Array | null;
  /** The accepted elements' precomputed outputs, known ones left out, in order. */
  outputs: PrecomputedBatch;
}

/**
 * Parses each element of a page once, and from that one parse gets what the walk needs (id,
 * updatedAt), the content hash, the compressed raw chunk and the precomputed outputs: the
 * sync's thread is left with the network and SQLite.
 */
export function preparePage({ body, spans, known }: PageBytes): PreparedPage {
  const bytes = asBuffer(body);
  const isKnown = known && knownTest(known);
  const prepared: PreparedElement[] = [];
  const parts: Buffer[] = [];
  const hashes = new Uint8Array((spans.length / 2) * HASH_BYTES);
  let accepted = 0;
  const outputs = new BatchPacker();
  // One element at a time, from its bytes to its outputs: nothing parsed outlives its element.
  for (let i = 0; i < spans.length; i += 2) {
    const element = bytes.subarray(spans[i], spans[i + 1]);
    // Invalid UTF-8 reads as U+FFFD, as any JSON reader would see it; the chunk keeps the bytes.
    const value = parseObject(element.toString('utf8'));
    const id = value?.id;
    if (typeof id !== 'string' || id.trim() === '') {
      prepared.push({ ok: false, reason: value ? 'no string "id"' : 'not a JSON object' });
      continue;
    }
    const updatedAt = typeof value!.updatedAt === 'string' ? value!.updatedAt : '';
    const digest = hash('sha256', element, 'buffer');
    hashes.set(digest, accepted++ * HASH_BYTES);
    if (isKnown?.(digest)) {
      prepared.push({
        ok: true,
        agentId: id,
        updatedAt,
        at: 0,
        length: element.length,
        known: true,
      });
      continue;
    }
    prepared.push({ ok: true, agentId: id, updatedAt, at: 0, length: element.length });
    parts.push(element);
    outputs.add(precomputeParsed(value));
  }
  const { bytes: raw, spans: at } = compressParts(parts);
  let k = 0;
  for (const element of prepared) if (element.ok && !element.known) element.at = at[k++]![0];
  return {
    elements: prepared,
    hashes: hashes.slice(0, accepted * HASH_BYTES),
    raw: parts.length > 0 ? raw : null,
    outputs: outputs.finish(),
  };
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isPlainObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}
