import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toContractError } from '../../../electron/backend/contract-errors';
import { AppError, ERROR_CODES } from '../../../shared/errors/app-error';

// Every error class a module below the hosts exports must carry a code, or it would reach the
// analyst as "Something went wrong". The modules are found on disk, so a new error class is
// checked without anyone listing it here.

const LAYERS = ['electron/backend', 'electron/domains', 'electron/adapters', 'shared'];
// Worker entry points start work when imported.
const ENTRY_POINTS = new Set([
  'electron/domains/precompute/precompute-worker.ts',
  'electron/domains/devices/grid-load-worker.ts',
]);

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !ENTRY_POINTS.has(file));
}

type ErrorClass = new (...args: never[]) => Error;

async function exportedErrorClasses(): Promise<Map<string, ErrorClass>> {
  const found = new Map<string, ErrorClass>();
  for (const file of LAYERS.flatMap(modules)) {
    const exports = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<
      string,
      unknown
    >;
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value === 'function' && value.prototype instanceof Error && value !== AppError) {
        found.set(`${file}#${name}`, value as ErrorClass);
      }
    }
  }
  return found;
}

// Constructors differ; their values do not matter here, so the first list that builds one wins.
const ARGUMENT_LISTS: unknown[][] = [
  ['stub message'],
  ['stub', []],
  ['stub', { agents: 1, threats: 0, activities: 0 }],
  [500, 'stub', undefined],
  [500, '/stub', [], undefined, true],
];

function instanceOf(cls: ErrorClass): Error {
  for (const args of ARGUMENT_LISTS) {
    try {
      return Reflect.construct(cls, args) as Error;
    } catch {
      // try the next shape
    }
  }
  throw new Error(`Could not build a ${cls.name}; add an argument list that fits it.`);
}

describe('every named error maps to a contract code', () => {
  it('finds the error classes of every layer', async () => {
    const classes = await exportedErrorClasses();
    expect(classes.size).toBeGreaterThan(20);
  });

  it('each exported error class is an AppError with a code the contract knows', async () => {
    const unmapped: string[] = [];
    for (const [where, cls] of await exportedErrorClasses()) {
      if (!(cls.prototype instanceof AppError)) {
        unmapped.push(where);
        continue;
      }
      const error = instanceOf(cls);
      expect(ERROR_CODES, where).toContain((error as AppError).code);
      expect(toContractError(error).code, where).not.toBe('internal');
    }
    expect(unmapped).toEqual([]);
  });

  it('every code is produced by some error, and anything else is reported as internal', async () => {
    const produced = new Set<string>(['internal']);
    for (const cls of (await exportedErrorClasses()).values()) {
      if (cls.prototype instanceof AppError) produced.add((instanceOf(cls) as AppError).code);
    }
    expect([...produced].sort()).toEqual([...ERROR_CODES].sort());
    expect(toContractError(new TypeError('x is undefined'))).toMatchObject({
      name: 'InternalError',
      code: 'internal',
    });
  });
});
