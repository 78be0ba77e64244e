import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/adapters/db/database';
import {
  ChunkReader,
  ChunkWriter,
  compressParts,
  keepParts,
} from '../../../electron/storage/chunk-store';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const parts = ['{"id":"1","n":"café"}', '{"id":"2"}', '{"id":"3","s":"☕"}'].map((text) =>
  Buffer.from(text),
);

describe('chunks', () => {
  it('give back each object exactly, whole or cut down to some of them', () => {
    const db = openDatabase(tempDir());
    const { bytes, spans } = compressParts(parts);
    const whole = new ChunkWriter(db).put(bytes);
    const kept = keepParts(bytes, [spans[0]!, spans[2]!]);
    const cut = new ChunkWriter(db).put(kept.bytes);
    const reader = new ChunkReader(db);
    spans.forEach(([at, length], i) => expect(reader.slice(whole, at, length)).toEqual(parts[i]));
    expect(kept.spans.map(([at, length]) => reader.slice(cut, at, length))).toEqual([
      parts[0],
      parts[2],
    ]);
    db.close();
  });

  it('written with deflate before migration 14 are still read', () => {
    const db = openDatabase(tempDir());
    const id = Number(
      db
        .prepare('INSERT INTO chunks (bytes) VALUES (?)')
        .run(deflateRawSync(Buffer.concat(parts), { level: 1 })).lastInsertRowid,
    );
    expect(db.prepare('SELECT codec FROM chunks WHERE id = ?').pluck().get(id)).toBe(0);
    const reader = new ChunkReader(db);
    expect(reader.slice(id, parts[0]!.length, parts[1]!.length)).toEqual(parts[1]);
    db.close();
  });
});
