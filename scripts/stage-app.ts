// Stages the desktop app for electron-builder in build/app: its own package.json (runtime
// dependencies only), the built bundles and renderer, and a copy of the production dependencies
// from node_modules. Its native modules are Node-API builds, which Electron loads as they are.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import projectPackage from '../package.json' with { type: 'json' };
import {
  filesUnder,
  manifestOf,
  UNPACKED_MANIFEST,
} from '../electron/hosts/desktop/unpacked-integrity';

export const APP_DIR = join('build', 'app');

/**
 * Files a package ships that the app never loads at run time: better-sqlite3's C sources and
 * any build from them (it loads its prebuilt binary), and its binaries for musl systems.
 */
const NOT_SHIPPED = [
  `better-sqlite3${sep}deps`,
  `better-sqlite3${sep}src`,
  `better-sqlite3${sep}build`,
  `better-sqlite3${sep}prebuilds${sep}linuxmusl-`,
];

/**
 * Packages only a build from source uses: better-sqlite3 declares node-addon-api, C++ headers
 * for compiling it, which its prebuilt binaries never read. Their trees never ship (package:check
 * fails if one does).
 */
export const INSTALL_ONLY = ['node-addon-api'];

interface NpmTree {
  path?: string;
  dependencies?: Record<string, NpmTree>;
}

/** The production dependencies' folders and names, with what only install-only packages need. */
export function dependencyTree(): { shipped: Map<string, string>; installOnly: Set<string> } {
  const tree = JSON.parse(
    execFileSync('npm', ['ls', '--omit=dev', '--all', '--json', '--long'], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    }),
  ) as NpmTree;
  const shipped = new Map<string, string>();
  const everything = new Set<string>();
  const walk = (node: NpmTree, skip: boolean) => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      const installOnly = skip || INSTALL_ONLY.includes(name);
      if (child.path) {
        everything.add(name);
        const path = relative(process.cwd(), child.path);
        if (!installOnly && path.startsWith('node_modules')) shipped.set(path, name);
      }
      walk(child, installOnly);
    }
  };
  walk(tree, false);
  const kept = new Set(shipped.values());
  return { shipped, installOnly: new Set([...everything].filter((name) => !kept.has(name))) };
}

export function stageApp(): string {
  for (const built of ['dist/electron/main.js', 'dist/electron/backend.js', 'dist/renderer']) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run npm run build first.`);
  }
  rmSync(APP_DIR, { recursive: true, force: true });
  mkdirSync(APP_DIR, { recursive: true });
  const { name, productName, version, description, author, homepage, license, dependencies } =
    projectPackage;
  writeFileSync(
    join(APP_DIR, 'package.json'),
    `${JSON.stringify(
      {
        name,
        productName,
        version,
        description,
        author,
        homepage,
        license,
        type: 'module',
        main: 'dist/electron/main.js',
        // Electron on Linux names the desktop entry it belongs to (taskbar grouping, icon).
        desktopName: 's1-inventory.desktop',
        dependencies,
      },
      null,
      2,
    )}\n`,
  );
  const notMap = (source: string) => !source.endsWith('.map');
  cpSync('dist/electron', join(APP_DIR, 'dist', 'electron'), { recursive: true, filter: notMap });
  cpSync('dist/renderer', join(APP_DIR, 'dist', 'renderer'), { recursive: true, filter: notMap });
  for (const dependency of dependencyTree().shipped.keys()) {
    cpSync(dependency, join(APP_DIR, dependency), {
      recursive: true,
      filter: (source) =>
        !NOT_SHIPPED.some((skip) => source.includes(skip)) &&
        // Nested node_modules are copied as dependencies of their own.
        !relative(dependency, source).startsWith('node_modules'),
    });
  }
  writeUnpackedManifest();
  return APP_DIR;
}

/** The packages electron-builder may leave outside app.asar: piscina, and any with a binary. */
function unpackCandidates(): string[] {
  const modules = join(APP_DIR, 'node_modules');
  const packages = readdirSync(modules).flatMap((name) =>
    name.startsWith('@')
      ? readdirSync(join(modules, name)).map((inner) => `${name}/${inner}`)
      : [name],
  );
  return packages.flatMap((name) => {
    const files = filesUnder(join(modules, name)).filter((f) => !f.startsWith('node_modules/'));
    const binary = files.some((file) => /\.(node|dll|so|dylib|exe)$/.test(file));
    return name === 'piscina' || binary ? files.map((file) => `node_modules/${name}/${file}`) : [];
  });
}

/**
 * Lists the SHA-256 of every script of what may be unpacked, in a file that ships inside the
 * archive; main checks the unpacked folder against it before starting the backend (issue 27,
 * E13). Staged after the copy.
 */
function writeUnpackedManifest(): void {
  const paths = [
    'dist/electron/precompute-worker.js',
    'dist/electron/grid-load-worker.js',
    ...unpackCandidates(),
  ];
  writeFileSync(
    join(APP_DIR, UNPACKED_MANIFEST),
    `${JSON.stringify(manifestOf(APP_DIR, paths))}\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(`staged ${stageApp()}`);
