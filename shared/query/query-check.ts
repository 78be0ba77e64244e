import { closest } from 'fastest-levenshtein';
import { CVE_ID } from '../devices/grid-query';
import { CVE_SEVERITIES } from '../cve-severity';
import type { CompareOp, Span } from './query-ast';
import { QuerySyntaxError } from './query-error';
import { ORDERED, QUERY_FIELDS, fieldNamed, type QueryField } from './query-fields';
import { isVersionValue, readBoolean, readDate, readNumber, readSeverity } from './query-values';
import { cidrMatcher } from './query-ip';

// Each term's field, operator and value, checked as the parser reads it: an error names the
// token at fault and says what that field takes.

export function checkField(name: string, at: Span): QueryField {
  const field = fieldNamed(name);
  if (field) return field;
  const guess = closest(
    name.toLowerCase(),
    QUERY_FIELDS.map((f) => f.name),
  );
  throw new QuerySyntaxError(
    `There is no field "${name}"; did you mean ${guess}? (Quote a word to search for it as text.)`,
    at,
  );
}

const TAKES: Record<QueryField['type'], string> = {
  text: 'text (`*` matches any characters)',
  enum: 'a value (`*` matches any characters)',
  list: 'a value (`*` matches any characters)',
  'ip-list': 'an IP, a CIDR block (10.0.0.0/8) or a pattern (10.1.*)',
  number: 'a number',
  version: 'a version such as 23.4 or 23.4.2.14',
  date: 'an age (90d, 12h, 2w, 1y) or a date (2026-01-31)',
  severity: `a severity (${CVE_SEVERITIES.filter((s) => s !== 'Unknown').join(', ')})`,
  boolean: 'true or false',
  cve: 'a CVE id such as CVE-2024-3094',
};

export function checkCompare(
  field: QueryField,
  op: CompareOp,
  value: string,
  valueAt: Span,
  fieldAt: Span,
): void {
  const ordered = op !== ':' && op !== '!=';
  if (ordered && !ORDERED.has(field.type)) {
    throw new QuerySyntaxError(
      `${field.name} cannot be compared with ${op}: write ${field.name}:VALUE or ${field.name}!=VALUE.`,
      fieldAt,
    );
  }
  if (field.type === 'cve' && op !== ':') {
    throw new QuerySyntaxError(
      'Write cve:CVE-…, or NOT cve:CVE-… for the devices without it.',
      fieldAt,
    );
  }
  const date = field.type === 'date' ? readDate(value) : undefined;
  if (date !== undefined && 'age' in date && (op === ':' || op === '!=')) {
    throw new QuerySyntaxError(
      `An age has no "equal": write ${field.name}>${value} (more than ${value} ago) or ${field.name}<${value} (within ${value}).`,
      valueAt,
    );
  }
  // Equality also takes a facet's own words ("Unknown", "None"), compared as text.
  const asText = !ordered && (field.type === 'version' || field.type === 'severity');
  if (!asText && !readable(field, value)) {
    throw new QuerySyntaxError(
      `${field.name} takes ${TAKES[field.type]}, not "${value}".`,
      valueAt,
    );
  }
}

function readable(field: QueryField, value: string): boolean {
  switch (field.type) {
    case 'number':
      return readNumber(value) !== undefined;
    case 'version':
      return isVersionValue(value);
    case 'date':
      return readDate(value) !== undefined;
    case 'severity':
      return readSeverity(value) !== undefined;
    case 'boolean':
      return readBoolean(value) !== undefined;
    case 'cve':
      return CVE_ID.test(value.toUpperCase());
    case 'ip-list':
      return !value.includes('/') || cidrMatcher(value) !== undefined;
    default:
      return true;
  }
}
