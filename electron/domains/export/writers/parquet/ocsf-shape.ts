import type { OcsfSchema, SchemaAttribute } from '../../../../../shared/ocsf/class-schemas';
import { CLASS_SCHEMAS } from '../../../../../shared/ocsf/class-schemas';
import { AppError } from '../../../../../shared/errors/app-error';

// The Parquet columns of an OCSF export: every attribute the records use, nested as OCSF nests
// it, typed as OCSF types it. The schema data alone would give thousands of columns (an object's
// objects, recursively, nearly all empty), so the records are read once to find the attributes
// they use, and each one's type is taken from the class's schema.

/** A leaf's type, from the OCSF type of its attribute. */
export type LeafKind = 'string' | 'json' | 'int32' | 'int64' | 'double' | 'boolean' | 'timestamp';

export interface ShapeNode {
  kind: 'struct' | LeafKind;
  /** An OCSF array: a Parquet LIST of the node's kind. */
  list: boolean;
  /** A struct's attributes, in the schema's order (those the schema does not name last). */
  children: Map<string, ShapeNode>;
  /** The OCSF attributes of a struct's object. */
  attributes?: Readonly<Record<string, SchemaAttribute>>;
}

export class MixedClassesError extends AppError {
  override readonly name = 'MixedClassesError';
  readonly code = 'invalid_argument';
}

/** OCSF types whose JSON is an integer held in 32 bits (the rest are longs). */
const INT32_TYPES = new Set(['integer_t', 'port_t']);

function leafKind(attribute: SchemaAttribute | undefined, schema: OcsfSchema): LeafKind {
  // An attribute the schema does not name (only ever inside free-form data) keeps its JSON.
  if (attribute === undefined || attribute.type === 'json_t' || attribute.type === 'object_t') {
    return 'json';
  }
  if (attribute.type === 'timestamp_t') return 'timestamp';
  switch (schema.types[attribute.type]?.json_type ?? attribute.json_type) {
    case 'integer':
      return INT32_TYPES.has(attribute.type) ? 'int32' : 'int64';
    case 'number':
      return 'double';
    case 'boolean':
      return 'boolean';
    default:
      return 'string';
  }
}

/** The schema's object behind an attribute, unless it is free-form (OCSF's `object`). */
function objectOf(attribute: SchemaAttribute | undefined, schema: OcsfSchema) {
  if (attribute?.type !== 'object_t' || attribute.object_type === 'object') return undefined;
  return attribute.object_type === undefined ? undefined : schema.objects[attribute.object_type];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Gathers the shape of one class's records as they are added. */
export class OcsfShape {
  private schema: OcsfSchema | undefined;
  private classUid: number | undefined;
  readonly root: ShapeNode = { kind: 'struct', list: false, children: new Map() };

  add(record: Record<string, unknown>): void {
    const uid = record.class_uid;
    if (this.classUid === undefined) {
      const schema = CLASS_SCHEMAS[uid as keyof typeof CLASS_SCHEMAS] as OcsfSchema | undefined;
      if (!schema) throw new MixedClassesError(`No OCSF schema for class_uid ${String(uid)}.`);
      this.schema = schema;
      this.classUid = uid as number;
      this.root.attributes = schema.class.attributes;
    } else if (uid !== this.classUid) {
      throw new MixedClassesError(
        `A Parquet file holds one OCSF class: class_uid ${String(uid)} came after ${this.classUid}.`,
      );
    }
    this.visit(this.root, record);
  }

  /** The class the records are of; undefined before the first. */
  get uid(): number | undefined {
    return this.classUid;
  }

  /** The class's caption as a file's name: "Device Inventory Info" → device_inventory_info. */
  className(): string {
    return (this.schema?.class.caption ?? 'ocsf').toLowerCase().replace(/[^a-z0-9]+/g, '_');
  }

  /** The shape, each struct's attributes in the schema's order. */
  ordered(): ShapeNode {
    return orderChildren(this.root);
  }

  private visit(node: ShapeNode, value: Record<string, unknown>): void {
    const schema = this.schema!;
    for (const key of Object.keys(value)) {
      const child = value[key];
      if (child === null || child === undefined) continue;
      let known = node.children.get(key);
      if (!known) {
        const attribute = node.attributes?.[key];
        const object = objectOf(attribute, schema);
        known = {
          kind: object ? 'struct' : leafKind(attribute, schema),
          // Free-form JSON holds arrays as they are; an attribute is a list where OCSF says so.
          list: object || attribute ? (attribute?.is_array ?? false) : false,
          children: new Map(),
          ...(object ? { attributes: object.attributes } : {}),
        };
        node.children.set(key, known);
      }
      if (known.kind !== 'struct') continue;
      const items = known.list && Array.isArray(child) ? child : [child];
      for (const item of items) if (isObject(item)) this.visit(known, item);
    }
  }
}

function orderChildren(node: ShapeNode): ShapeNode {
  if (node.kind !== 'struct') return node;
  // Only ever an empty object: Parquet has no group without columns, so it is kept as JSON.
  if (node.children.size === 0) return { ...node, kind: 'json' };
  const order = Object.keys(node.attributes ?? {});
  const rank = (key: string) => {
    const at = order.indexOf(key);
    return at === -1 ? order.length : at;
  };
  const keys = [...node.children.keys()].sort((a, b) => rank(a) - rank(b));
  return {
    ...node,
    children: new Map(keys.map((key) => [key, orderChildren(node.children.get(key)!)])),
  };
}
