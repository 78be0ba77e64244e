import {
  DuckDBInstance,
  DuckDBListType,
  DuckDBStructType,
  type DuckDBType,
} from '@duckdb/node-api';

// Parquet read back by DuckDB (as analysts and Athena-like engines read it), not by the library
// that writes it, and each row turned back into the JSON an OCSF record is: nulls left out,
// timestamps as milliseconds, longs as numbers, JSON columns parsed.

function asRecord(value: unknown, type: DuckDBType): unknown {
  if (value === null || value === undefined) return undefined;
  if (type instanceof DuckDBStructType) {
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    type.entryNames.forEach((name, i) => {
      const member = asRecord(record[name], type.entryTypes[i]!);
      if (member !== undefined) out[name] = member;
    });
    return out;
  }
  if (type instanceof DuckDBListType) {
    return (value as unknown[]).map((item) => asRecord(item, type.valueType));
  }
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'bigint') return Number(value);
  if (type.alias === 'JSON') return JSON.parse(value as string);
  return value;
}

export interface ParquetRead {
  records: Record<string, unknown>[];
  /** Each column's type as DuckDB names it (TIMESTAMP WITH TIME ZONE, STRUCT(…), JSON …). */
  types: Record<string, string>;
}

export async function readParquet(path: string): Promise<ParquetRead> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const literal = `'${path.replaceAll("'", "''")}'`;
    const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet(${literal})`);
    const names = reader.columnNames();
    const types = reader.columnTypes();
    const records = reader.getRowObjectsJS().map((row) => {
      const out: Record<string, unknown> = {};
      names.forEach((name, i) => {
        const value = asRecord(row[name], types[i]!);
        if (value !== undefined) out[name] = value;
      });
      return out;
    });
    return {
      records,
      types: Object.fromEntries(
        names.map((name, i) => [name, types[i]!.alias ?? types[i]!.toString()]),
      ),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
