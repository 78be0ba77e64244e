import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicFileStream } from '../../../electron/adapters/files/atomic-stream';
import { useTempDirs } from '../../support/temp-dir';

// An export's stream: whatever mix of text and bytes goes in comes out byte for byte, in order,
// with the sha256 and size of what was written, across its buffer's edges.

const tempDir = useTempDirs();

describe('AtomicFileStream', () => {
  it('writes text as UTF-8 and bytes as they are, across flushes, with their sha256', () => {
    const writes: (string | Buffer)[] = [];
    for (let i = 0; i < 3_000; i += 1) {
      writes.push(`{"n":${i},"name":"café ☕ 𝄞 ${'x'.repeat(i % 700)}"}`, '\n');
      if (i % 500 === 0) writes.push(Buffer.from([0xff, 0xfe, 0x22, 0x0a]));
    }
    writes.push('y'.repeat(700_000)); // more than a third of the buffer as UTF-16 units
    writes.push(Buffer.alloc(3 << 20, 0x61)); // bigger than the buffer
    writes.push('\ud800 lone surrogate', '');
    const out = join(tempDir(), 'export.ndjson');
    const stream = new AtomicFileStream(out);
    for (const data of writes) stream.write(data);
    const result = stream.commit();
    const expected = Buffer.concat(
      writes.map((data) => (typeof data === 'string' ? Buffer.from(data, 'utf8') : data)),
    );
    const written = readFileSync(out);
    expect(written.equals(expected)).toBe(true);
    expect(result).toEqual({
      sha256: createHash('sha256').update(expected).digest('hex'),
      bytes: expected.length,
    });
  });
});
