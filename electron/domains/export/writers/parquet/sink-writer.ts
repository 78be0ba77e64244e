import { ByteWriter, type Writer } from 'hyparquet-writer';
import type { ExportSink } from '../export-writer';

/**
 * hyparquet-writer's byte writer, emptied into the export's sink after each row group (the
 * writer calls flush then), so a file never sits whole in memory.
 */
export function sinkWriter(sink: ExportSink): Writer {
  const writer: Writer & { index: number } = new ByteWriter();
  const flush = () => {
    if (writer.index === 0) return;
    sink.write(Buffer.from(writer.buffer, 0, writer.index));
    // The bytes were copied into the sink's own buffer: this one is written over next.
    writer.index = 0;
  };
  writer.flush = flush;
  writer.finish = flush;
  return writer;
}
