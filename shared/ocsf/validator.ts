import {
  CLASS_SCHEMAS,
  type OcsfSchema as Schema,
  type SchemaAttribute,
  type SchemaObject,
  type SchemaType,
} from './class-schemas';
import { isCidr, isIpAddress, isMacAddress } from '../net';
import { isPlainObject, describeType } from '../lenient';
import { OCSF_VERSION } from './enums';

// A validator for OCSF 1.6.0 classes (Device Inventory Info, Detection Finding) built on the
// compiled schema data in ./schema (copied from the OCSF 1.6.0 tag). It applies the rules of the official OCSF server
// validator (v2) and, in strict mode, the stricter checks S1 Inventory holds its own output to
// (ocsf-notes.md §5): integer-ms timestamps, CIDR subnets, real IP/MAC text, exact captions.

export type Severity = 'error' | 'warning';

export interface ValidationIssue {
  severity: Severity;
  /** Where in the record, e.g. `device.network_interfaces[0].mac`. */
  path: string;
  rule: string;
  message: string;
}

export interface ValidateOptions {
  /** Our stricter checks as errors (default true): the bar every exported record must clear. */
  strict?: boolean;
  /** Report missing recommended attributes as warnings (default false). */
  warnOnMissingRecommended?: boolean;
}

/** A JSON open object: anything goes inside. */
const OPEN_OBJECT_TYPE = 'object';
const EARLIEST_PLAUSIBLE_MS = 1e12;
const OTHER_ENUM_KEY = '99';

const regexCache = new Map<string, RegExp>();
function typeRegex(type: SchemaType): RegExp | undefined {
  if (type.regex === undefined) return undefined;
  let compiled = regexCache.get(type.regex);
  if (!compiled) {
    compiled = new RegExp(type.regex);
    regexCache.set(type.regex, compiled);
  }
  return compiled;
}

class Walk {
  readonly issues: ValidationIssue[] = [];
  constructor(
    private readonly schema: Schema,
    private readonly profiles: ReadonlySet<string>,
    private readonly options: Required<ValidateOptions>,
  ) {}

  report(severity: Severity, path: string, rule: string, message: string): void {
    this.issues.push({ severity, path, rule, message });
  }

  /** The stricter checks are errors in strict mode and warnings otherwise. */
  ours(path: string, rule: string, message: string): void {
    this.report(this.options.strict ? 'error' : 'warning', path, rule, message);
  }

  private enabled(attribute: SchemaAttribute): boolean {
    return attribute.profiles === undefined || attribute.profiles.some((p) => this.profiles.has(p));
  }

  object(value: Record<string, unknown>, definition: SchemaObject, path: string): void {
    const prefix = path === '' ? '' : `${path}.`;
    for (const [key, entry] of Object.entries(value)) {
      const attribute = definition.attributes[key];
      if (attribute === undefined || !this.enabled(attribute)) {
        const why = attribute ? ` (needs profile ${attribute.profiles!.join(' or ')})` : '';
        this.report('error', prefix + key, 'unknown_attribute', `unknown attribute${why}`);
        continue;
      }
      if (entry === null || entry === undefined) continue;
      if (attribute.deprecated) {
        this.report('warning', prefix + key, 'deprecated', attribute.deprecated.message);
      }
      this.attribute(entry, attribute, prefix + key);
      if (attribute.sibling !== undefined && attribute.enum !== undefined) {
        if (attribute.is_array) this.siblingArray(value, key, attribute, prefix);
        else this.sibling(value, key, attribute, prefix);
      }
    }
    for (const [key, attribute] of Object.entries(definition.attributes)) {
      const present = value[key] !== null && value[key] !== undefined;
      if (present || !this.enabled(attribute)) continue;
      if (attribute.requirement === 'required') {
        this.report('error', prefix + key, 'required', 'required attribute is missing or null');
      } else if (attribute.requirement === 'recommended' && this.options.warnOnMissingRecommended) {
        this.report('warning', prefix + key, 'recommended', 'recommended attribute is missing');
      }
    }
    const atLeastOne = definition.constraints?.at_least_one;
    if (atLeastOne && !atLeastOne.some((key) => value[key] !== null && value[key] !== undefined)) {
      this.report('error', path, 'at_least_one', `needs at least one of: ${atLeastOne.join(', ')}`);
    }
    const justOne = definition.constraints?.just_one;
    if (justOne && justOne.filter((key) => value[key] != null).length !== 1) {
      this.report('error', path, 'just_one', `needs exactly one of: ${justOne.join(', ')}`);
    }
  }

  private attribute(value: unknown, attribute: SchemaAttribute, path: string): void {
    if (!attribute.is_array) {
      this.single(value, attribute, path);
      return;
    }
    if (!Array.isArray(value)) {
      this.report('error', path, 'type', `expected an array, got ${describeType(value)}`);
      return;
    }
    value.forEach((element, index) => {
      if (element === null) {
        this.report('error', `${path}[${index}]`, 'type', 'array element is null');
      } else {
        this.single(element, attribute, `${path}[${index}]`);
      }
    });
  }

  private single(value: unknown, attribute: SchemaAttribute, path: string): void {
    const type = this.schema.types[attribute.type];
    const jsonType = type?.json_type ?? attribute.json_type;
    switch (jsonType) {
      case 'any':
        return;
      case 'object':
        this.nested(value, attribute, path);
        return;
      case 'string':
        if (typeof value !== 'string') {
          this.report('error', path, 'type', `expected a string, got ${describeType(value)}`);
          return;
        }
        this.string(value, attribute, type, path);
        return;
      case 'integer':
        if (typeof value !== 'number' || !Number.isInteger(value)) {
          this.report('error', path, 'type', `expected an integer, got ${describeType(value)}`);
          return;
        }
        this.integer(value, attribute, type, path);
        return;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          this.report('error', path, 'type', `expected a number, got ${describeType(value)}`);
        }
        return;
      case 'boolean':
        if (typeof value !== 'boolean') {
          this.report('error', path, 'type', `expected a boolean, got ${describeType(value)}`);
        }
        return;
      default:
        this.report('error', path, 'type', `schema type ${attribute.type} is not supported`);
    }
  }

  private nested(value: unknown, attribute: SchemaAttribute, path: string): void {
    if (!isPlainObject(value)) {
      this.report('error', path, 'type', `expected an object, got ${describeType(value)}`);
      return;
    }
    if (attribute.object_type === OPEN_OBJECT_TYPE) return;
    const definition = this.schema.objects[attribute.object_type ?? ''];
    if (definition === undefined) {
      // The schema file holds every object S1 Inventory may emit; anything else is a bug here.
      this.report(
        'error',
        path,
        'object_type',
        `object type ${attribute.object_type} is not in the schema data and must not be emitted`,
      );
      return;
    }
    this.object(value, definition, path);
  }

  private string(
    value: string,
    attribute: SchemaAttribute,
    type: SchemaType | undefined,
    path: string,
  ): void {
    if (type?.max_len !== undefined && value.length > type.max_len) {
      this.report('error', path, 'max_len', `longer than ${type.max_len} characters`);
    }
    const regex = type && typeRegex(type);
    if (regex && !regex.test(value)) {
      this.report('warning', path, 'regex', `does not match the ${attribute.type} pattern`);
    }
    if (attribute.type === 'ip_t' && !isIpAddress(value)) {
      this.ours(path, 'ip', `"${value}" is not an IP address`);
    }
    if (attribute.type === 'mac_t' && !isMacAddress(value)) {
      this.ours(path, 'mac', `"${value}" is not a six-octet MAC address`);
    }
    if (attribute.type === 'subnet_t' && !isCidr(value)) {
      this.ours(path, 'subnet', `"${value}" is not a CIDR network/prefix`);
    }
  }

  private integer(
    value: number,
    attribute: SchemaAttribute,
    type: SchemaType | undefined,
    path: string,
  ): void {
    if (attribute.enum && !(String(value) in attribute.enum)) {
      this.report('error', path, 'enum', `${value} is not a defined value`);
    }
    if (type?.range && (value < type.range[0] || value > type.range[1])) {
      this.report('error', path, 'range', `outside ${type.range[0]}..${type.range[1]}`);
    }
    if (attribute.type === 'timestamp_t' && value < EARLIEST_PLAUSIBLE_MS) {
      this.ours(path, 'timestamp_ms', 'looks like seconds, not milliseconds since the epoch');
    }
  }

  private sibling(
    value: Record<string, unknown>,
    key: string,
    attribute: SchemaAttribute,
    prefix: string,
  ): void {
    const siblingValue = value[attribute.sibling!];
    const id = String(value[key]);
    if (siblingValue === undefined || siblingValue === null || id === OTHER_ENUM_KEY) return;
    const caption = attribute.enum![id];
    if (caption !== undefined && siblingValue !== caption) {
      this.ours(
        prefix + attribute.sibling!,
        'sibling',
        `"${String(siblingValue)}" differs from the caption "${caption}" of ${key} ${id}`,
      );
    }
  }

  /**
   * An enum array (malware.classification_ids) with its sibling array of captions: the OCSF
   * server requires each caption to match its id by position (an error, unlike for scalars),
   * except where the id is 99 (Other), whose caption carries the source value.
   */
  private siblingArray(
    value: Record<string, unknown>,
    key: string,
    attribute: SchemaAttribute,
    prefix: string,
  ): void {
    const ids = value[key];
    const captions = value[attribute.sibling!];
    if (!Array.isArray(ids) || captions === undefined || captions === null) return;
    const path = prefix + attribute.sibling!;
    if (!Array.isArray(captions)) {
      this.report('error', path, 'type', `expected an array, got ${describeType(captions)}`);
      return;
    }
    ids.forEach((id, index) => {
      if (String(id) === OTHER_ENUM_KEY) return;
      const caption = attribute.enum![String(id)];
      if (caption !== undefined && captions[index] !== caption) {
        this.report(
          'error',
          `${path}[${index}]`,
          'sibling_array',
          `"${String(captions[index])}" differs from the caption "${caption}" of ${key}[${index}] ${String(id)}`,
        );
      }
    });
  }
}

/** Validates one record. An empty list means it is valid OCSF 1.6.0 Device Inventory Info. */
export const validateDeviceInventoryInfo = validatorFor(CLASS_SCHEMAS[5001]);

/** Validates one record. An empty list means it is a valid OCSF 1.6.0 Detection Finding. */
export const validateDetectionFinding = validatorFor(CLASS_SCHEMAS[2004]);

/** Validates one record. An empty list means it is valid OCSF 1.6.0 Software Inventory Info. */
export const validateSoftwareInventoryInfo = validatorFor(CLASS_SCHEMAS[5020]);

/** Validates one record. An empty list means it is a valid OCSF 1.6.0 Vulnerability Finding. */
export const validateVulnerabilityFinding = validatorFor(CLASS_SCHEMAS[2002]);

function validatorFor(
  schema: Schema,
): (record: unknown, options?: ValidateOptions) => ValidationIssue[] {
  return (record, options = {}) => validate(schema, record, options);
}

function validate(schema: Schema, record: unknown, options: ValidateOptions): ValidationIssue[] {
  const resolved = {
    strict: options.strict ?? true,
    warnOnMissingRecommended: options.warnOnMissingRecommended ?? false,
  };
  if (!isPlainObject(record)) {
    return [
      {
        severity: 'error',
        path: '',
        rule: 'type',
        message: `a record must be a JSON object, got ${describeType(record)}`,
      },
    ];
  }
  if (record.class_uid !== schema.class.uid) {
    return [
      {
        severity: 'error',
        path: 'class_uid',
        rule: 'class_uid',
        message: `expected class_uid ${schema.class.uid} (${schema.class.name})`,
      },
    ];
  }
  const metadata = isPlainObject(record.metadata) ? record.metadata : {};
  const profiles = Array.isArray(metadata.profiles)
    ? metadata.profiles.filter((p): p is string => typeof p === 'string')
    : [];
  const walk = new Walk(schema, new Set(profiles), resolved);
  const applicable = schema.class.profiles_applicable;
  profiles.forEach((profile, index) => {
    if (applicable && !applicable.includes(profile)) {
      walk.report(
        'error',
        `metadata.profiles[${index}]`,
        'profile_unknown',
        `"${profile}" is not a profile of ${schema.class.name}`,
      );
    }
  });
  walk.object(record, schema.class, '');
  checkObservableNames(schema, new Set(profiles), record.observables, walk);

  const { class_uid: classUid, activity_id: activityId, type_uid: typeUid } = record;
  if (typeof activityId === 'number' && typeUid !== (classUid as number) * 100 + activityId) {
    walk.report('error', 'type_uid', 'type_uid', 'type_uid must be class_uid * 100 + activity_id');
  }
  if (typeof metadata.version === 'string') {
    const order = compareVersions(metadata.version, OCSF_VERSION);
    if (order > 0) {
      walk.report('error', 'metadata.version', 'version', `newer than ${OCSF_VERSION}`);
    } else if (order < 0) {
      walk.report('warning', 'metadata.version', 'version', `older than ${OCSF_VERSION}`);
    }
    if (metadata.version !== OCSF_VERSION) {
      walk.ours('metadata.version', 'version_exact', `must be "${OCSF_VERSION}"`);
    }
  }
  return walk.issues;
}

/**
 * An observable names the attribute it was taken from as a dotted path without array indices
 * (`device.hostname`, `evidences.file.hashes`) that must resolve through the class and its
 * objects, with the record's profiles (the OCSF server's observable_name_invalid_reference).
 */
function checkObservableNames(
  schema: Schema,
  profiles: ReadonlySet<string>,
  observables: unknown,
  walk: Walk,
): void {
  if (!Array.isArray(observables)) return;
  observables.forEach((observable, index) => {
    if (!isPlainObject(observable) || typeof observable.name !== 'string') return;
    if (!resolvesPath(schema, profiles, observable.name)) {
      walk.report(
        'error',
        `observables[${index}].name`,
        'observable_name_invalid_reference',
        `"${observable.name}" is not an attribute path of ${schema.class.name}`,
      );
    }
  });
}

function resolvesPath(schema: Schema, profiles: ReadonlySet<string>, name: string): boolean {
  let definition: SchemaObject | undefined = schema.class;
  const segments = name.split('.');
  for (const [i, segment] of segments.entries()) {
    const attribute: SchemaAttribute | undefined = definition?.attributes[segment];
    if (!attribute) return false;
    if (attribute.profiles !== undefined && !attribute.profiles.some((p) => profiles.has(p)))
      return false;
    if (i === segments.length - 1) return true;
    definition =
      attribute.object_type === undefined ? undefined : schema.objects[attribute.object_type];
  }
  return false;
}

export function errorsOf(issues: ValidationIssue[]): ValidationIssue[] {
  return issues.filter((issue) => issue.severity === 'error');
}

function compareVersions(a: string, b: string): number {
  const left = a.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0);
  const right = b.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0);
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}
