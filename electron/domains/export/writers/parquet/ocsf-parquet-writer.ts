import { ParquetWriter } from 'hyparquet-writer';
import { rawText } from '../../../../adapters/sentinelone/raw-json';
import type { ExportRecord, ExportSink, ExportWriter, WriterShape } from '../export-writer';
import { OcsfShape, type ShapeNode } from './ocsf-shape';
import { columnValue, parquetSchema } from './parquet-schema';
import { lakePath } from './security-lake';
import { sinkWriter } from './sink-writer';

/** Records per row group: what one file holds in memory before writing them out. */
const ROW_GROUP = 5_000;
const CREATED_BY = 's1-inventory (hyparquet-writer)';

type OcsfRecord = Record<string, unknown>;

/** One Parquet file being written: its rows gather into row groups. */
class ParquetFile {
  private readonly writer: ParquetWriter;
  private rows: OcsfRecord[] = [];

  constructor(
    sink: ExportSink,
    private readonly root: ShapeNode,
  ) {
    this.writer = new ParquetWriter({
      writer: sinkWriter(sink),
      schema: parquetSchema(root),
      createdBy: CREATED_BY,
      // Min and max per page serve a query engine little on inventory and cost a fifth of the time.
      statistics: false,
    });
  }

  add(record: OcsfRecord): void {
    this.rows.push(record);
    if (this.rows.length >= ROW_GROUP) this.flush();
  }

  finish(): void {
    this.flush();
    void this.writer.finish();
  }

  private flush(): void {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    const columnData = [...this.root.children].map(([name, node]) => ({
      name,
      data: rows.map((row) => columnValue(node, row[name])),
    }));
    void this.writer.write({ columnData, rowGroupSize: rows.length });
  }
}

/**
 * When no record came, the file still has a column to be a valid Parquet file: the records'
 * time, which every OCSF class has.
 */
const EMPTY_SHAPE: ShapeNode = {
  kind: 'struct',
  list: false,
  children: new Map([['time', { kind: 'timestamp', list: false, children: new Map() }]]),
};

/**
 * OCSF records as Parquet, one class per file: the records are read twice, once to learn which
 * attributes they use (ocsf-shape.ts) and once to write them. With the Security Lake layout the
 * records go to one file per day of their `time` (security-lake.ts); otherwise to the one file.
 */
export function ocsfParquetWriter(sink: ExportSink, shape: WriterShape = {}): ExportWriter {
  const survey = new OcsfShape();
  const files = new Map<string, ParquetFile>();
  let root: ShapeNode | undefined;
  let classStem = '';
  const read = (record: ExportRecord) => JSON.parse(rawText(record.data)) as OcsfRecord;
  const fileFor = (record: OcsfRecord): ParquetFile => {
    const { layout } = shape;
    const path = layout ? lakePath(layout, record, classStem) : '';
    let file = files.get(path);
    if (!file) {
      file = new ParquetFile(layout ? layout.open(path) : sink, root!);
      files.set(path, file);
    }
    return file;
  };
  return {
    survey: (record) => survey.add(read(record)),
    start: () => {
      root = survey.uid === undefined ? EMPTY_SHAPE : survey.ordered();
      classStem = survey.className();
    },
    write: (record) => {
      const parsed = read(record);
      fileFor(parsed).add(parsed);
    },
    finish: () => {
      // An export with no records still writes its file (the layout writes none: no day has any).
      if (files.size === 0 && !shape.layout) files.set('', new ParquetFile(sink, root!));
      for (const file of files.values()) file.finish();
    },
  };
}
