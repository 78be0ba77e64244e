// Stages the desktop app for electron-builder in build/app: its own package.json (runtime
// dependencies only), the built bundles and renderer, and a copy of the production dependencies
// from node_modules. electron-builder then rebuilds native modules for Electron inside
// build/app/node_modules, never in the project's node_modules, whose Node builds the tests and
// the CLI keep using.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import projectPackage from '../package.json' with { type: 'json' };

export const APP_DIR = join('build', 'app');

/** Files a package ships that the app never loads at run time. */
const NOT_SHIPPED = [
  `better-sqlite3${sep}deps`,
  `better-sqlite3${sep}src`,
  `better-sqlite3${sep}build${sep}Release${sep}obj`,
  `better-sqlite3${sep}build${sep}Release${sep}.deps`,
  `better-sqlite3${sep}build${sep}Release${sep}test_extension.node`,
  `better-sqlite3${sep}build${sep}deps`,
];

function productionDependencies(): string[] {
  const listed = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
    encoding: 'utf8',
  });
  return listed
    .split('\n')
    .map((line) => relative(process.cwd(), line.trim()))
    .filter((path) => path.startsWith('node_modules'));
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
  cpSync('dist/electron', join(APP_DIR, 'dist', 'electron'), {
    recursive: true,
    // The checkout's own Electron build of better-sqlite3 is for `npm start` only.
    filter: (source) => notMap(source) && !source.includes(`${sep}native`),
  });
  cpSync('dist/renderer', join(APP_DIR, 'dist', 'renderer'), { recursive: true, filter: notMap });
  for (const dependency of productionDependencies()) {
    cpSync(dependency, join(APP_DIR, dependency), {
      recursive: true,
      filter: (source) =>
        !NOT_SHIPPED.some((skip) => source.includes(skip)) &&
        // Nested node_modules are copied as dependencies of their own.
        !relative(dependency, source).startsWith('node_modules'),
    });
  }
  return APP_DIR;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(`staged ${stageApp()}`);
