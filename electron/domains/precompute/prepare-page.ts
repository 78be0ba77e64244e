import { hash } from 'node:crypto';
import { precomputeParsed } from '../../../shared/devices/precomputed';
import { isPlainObject } from '../../../shared/lenient';
import { compressParts } from '../sync/chunk-store';
import { BatchPacker, type PrecomputedBatch } from './precompute-batch';

/**
 * An agents page as it crosses to a worker: its body as received, and where each element of its
 * "data" lies in it (start, end, start, end…; see SplitPage). The bytes cross, not the elements'
 * text: the fetching thread never decodes them, and each element is one view for its hash and
 * its chunk.
 */
export interface PageBytes {
  body: Uint8Array;
  spans: Uint32Array;
}

export type PreparedElement =
  | { ok: false; reason: string }
  | { ok: true; agentId: string; updatedAt: string; at: number; length: number };

/** Everything the sync stores for one page, made off its thread. */
export interface PreparedPage {
  /** One per element, in order: rejected, or an agent with its bytes' place in `raw`. */
  elements: PreparedElement[];
  /** sha256 of each accepted element's exact bytes, 32 bytes apiece, in order. */
  hashes: Uint8Array;
  /** The accepted elements' exact bytes compressed as one chunk; null when none was accepted. */
  raw: Uint8Array | null;
  /** The accepted elements' precomputed outputs, in order. */
  outputs: PrecomputedBatch;
}

export const HASH_BYTES = 32;

/**
 * Parses each element of a page once, and from that one parse gets what the walk needs (id,
 * updatedAt), the content hash, the compressed raw chunk and the precomputed outputs: the
 * sync's thread is left with the network and SQLite.
 */
export function preparePage({ body, spans }: PageBytes): PreparedPage {
  const bytes = asBuffer(body);
  const prepared: PreparedElement[] = [];
  const parts: Buffer[] = [];
  const hashes = new Uint8Array((spans.length / 2) * HASH_BYTES);
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
    prepared.push({ ok: true, agentId: id, updatedAt, at: 0, length: element.length });
    hashes.set(hash('sha256', element, 'buffer'), parts.length * HASH_BYTES);
    parts.push(element);
    outputs.add(precomputeParsed(value));
  }
  const { bytes: raw, spans: at } = compressParts(parts);
  let k = 0;
  for (const element of prepared) if (element.ok) element.at = at[k++]![0];
  return {
    elements: prepared,
    hashes: hashes.slice(0, parts.length * HASH_BYTES),
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
