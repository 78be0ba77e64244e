import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { knownHashes, knownTest } from '../../../electron/domains/precompute/known-hashes';

// The hashes a re-sync skips: every hash put in is found, no other is, collisions included.

const sha = (text: string) => createHash('sha256').update(text).digest();

describe('known hashes', () => {
  it('finds every hash put in and none other', () => {
    const inside = Array.from({ length: 5_000 }, (_, i) => sha(`agent ${i}`));
    const outside = Array.from({ length: 5_000 }, (_, i) => sha(`other ${i}`));
    const isKnown = knownTest(knownHashes(inside, inside.length)!);
    expect(inside.every(isKnown)).toBe(true);
    expect(outside.some(isKnown)).toBe(false);
  });

  it('tells apart hashes that share their slot', () => {
    // Same first four bytes: one slot number for all, so each lookup walks the probe chain.
    const crowd = Array.from({ length: 40 }, (_, i) => {
      const hash = sha(`crowd ${i}`);
      hash.writeUInt32LE(0xdeadbeef, 0);
      return hash;
    });
    const isKnown = knownTest(knownHashes(crowd.slice(0, 20), 20)!);
    expect(crowd.map(isKnown)).toEqual(crowd.map((_, i) => i < 20));
  });

  it('keeps a hash listed twice once, and knows nothing when given nothing', () => {
    const hash = sha('twice');
    const isKnown = knownTest(knownHashes([hash, Buffer.from(hash)], 2)!);
    expect(isKnown(hash)).toBe(true);
    expect(isKnown(sha('not listed'))).toBe(false);
    expect(knownHashes([], 0)).toBeUndefined();
  });
});
