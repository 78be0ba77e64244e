import type { SchemaElement } from 'hyparquet-writer';
import type { LeafKind, ShapeNode } from './ocsf-shape';

// A shape (ocsf-shape.ts) as a Parquet schema, and each record's values as that schema's rows:
// structs as groups, arrays as three-level LISTs, timestamps as INT64 TIMESTAMP(MILLIS, UTC),
// ids and all text as UTF-8 strings, free-form data as JSON text. Every column is optional: an
// attribute a record leaves out is null there.

const LEAF: Readonly<Record<LeafKind, Omit<SchemaElement, 'name'>>> = {
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' } },
  json: { type: 'BYTE_ARRAY', converted_type: 'JSON', logical_type: { type: 'JSON' } },
  int32: { type: 'INT32' },
  int64: { type: 'INT64' },
  double: { type: 'DOUBLE' },
  boolean: { type: 'BOOLEAN' },
  timestamp: {
    type: 'INT64',
    converted_type: 'TIMESTAMP_MILLIS',
    logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' },
  },
};

/** The schema, depth first as Parquet lists it: the root, then each column's elements. */
export function parquetSchema(root: ShapeNode): SchemaElement[] {
  return [
    { name: 'root', num_children: root.children.size },
    ...[...root.children].flatMap(([name, node]) => elementsOf(name, node)),
  ];
}

function elementsOf(name: string, node: ShapeNode): SchemaElement[] {
  const own = node.list ? 'element' : name;
  const inner: SchemaElement[] =
    node.kind === 'struct'
      ? [
          { name: own, repetition_type: 'OPTIONAL', num_children: node.children.size },
          ...[...node.children].flatMap(([child, value]) => elementsOf(child, value)),
        ]
      : [{ name: own, repetition_type: 'OPTIONAL', ...LEAF[node.kind] }];
  if (!node.list) return inner;
  return [
    { name, repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
    { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
    ...inner,
  ];
}

/** Whether a node's values need rewriting for the writer: only longs do (as bigints). */
const RETYPED = new WeakMap<ShapeNode, boolean>();
function retyped(node: ShapeNode): boolean {
  let known = RETYPED.get(node);
  if (known === undefined) {
    known = node.kind === 'int64' || [...node.children.values()].some(retyped);
    RETYPED.set(node, known);
  }
  return known;
}

/**
 * A record's value at `node` as the column takes it: longs as bigints, absent as null. A value
 * with no long in it goes as it is (the writer reads a struct's members by name, and writes
 * timestamps and JSON from numbers and objects), which spares a copy of nearly every record.
 */
export function columnValue(node: ShapeNode, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (!retyped(node)) return node.list && !Array.isArray(value) ? [value] : value;
  if (node.list) return (Array.isArray(value) ? value : [value]).map((item) => one(node, item));
  return one(node, value);
}

function one(node: ShapeNode, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (node.kind) {
    case 'struct': {
      const record = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [key, child] of node.children) out[key] = columnValue(child, record[key]);
      return out;
    }
    case 'int64':
      return BigInt(value as number);
    default:
      return value;
  }
}
