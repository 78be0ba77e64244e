import { describe, expect, it } from 'vitest';
import type { PrecomputedBatch } from '../../../electron/storage/precomputed-batch';
import { BatchPacker } from '../../../electron/domains/precompute/precompute-batch';
import { precomputeAgent } from '../../../shared/devices/precomputed';
import { CHUNK_CODEC, decompressChunk } from '../../../electron/storage/chunk-store';
import { generateAgent } from '../../support/generate/agents';

const agent = (i: number, extra: Record<string, unknown> = {}) =>
  precomputeAgent(JSON.stringify({ ...generateAgent(i), ...extra }));

/** Each entry's OCSF record and row, read back out of the batch's chunks. */
function unpack(batch: PrecomputedBatch): { ocsf: string; row: string }[] {
  const ocsf = decompressChunk(batch.ocsf!, CHUNK_CODEC.brotli);
  const rows = decompressChunk(batch.rows!, CHUNK_CODEC.brotli);
  return batch.entries.flatMap((entry) =>
    entry.ok
      ? [
          {
            ocsf: ocsf.subarray(entry.ocsfAt, entry.ocsfAt + entry.ocsfLen).toString('utf8'),
            row: rows.subarray(entry.rowAt, entry.rowAt + entry.rowLen).toString('utf8'),
          },
        ]
      : [],
  );
}

describe('BatchPacker', () => {
  it('gives back each agent’s record and row exactly, however the packing of batches interleaves', () => {
    const first = new BatchPacker();
    const second = new BatchPacker();
    const a = [agent(1), agent(2, { computerName: 'Zürich-ü-☕' }), agent(3)];
    const b = [agent(4), agent(5)];
    first.add(a[0]!);
    second.add(b[0]!);
    first.add(a[1]!);
    second.add(b[1]!);
    first.add(a[2]!);
    const expected = (list: typeof a) =>
      list.map((r) => (r.ok ? { ocsf: r.ocsf, row: r.deviceRow } : undefined));
    expect(unpack(second.finish())).toEqual(expected(b));
    expect(unpack(first.finish())).toEqual(expected(a));
    // The thread's buffer is free again: a later batch packs into it correctly.
    const third = new BatchPacker();
    third.add(a[2]!);
    expect(unpack(third.finish())).toEqual(expected([a[2]!]));
  });

  it('grows its buffer for a batch larger than any before, and keeps rejected agents in place', () => {
    const packer = new BatchPacker();
    const big = agent(9, { computerName: 'x'.repeat(3_000_000) });
    packer.add({ ok: false, reason: 'not JSON' });
    packer.add(big);
    const batch = packer.finish();
    expect(batch.entries[0]).toEqual({ ok: false, reason: 'not JSON' });
    expect(unpack(batch)).toEqual([big.ok && { ocsf: big.ocsf, row: big.deviceRow }]);
  });

  it('makes no chunks for a batch of rejected agents only', () => {
    const packer = new BatchPacker();
    packer.add({ ok: false, reason: 'no string "id"' });
    expect(packer.finish()).toEqual({
      entries: [{ ok: false, reason: 'no string "id"' }],
      ocsf: null,
      rows: null,
    });
  });
});
