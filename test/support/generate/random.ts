/** mulberry32: a small seeded PRNG, so generated fleets are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** A 19-digit SentinelOne-style id, as a string (ids exceed 2^53). */
export function s1Id(base: bigint, offset: number): string {
  return (base + BigInt(offset)).toString();
}

export function isoMicros(epochMs: number, micros: number): string {
  return (
    new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, '') +
    `.${String(Math.floor(epochMs % 1000) * 1000 + micros).padStart(6, '0')}Z`
  );
}
