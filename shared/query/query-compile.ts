import type { GridRow } from '../devices/grid-row';
import { bitOf, type RowFacts } from '../devices/grid-filter';
import { isStale } from '../devices/device-flags';
import type { CompareOp, QueryNode } from './query-ast';
import { fieldNamed, type QueryField } from './query-fields';
import { cidrMatcher } from './query-ip';
import {
  compareVersionNumbers,
  isVersionValue,
  readBoolean,
  readDate,
  readNumber,
  readSeverity,
  readVersion,
  textMatcher,
  versionStartsWith,
} from './query-values';

// A checked query, turned into a test of one device by its index in the loaded rows. The work
// that does not depend on the device (reading the value, matching each facet value once) is
// done here, once; what is left per device is a lookup or a comparison.

/** The loaded rows, read by index and column (the grid's GridTable). */
export interface RowReader {
  count: number;
  valueAt<K extends keyof GridRow>(i: number, key: K): GridRow[K];
}

export interface QueryTable {
  rows: RowReader;
  facts: RowFacts;
}

export interface QueryContext {
  nowMs: number;
  staleDays: number;
  /** 1 for each loaded row on which the CVE is open. */
  cveMask: (cveId: string) => Uint8Array;
}

export type RowTest = (i: number) => boolean;

export function compileQuery(node: QueryNode, table: QueryTable, context: QueryContext): RowTest {
  switch (node.kind) {
    case 'and': {
      const tests = node.items.map((item) => compileQuery(item, table, context));
      return (i) => tests.every((test) => test(i));
    }
    case 'or': {
      const tests = node.items.map((item) => compileQuery(item, table, context));
      return (i) => tests.some((test) => test(i));
    }
    case 'not': {
      const test = compileQuery(node.item, table, context);
      return (i) => !test(i);
    }
    case 'text': {
      const holding = table.facts.search(node.value.toLowerCase());
      return (i) => holding[i] === 1;
    }
    case 'flag':
      return flagTest(field(node.field), table, context);
    case 'has':
      return hasTest(field(node.field), table);
    case 'compare': {
      const test = compareTest(
        field(node.field),
        node.op === '!=' ? ':' : node.op,
        node.value,
        table,
        context,
      );
      return node.op === '!=' ? (i) => !test(i) : test;
    }
  }
}

const field = (name: string): QueryField => fieldNamed(name)!;

function flagTest(field: QueryField, table: QueryTable, context: QueryContext): RowTest {
  const { facts } = table;
  if (field.name === 'decommissioned') return (i) => facts.decommissioned[i] === 1;
  // Stale depends on the threshold and the clock; a decommissioned device is never stale.
  if (field.quick === 'stale') {
    return (i) =>
      facts.decommissioned[i] === 0 && isStale(facts.seenMs[i]!, context.staleDays, context.nowMs);
  }
  const bit = bitOf(field.quick!);
  return (i) => (facts.findings[i]! & bit) !== 0;
}

function hasTest(field: QueryField, table: QueryTable): RowTest {
  if (field.type === 'date') {
    const times = timesOf(field, table);
    return (i) => !Number.isNaN(times[i]!);
  }
  const column = field.column!;
  return (i) => {
    const value = table.rows.valueAt(i, column);
    if (Array.isArray(value)) return value.length > 0;
    if (typeof value === 'number') return value > 0;
    return value !== undefined && value !== '' && value !== false;
  };
}

type OrderedOp = Exclude<CompareOp, '!='>;

function compareTest(
  field: QueryField,
  op: OrderedOp,
  value: string,
  table: QueryTable,
  context: QueryContext,
): RowTest {
  switch (field.type) {
    case 'boolean': {
      const flag = flagTest(field, table, context);
      return readBoolean(value) ? flag : (i) => !flag(i);
    }
    case 'cve': {
      const mask = context.cveMask(value.toUpperCase());
      return (i) => mask[i] === 1;
    }
    case 'date':
      return dateTest(field, op, value, table, context);
    case 'number': {
      const wanted = readNumber(value)!;
      const column = field.column!;
      return (i) => {
        const had = table.rows.valueAt(i, column);
        return typeof had === 'number' && ordered(Math.sign(had - wanted), op);
      };
    }
    case 'version': {
      const wanted = isVersionValue(value) ? readVersion(value)! : undefined;
      if (wanted === undefined) return byFacetValue(field, table, textMatcher(value))!;
      // Each version the fleet runs is read once (agent_version is a facet).
      return byFacetValue(field, table, (name) => {
        const version = readVersion(name);
        if (version === undefined) return false;
        return op === ':'
          ? versionStartsWith(version, wanted)
          : ordered(compareVersionNumbers(version, wanted), op);
      })!;
    }
    case 'severity': {
      const wanted = readSeverity(value);
      if (wanted === undefined) return byFacetValue(field, table, textMatcher(value))!;
      return byFacetValue(field, table, (name) => {
        const rank = readSeverity(name);
        return rank !== undefined && ordered(Math.sign(rank - wanted), op);
      })!;
    }
    case 'ip-list': {
      const matches = cidrMatcher(value) ?? textMatcher(value);
      return anyElement(field, table, matches);
    }
    case 'list':
      return anyElement(field, table, textMatcher(value));
    case 'text':
    case 'enum': {
      const matches = textMatcher(value);
      return byFacetValue(field, table, matches) ?? anyElement(field, table, matches);
    }
  }
}

/** Through the facet's values: each distinct value is tested once, each device looked up. */
function byFacetValue(
  field: QueryField,
  table: QueryTable,
  test: (name: string) => boolean,
): RowTest | undefined {
  if (field.facet === undefined) return undefined;
  const { ids, names } = table.facts.facets[field.facet];
  const passes = Uint8Array.from(names, (name) => (test(name) ? 1 : 0));
  return (i) => passes[ids[i]!] === 1;
}

function anyElement(
  field: QueryField,
  table: QueryTable,
  matches: (value: string) => boolean,
): RowTest {
  const column = field.column!;
  return (i) => {
    const value = table.rows.valueAt(i, column);
    if (Array.isArray(value)) return value.some((element) => matches(element));
    return typeof value === 'string' && matches(value);
  };
}

/** A date column as ms since the epoch per row (NaN: none): last seen is read once per load. */
function timesOf(field: QueryField, table: QueryTable): Float64Array {
  if (field.column === 'lastSeen') return table.facts.seenMs;
  const column = field.column!;
  return Float64Array.from({ length: table.rows.count }, (_, i) => {
    const value = table.rows.valueAt(i, column);
    return typeof value === 'string' ? Date.parse(value) : Number.NaN;
  });
}

function dateTest(
  field: QueryField,
  op: OrderedOp,
  value: string,
  table: QueryTable,
  context: QueryContext,
): RowTest {
  const date = readDate(value)!;
  const seen = timesOf(field, table);
  if ('age' in date) {
    // By age: `>90d` is seen longer ago than 90 days. Never seen has no age.
    const since = context.nowMs - date.age;
    const passes = {
      '<': (at: number) => at > since,
      '<=': (at: number) => at >= since,
      '>': (at: number) => at < since,
      '>=': (at: number) => at <= since,
      ':': () => false,
    }[op];
    return (i) => passes(seen[i]!);
  }
  const { from, to } = date;
  const passes = {
    ':': (at: number) => at >= from && at < to,
    '<': (at: number) => at < from,
    '<=': (at: number) => at < to,
    '>': (at: number) => at >= to,
    '>=': (at: number) => at >= from,
  }[op];
  return (i) => passes(seen[i]!);
}

/** Whether a comparison's sign (-1, 0, 1) satisfies the operator. */
function ordered(sign: number, op: OrderedOp): boolean {
  switch (op) {
    case ':':
      return sign === 0;
    case '<':
      return sign < 0;
    case '<=':
      return sign <= 0;
    case '>':
      return sign > 0;
    case '>=':
      return sign >= 0;
  }
}
