import { describe, expect, it } from 'vitest';
import { releaseBytes } from '../../../electron/domains/sync/release-bytes';

describe('releaseBytes', () => {
  it('frees a buffer that owns its memory: it reads as empty afterwards', () => {
    const body = Buffer.alloc(64 * 1024, 7);
    const chunk = new Uint8Array(1024);
    releaseBytes(body, chunk, null, undefined);
    expect(body.buffer.byteLength).toBe(0);
    expect(body.length).toBe(0);
    expect(chunk.length).toBe(0);
  });

  it("leaves alone a buffer that shares its memory (Node's pool, a view)", () => {
    const pooled = Buffer.from('{"id":"1"}');
    const neighbour = Buffer.from('{"id":"2"}');
    const whole = new Uint8Array(16);
    const view = whole.subarray(4, 8);
    releaseBytes(pooled, view);
    expect(pooled.toString()).toBe('{"id":"1"}');
    expect(neighbour.toString()).toBe('{"id":"2"}');
    expect(view.length).toBe(4);
    expect(whole.length).toBe(16);
  });
});
