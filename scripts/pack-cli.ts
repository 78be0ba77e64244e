// `npm run package:cli`: the `s1inv` command as its own npm package, @s1inventory/cli (the
// unscoped name `s1inv` belongs to someone else on the registry). It carries the CLI's bundle,
// the renderer `s1inv serve` serves, bin/ and a README, and depends on the packages the bundle
// leaves out (native modules, piscina, open) at the exact versions the lockfile tested. Packed
// into release/cli/ with `npm pack`.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import projectPackage from '../package.json' with { type: 'json' };
import lockfile from '../package-lock.json' with { type: 'json' };

export const CLI_PACKAGE = '@s1inventory/cli';
const STAGE = join('build', 'cli-package');
export const CLI_RELEASE_DIR = join('release', 'cli');
/** What the bundle imports at run time (scripts/esbuild-node.ts keeps them external). */
const RUNTIME_DEPENDENCIES = ['better-sqlite3', '@napi-rs/keyring', 'piscina', 'open'];

const lockedVersion = (name: string): string => {
  const entry = (lockfile.packages as Record<string, { version?: string }>)[`node_modules/${name}`];
  if (!entry?.version) throw new Error(`${name} is not in package-lock.json: run npm install`);
  return entry.version;
};

/** Stages and packs the CLI; returns the tarball's path. */
export function packCli(): string {
  for (const built of ['dist/cli/s1inv.js', 'dist/renderer/index.html']) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run npm run build first.`);
  }
  rmSync(STAGE, { recursive: true, force: true });
  mkdirSync(STAGE, { recursive: true });
  const { version, description, homepage, author, license, engines } = projectPackage;
  writeFileSync(
    join(STAGE, 'package.json'),
    `${JSON.stringify(
      {
        name: CLI_PACKAGE,
        version,
        description,
        homepage,
        author,
        license,
        type: 'module',
        bin: { s1inv: 'bin/s1inv.js' },
        engines,
        files: ['bin', 'dist'],
        dependencies: Object.fromEntries(
          RUNTIME_DEPENDENCIES.map((name) => [name, lockedVersion(name)]),
        ),
      },
      null,
      2,
    )}\n`,
  );
  const notMap = (source: string) => !source.endsWith('.map');
  for (const path of ['bin/s1inv.js', 'bin/require-node.js']) cpSync(path, join(STAGE, path));
  cpSync('dist/cli', join(STAGE, 'dist', 'cli'), { recursive: true, filter: notMap });
  cpSync('dist/renderer', join(STAGE, 'dist', 'renderer'), { recursive: true, filter: notMap });
  cpSync(join('packages', 'cli', 'README.md'), join(STAGE, 'README.md'));
  mkdirSync(CLI_RELEASE_DIR, { recursive: true });
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', resolve(CLI_RELEASE_DIR)], {
      cwd: STAGE,
      encoding: 'utf8',
    }),
  ) as { filename: string; size: number; entryCount: number }[];
  const { filename, size, entryCount } = packed[0]!;
  console.log(
    `package:cli: ${join(CLI_RELEASE_DIR, filename)} (${(size / 1e6).toFixed(1)} MB, ${entryCount} files)`,
  );
  return join(CLI_RELEASE_DIR, filename);
}

if (import.meta.url === `file://${process.argv[1]}`) packCli();
