import { constants, crc32, deflateRawSync } from 'node:zlib';
import type { AsyncFlateStreamHandler, ZipInputFile } from 'fflate';

/**
 * A zip entry compressed by Node's zlib as it is written, for fflate's Zip: each piece is
 * deflated on its own and ends on a sync flush, so the pieces join into one deflate stream and
 * nothing is held between them. fflate's own deflate and checksum, in JavaScript, took 4.4 s of
 * a 100,000-device workbook's 8.3 s (`npm run bench`).
 */
export class NativeDeflateEntry implements ZipInputFile {
  size = 0;
  crc = 0;
  readonly compression = 8;
  ondata?: AsyncFlateStreamHandler;

  constructor(readonly filename: string) {}

  push(chunk: Uint8Array, final = false): void {
    this.crc = crc32(chunk, this.crc);
    this.size += chunk.length;
    const compressed = deflateRawSync(chunk, {
      level: 6,
      finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
    });
    this.ondata!(null, compressed, final);
  }
}
