import { createHash } from 'node:crypto';
import { precomputeParsed } from '../../../shared/devices/precomputed';
import { isPlainObject } from '../../../shared/lenient';
import { compressParts } from '../sync/chunk-store';
import { packBatch, type PrecomputedBatch } from './precompute-batch';

/**
 * An element of an agents page as it crosses to a worker: its text, or its exact bytes when they
 * are not UTF-8 (a Buffer arrives on the other side as a plain Uint8Array).
 */
export type PageElement = string | Uint8Array;

export type PreparedElement =
  | { ok: false; reason: string }
  | { ok: true; agentId: string; updatedAt: string; at: number; length: number };

/** Everything the sync stores for one page, made off its thread. */
export interface PreparedPage {
  /** One per element, in order: rejected, or an agent with its bytes' place in `raw`. */
  elements: PreparedElement[];
  /** sha256 of each accepted element's exact bytes, 32 bytes apiece, in order. */
  hashes: Uint8Array;
  /** The accepted elements' exact bytes deflated as one chunk; null when none was accepted. */
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
export function preparePage(elements: readonly PageElement[]): PreparedPage {
  const prepared: PreparedElement[] = [];
  const parts: Buffer[] = [];
  const parsed: unknown[] = [];
  for (const element of elements) {
    const bytes = typeof element === 'string' ? Buffer.from(element, 'utf8') : asBuffer(element);
    const value = parseObject(typeof element === 'string' ? element : bytes.toString('utf8'));
    const id = value?.id;
    if (typeof id !== 'string' || id.trim() === '') {
      prepared.push({ ok: false, reason: value ? 'no string "id"' : 'not a JSON object' });
      continue;
    }
    const updatedAt = typeof value!.updatedAt === 'string' ? value!.updatedAt : '';
    prepared.push({ ok: true, agentId: id, updatedAt, at: 0, length: bytes.length });
    parts.push(bytes);
    parsed.push(value);
  }
  const hashes = new Uint8Array(parts.length * HASH_BYTES);
  parts.forEach((bytes, k) =>
    hashes.set(createHash('sha256').update(bytes).digest(), k * HASH_BYTES),
  );
  const { bytes: raw, spans } = compressParts(parts);
  let k = 0;
  for (const element of prepared) if (element.ok) element.at = spans[k++]![0];
  return {
    elements: prepared,
    hashes,
    raw: parts.length > 0 ? raw : null,
    outputs: packBatch(parsed.map(precomputeParsed)),
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
