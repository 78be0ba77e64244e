import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

// Files electron-builder leaves outside app.asar (worker scripts, native modules' packages) are
// outside its integrity check too (issue 27, E13): someone who can write the install folder could
// change the JavaScript the backend's workers run. The build lists each unpacked script's
// SHA-256 in a manifest that ships inside the archive; main checks the folder against it before
// it starts the backend. Native binaries are left to code signing (macOS and Windows sign them,
// which changes their bytes after the build), so only what a JavaScript runtime would read is
// listed: scripts and JSON.

/** Where the manifest ships, relative to the app's root (inside app.asar). */
export const UNPACKED_MANIFEST = 'dist/electron/unpacked-manifest.json';

const CHECKED_EXTENSIONS = new Set(['.js', '.cjs', '.mjs', '.json']);

/** Whether a file of the unpacked folder must be listed: one a script loader would read. */
export const isChecked = (path: string) => CHECKED_EXTENSIONS.has(extname(path).toLowerCase());

export interface UnpackedManifest {
  /** Path relative to the app's root, with forward slashes → SHA-256, hex. */
  files: Record<string, string>;
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/**
 * The fields of a package.json that decide what Node loads. electron-builder rewrites every
 * package.json it packs (it drops scripts, keywords…), so the rest cannot be compared.
 */
const LOADING_FIELDS = ['name', 'type', 'main', 'exports', 'imports'] as const;

/** A file's digest: its bytes' SHA-256, or for a package.json that of its loading fields. */
export function digestOf(path: string): string {
  const bytes = readFileSync(path);
  if (basename(path) !== 'package.json') return sha256(bytes);
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  } catch {
    return sha256(bytes);
  }
  return sha256(JSON.stringify(LOADING_FIELDS.map((field) => parsed[field] ?? null)));
}

/** Every file under `root`, relative to it, with forward slashes. */
export function filesUnder(root: string, prefix = ''): string[] {
  return readdirSync(join(root, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    return entry.isDirectory() ? filesUnder(root, path) : [path];
  });
}

/** The manifest of the checked files among `paths` (relative to `root`). */
export function manifestOf(root: string, paths: readonly string[]): UnpackedManifest {
  const files: Record<string, string> = {};
  for (const path of [...paths].filter(isChecked).sort()) files[path] = digestOf(join(root, path));
  return { files };
}

/**
 * What is wrong with the unpacked folder against the manifest: a checked file that is not
 * listed, or whose bytes differ. Empty when all is well (or when nothing is unpacked).
 */
export function unpackedProblems(manifestText: string, unpackedDir: string): string[] {
  let manifest: UnpackedManifest;
  try {
    manifest = JSON.parse(manifestText) as UnpackedManifest;
  } catch {
    return ['the manifest of unpacked files is not JSON'];
  }
  if (!existsSync(unpackedDir)) return [];
  const problems: string[] = [];
  for (const path of filesUnder(unpackedDir).filter(isChecked)) {
    const expected = manifest.files?.[path];
    if (expected === undefined) problems.push(`${path} is not part of this build`);
    else if (digestOf(join(unpackedDir, path)) !== expected) problems.push(`${path} was changed`);
  }
  return problems;
}
