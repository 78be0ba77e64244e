import type { FieldWarning } from './warnings';

/** SentinelOne leaves unset values as null or "": both mean "not there", not "wrong". */
export function isAbsent(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the fields of one JSON object leniently: each field is checked on its own, and one of
 * the wrong type is dropped (undefined) with a warning instead of failing the whole object.
 * Callers build their result as one object literal of reads, which keeps a fixed shape: this
 * runs for every agent of a 100,000-agent fleet.
 */
export class FieldReader {
  constructor(
    private readonly input: Record<string, unknown>,
    private readonly pathPrefix: string,
    private readonly warnings: FieldWarning[],
  ) {}

  text(key: string): string | undefined {
    const value = this.input[key];
    if (value === null || value === undefined || value === '') return undefined;
    return typeof value === 'string' ? value : this.drop(key, value, 'a string');
  }

  flag(key: string): boolean | undefined {
    const value = this.input[key];
    if (value === null || value === undefined || value === '') return undefined;
    if (typeof value === 'boolean') return value;
    // Real consoles and exports carry "true", "True", "false": coerced as Sekoia's models do.
    if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) {
      return this.coerced(key, value, value.trim().toLowerCase() === 'true');
    }
    return this.drop(key, value, 'a boolean');
  }

  count(key: string): number | undefined {
    const value = this.input[key];
    if (value === null || value === undefined || value === '') return undefined;
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
    // A count sent as a decimal string ("2"), as some consoles do.
    if (typeof value === 'string' && /^\d{1,15}$/.test(value.trim())) {
      return this.coerced(key, value, Number(value.trim()));
    }
    return this.drop(key, value, 'a non-negative integer');
  }

  private coerced<T>(key: string, value: string, result: T): T {
    this.warnings.push({
      path: `${this.pathPrefix}${key}`,
      message: `coerced from the string ${JSON.stringify(value)} to ${JSON.stringify(result)}`,
    });
    return result;
  }

  textList(key: string): string[] | undefined {
    const value = this.input[key];
    if (value === null || value === undefined || value === '') return undefined;
    return Array.isArray(value) && value.every((entry) => typeof entry === 'string')
      ? (value as string[])
      : this.drop(key, value, 'an array of strings');
  }

  /** A nested object, read with its own reader; anything but an object is dropped. */
  object<T>(key: string, read: (nested: FieldReader) => T): T | undefined {
    const value = this.input[key];
    if (value === null || value === undefined || value === '') return undefined;
    if (!isPlainObject(value)) return this.drop(key, value, 'an object');
    return read(new FieldReader(value, `${this.pathPrefix}${key}.`, this.warnings));
  }

  /** An array of objects, read element by element; a bad element is dropped with a warning. */
  objects<T>(key: string, read: (element: FieldReader) => T): T[] | undefined {
    const value = this.input[key];
    if (value === null || value === undefined || value === '') return undefined;
    if (!Array.isArray(value)) return this.drop(key, value, 'an array');
    const out: T[] = [];
    value.forEach((element, index) => {
      const path = `${this.pathPrefix}${key}[${index}]`;
      if (isPlainObject(element)) {
        out.push(read(new FieldReader(element, `${path}.`, this.warnings)));
      } else {
        this.warnings.push({
          path,
          message: `dropped: expected an object, got ${describeType(element)}`,
        });
      }
    });
    return out;
  }

  private drop(key: string, value: unknown, expected: string): undefined {
    this.warnings.push({
      path: this.pathPrefix + key,
      message: `dropped: expected ${expected}, got ${describeType(value)}`,
    });
    return undefined;
  }
}
