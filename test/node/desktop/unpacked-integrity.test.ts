import { cpSync, mkdirSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  filesUnder,
  manifestOf,
  unpackedProblems,
} from '../../../electron/hosts/desktop/unpacked-integrity';
import { useTempDirs } from '../../support/temp-dir';

// Issue 27, E13: the precompute worker, piscina and better-sqlite3's JavaScript ship outside
// app.asar and so outside its integrity check. The build lists their SHA-256 in a manifest
// inside the archive, and main refuses to start the backend when the folder differs.

const tempDir = useTempDirs();

function built() {
  const app = tempDir();
  const put = (path: string, text: string) => {
    mkdirSync(join(app, path, '..'), { recursive: true });
    writeFileSync(join(app, path), text);
  };
  put('dist/electron/precompute-worker.js', 'export default () => 1;');
  put('node_modules/piscina/dist/worker.js', 'module.exports = 2;');
  put('node_modules/piscina/package.json', '{"name":"piscina"}');
  put('node_modules/piscina/README.md', '# piscina');
  put('node_modules/better-sqlite3/build/Release/better_sqlite3.node', 'ELF');
  const manifest = JSON.stringify(manifestOf(app, filesUnder(app)));
  // electron-builder copies the unpacked files beside the archive, as they were built.
  const unpacked = tempDir();
  cpSync(app, unpacked, { recursive: true });
  return { manifest, unpacked };
}

describe('the unpacked files check', () => {
  it('passes a folder as built, and lists only scripts and JSON', () => {
    const { manifest, unpacked } = built();
    expect(unpackedProblems(manifest, unpacked)).toEqual([]);
    expect(Object.keys(JSON.parse(manifest).files)).toEqual([
      'dist/electron/precompute-worker.js',
      'node_modules/piscina/dist/worker.js',
      'node_modules/piscina/package.json',
    ]);
  });

  it('names a changed script and a script the build did not have', () => {
    const { manifest, unpacked } = built();
    appendFileSync(join(unpacked, 'node_modules/piscina/dist/worker.js'), '\nsteal();');
    writeFileSync(join(unpacked, 'dist/electron/extra.mjs'), 'steal();');
    expect(unpackedProblems(manifest, unpacked).sort()).toEqual([
      'dist/electron/extra.mjs is not part of this build',
      'node_modules/piscina/dist/worker.js was changed',
    ]);
  });

  it('compares a package.json by what decides loading, as electron-builder rewrites the rest', () => {
    const { manifest, unpacked } = built();
    const path = join(unpacked, 'node_modules/piscina/package.json');
    writeFileSync(path, '{"name":"piscina","keywords":[]}');
    expect(unpackedProblems(manifest, unpacked)).toEqual([]);
    writeFileSync(path, '{"name":"piscina","main":"../../../tmp/evil.js"}');
    expect(unpackedProblems(manifest, unpacked)).toEqual([
      'node_modules/piscina/package.json was changed',
    ]);
  });

  it('leaves native binaries to code signing, which changes their bytes after the build', () => {
    const { manifest, unpacked } = built();
    appendFileSync(
      join(unpacked, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
      'signature',
    );
    expect(unpackedProblems(manifest, unpacked)).toEqual([]);
  });

  it('fails closed on a manifest that is not JSON', () => {
    const { unpacked } = built();
    expect(unpackedProblems('{', unpacked)).toEqual(['the manifest of unpacked files is not JSON']);
  });
});
