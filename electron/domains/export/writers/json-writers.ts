import type { ExportSink, ExportWriter } from './export-writer';

// The JSON framings: each record is already the JSON text (or bytes) of one object.

/** `[` record `,` record … `]`, one record per line. */
export function jsonArrayWriter(sink: ExportSink): ExportWriter {
  let first = true;
  return {
    start: () => sink.write('['),
    write(record) {
      sink.write(first ? '\n' : ',\n');
      first = false;
      sink.write(record.data);
    },
    finish: (count) => sink.write(count === 0 ? ']\n' : '\n]\n'),
  };
}

/** One record per line. */
export function ndjsonWriter(sink: ExportSink): ExportWriter {
  return {
    start: () => undefined,
    write(record) {
      sink.write(record.data);
      sink.write('\n');
    },
    finish: () => undefined,
  };
}

/** The exact body a Sekoia push sends: `{"version":1,"items":[…]}`. */
export function sekoiaBodyWriter(sink: ExportSink): ExportWriter {
  let count = 0;
  return {
    start: () => sink.write('{"version":1,"items":['),
    write(record) {
      if (count++ > 0) sink.write(',');
      sink.write(record.data);
    },
    finish: () => sink.write(']}\n'),
  };
}
