// `npm run package:check`: what the desktop app would ship, checked where Electron's binary
// cannot be downloaded. electron-builder packs the staged app for Linux (--dir) into release/,
// and the result is audited: sizes, what must not ship, native modules unpacked and loadable by
// Electron (Node-API, or built for Electron's ABI: anything else fails), and the files main
// loads at the paths they are loaded from. With the real Electron installed the build is the
// real one, fuses flipped; without it, a stub distribution stands in, fuses are not flipped, and
// the build is an INSPECTION BUILD, said so in its output and its folder's name
// (release/INSPECTION-BUILD-not-a-release/).
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import asar from '@electron/asar';
import yaml from 'js-yaml';
import electronPackage from 'electron/package.json' with { type: 'json' };
import { buildIcons } from './build-icons';
import { dependencyTree, stageApp } from './stage-app';
import { UNPACKED_MANIFEST, unpackedProblems } from '../electron/hosts/desktop/unpacked-integrity';
import { electronAbi, nativeAbiProblems, readNative } from './native-abi';

const REAL_ELECTRON = join('node_modules', 'electron', 'dist', 'electron');
const STUB_ELECTRON = join('build', 'electron-stub');
/**
 * An inspection build (stub Electron, no fuses) is written where no release is looked for, under
 * a name that says what it is.
 */
const INSPECTION_OUTPUT = join('release', 'INSPECTION-BUILD-not-a-release');
/**
 * main.js is parsed before the window can open; it relays calls and holds no schemas (issue 28:
 * zod had made it 827 KB).
 */
const LIMITS_MB = { asar: 10, unpacked: 15, main: 0.2 };
/** Bundled at build time, so never shipped as packages. */
const MUST_NOT_SHIP = [
  'react',
  'react-dom',
  '@mui',
  'ag-grid',
  'tsx',
  'esbuild',
  'vite',
  'typescript',
];
/** What main loads, at the paths it loads them from (electron/main/main.ts). */
const REQUIRED = [
  'package.json',
  'dist/electron/main.js',
  'dist/electron/preload.cjs',
  'dist/electron/backend.js',
  'dist/electron/precompute-worker.js',
  'dist/electron/grid-load-worker.js',
  UNPACKED_MANIFEST,
  'dist/renderer/index.html',
];

const problems: string[] = [];
const check = (ok: boolean, problem: string) => void (ok || problems.push(problem));

function stubElectron(): string {
  mkdirSync(join(STUB_ELECTRON, 'resources'), { recursive: true });
  const binary = join(STUB_ELECTRON, 'electron');
  writeFileSync(
    binary,
    '#!/bin/sh\necho "a stub Electron for package:check; not runnable" >&2\nexit 1\n',
  );
  chmodSync(binary, 0o755);
  writeFileSync(join(STUB_ELECTRON, 'version'), `v${electronPackage.version}`);
  writeFileSync(join(STUB_ELECTRON, 'LICENSE'), 'Stub Electron distribution for package:check.\n');
  return STUB_ELECTRON;
}

function sizeOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, entry) => sum + sizeOf(join(path, entry)), 0);
}

function filesUnder(path: string, prefix = ''): string[] {
  return readdirSync(join(path, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path, join(prefix, entry.name)) : [join(prefix, entry.name)],
  );
}

const real = existsSync(REAL_ELECTRON);
const output = real ? 'release' : INSPECTION_OUTPUT;
const OUT = join(output, 'linux-unpacked', 'resources');
stageApp();
await buildIcons();
const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;
if (!real) {
  Object.assign(config, {
    directories: { ...(config.directories as object), output },
    electronDist: stubElectron(),
    electronVersion: electronPackage.version,
  });
  delete config.electronFuses;
  console.log(
    `package:check: INSPECTION BUILD. No Electron binary here (npm ci ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1), so a stub distribution stands in and fuses are not flipped. It goes to ${INSPECTION_OUTPUT}/: never ship it.`,
  );
}
writeFileSync(join('build', 'electron-builder.check.json'), JSON.stringify(config, null, 2));
execFileSync(
  process.execPath,
  [
    'node_modules/electron-builder/cli.js',
    '--dir',
    '--linux',
    '--config',
    join('build', 'electron-builder.check.json'),
  ],
  { stdio: 'inherit' },
);

const archive = join(OUT, 'app.asar');
const unpacked = join(OUT, 'app.asar.unpacked');
const listed = asar
  .listPackage(archive, { isPack: false })
  .map((path) => path.replace(/^[\\/]/, ''));
const shipped = new Set([...listed, ...filesUnder(unpacked)]);
const packages = new Set(
  [...shipped].flatMap((path) => {
    const match = /(?:^|\/)node_modules\/(@[^/]+\/[^/]+|[^@/][^/]*)\//.exec(path);
    return match ? [match[1]!] : [];
  }),
);
const asarMb = sizeOf(archive) / 1e6;
const mainMb = asar.extractFile(archive, 'dist/electron/main.js').length / 1e6;
const unpackedMb = sizeOf(unpacked) / 1e6;
const nativeFiles = [...shipped].filter((path) => path.endsWith('.node'));
const nativeInAsar = nativeFiles.filter((path) => {
  try {
    return !(
      'unpacked' in asar.statFile(archive, path, false) &&
      asar.statFile(archive, path, false).unpacked
    );
  } catch {
    return false; // only in the unpacked folder
  }
});

const abi = electronAbi(electronPackage.version);
const abiProblems = nativeAbiProblems(readNative(nativeFiles, unpacked), {
  abi,
  runtime: `Electron ${electronPackage.version}`,
});

console.log(
  `package:check: ${real ? 'real' : 'stub (INSPECTION BUILD, not a release)'} Electron ${electronPackage.version}, ABI ${abi}`,
);
console.log(`  app.asar           ${asarMb.toFixed(1)} MB (limit ${LIMITS_MB.asar} MB)`);
console.log(`  app.asar.unpacked  ${unpackedMb.toFixed(1)} MB (limit ${LIMITS_MB.unpacked} MB)`);
console.log(
  `  main.js            ${(mainMb * 1000).toFixed(0)} KB (limit ${LIMITS_MB.main * 1000} KB)`,
);
console.log(`  packages           ${packages.size}: ${[...packages].sort().join(', ')}`);
console.log(`  native modules     ${nativeFiles.join(', ')}`);
// Nothing is rebuilt for Electron (npmRebuild: false): what ships is what the tests loaded, so a
// module Electron cannot load fails the inspection build as it would fail the release.
for (const problem of abiProblems) check(false, problem);

check(
  mainMb <= LIMITS_MB.main,
  `main.js is ${(mainMb * 1000).toFixed(0)} KB, over ${LIMITS_MB.main * 1000} KB: keep schema libraries out of main`,
);
check(asarMb <= LIMITS_MB.asar, `app.asar is ${asarMb.toFixed(1)} MB, over ${LIMITS_MB.asar} MB`);
check(
  unpackedMb <= LIMITS_MB.unpacked,
  `app.asar.unpacked is ${unpackedMb.toFixed(1)} MB, over ${LIMITS_MB.unpacked} MB`,
);
const { installOnly } = dependencyTree();
const installOnlyShipped = [...packages].filter((name) => installOnly.has(name));
check(
  installOnlyShipped.length === 0,
  `install-only packages would ship: ${installOnlyShipped.join(', ')} (scripts/stage-app.ts, INSTALL_ONLY)`,
);
for (const name of MUST_NOT_SHIP) {
  const found = [...packages].filter(
    (p) => p === name || p.startsWith(`${name}/`) || p.startsWith(`${name}-`),
  );
  check(found.length === 0, `${found.join(', ')} would ship (it is bundled at build time)`);
}
const sqliteBuilds = nativeFiles.filter((path) => path.includes('better-sqlite3/'));
check(
  sqliteBuilds.length === 1 && sqliteBuilds[0]!.endsWith('prebuilds/linux-x64.node'),
  `better-sqlite3 must ship its linux-x64 build alone, not: ${sqliteBuilds.join(', ') || 'none'}`,
);
check(nativeInAsar.length === 0, `native modules inside the archive: ${nativeInAsar.join(', ')}`);
check(
  [...packages].some((p) => p.startsWith('@napi-rs/keyring-')),
  "@napi-rs/keyring's platform binary is missing",
);
for (const path of REQUIRED) check(shipped.has(path), `${path} is missing from the app`);
check(
  ![...shipped].some((path) => /better-sqlite3\/(deps|src)\//.test(path)),
  "better-sqlite3's C sources would ship",
);
const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as {
  main?: string;
  desktopName?: string;
};
// Every script left outside the archive is listed, byte for byte, in the manifest inside it.
const unpackedManifest = asar.extractFile(archive, UNPACKED_MANIFEST).toString('utf8');
for (const problem of unpackedProblems(unpackedManifest, unpacked)) {
  check(false, `unpacked: ${problem} (the manifest inside app.asar does not match)`);
}
check(manifest.main === 'dist/electron/main.js', `package.json main is ${manifest.main}`);
check(manifest.desktopName === 's1-inventory.desktop', 'package.json has no desktopName');

if (problems.length > 0) {
  console.error(`package:check: FAILED\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  real
    ? 'package:check: passed'
    : `package:check: passed as an INSPECTION BUILD (${INSPECTION_OUTPUT}): the release is built and launched where Electron can be downloaded`,
);
