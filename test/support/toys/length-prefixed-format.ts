import type {
  ExportFormatDefinition,
  ExportSink,
} from '../../../electron/domains/export/writers/export-writer';

// A toy export format, to prove a binary format is one file plus its registration: each OCSF
// record as a 4-byte big-endian length and its UTF-8 bytes, after an 8-byte magic number.

export const MAGIC = Buffer.from('OCSFLP01', 'ascii');

export const lengthPrefixedFormat: ExportFormatDefinition = {
  info: { label: 'OCSF, length-prefixed (binary)', extension: 'ocsf.lp', reads: 'ocsf' },
  createWriter(sink: ExportSink) {
    return {
      start: () => sink.write(MAGIC),
      write(record) {
        const bytes = Buffer.isBuffer(record.data) ? record.data : Buffer.from(record.data);
        const length = Buffer.alloc(4);
        length.writeUInt32BE(bytes.length);
        sink.write(length);
        sink.write(bytes);
      },
      // A writer may finish asynchronously (one that encodes in batches does).
      finish: () => new Promise<void>((resolve) => setImmediate(resolve)),
    };
  },
};

/** Reads such a file back into its records' texts. */
export function readLengthPrefixed(file: Buffer): string[] {
  if (!file.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not a length-prefixed file');
  const records: string[] = [];
  for (let at = MAGIC.length; at < file.length;) {
    const length = file.readUInt32BE(at);
    records.push(file.subarray(at + 4, at + 4 + length).toString('utf8'));
    at += 4 + length;
  }
  return records;
}
