// `npm run rebuild:electron`: builds better-sqlite3 for the installed Electron's ABI, apart from
// the Node build in node_modules (which tests and the CLI keep using), into
// dist/electron/native/electron-<abi>/, where the backend looks for it under Electron
// (electron/adapters/db/native-binding.ts). It needs Electron's headers from Electron's download
// host; where that cannot be reached it stops and says so.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { rebuild } from '@electron/rebuild';
import electronPackage from 'electron/package.json' with { type: 'json' };
import betterSqlitePackage from 'better-sqlite3/package.json' with { type: 'json' };
import { electronNativePath, NATIVE_FILE } from '../electron/adapters/db/native-binding';
import { electronAbi, nativeAbiOf } from './native-abi';

const electronVersion = electronPackage.version;
const abi = electronAbi(electronVersion);
const stage = resolve('build', 'native-stage');

rmSync(stage, { recursive: true, force: true });
mkdirSync(join(stage, 'node_modules'), { recursive: true });
// @electron/rebuild walks the stage's declared dependencies: better-sqlite3 alone.
writeFileSync(
  join(stage, 'package.json'),
  JSON.stringify({
    name: 'native-stage',
    version: '0.0.0',
    dependencies: { 'better-sqlite3': betterSqlitePackage.version },
  }),
);
cpSync('node_modules/better-sqlite3', join(stage, 'node_modules', 'better-sqlite3'), {
  recursive: true,
  filter: (source) => !source.includes(`${join('better-sqlite3', 'build')}`),
});
try {
  await rebuild({
    buildPath: stage,
    electronVersion,
    onlyModules: ['better-sqlite3'],
    force: true,
  });
} catch (error) {
  console.error(
    `rebuild:electron: could not build better-sqlite3 for Electron ${electronVersion} (${(error as Error).message.split('\n')[0]}). ` +
      'It downloads Electron’s headers; run it where Electron’s download host can be reached.',
  );
  process.exit(1);
}
const built = join(stage, 'node_modules', 'better-sqlite3', 'build', 'Release', NATIVE_FILE);
// A build against the wrong headers (node-gyp falls back to Node's own when Electron's cannot
// be fetched) would load nowhere: check the ABI the binary registers before keeping it.
const registers = nativeAbiOf(readFileSync(built));
if (registers.kind !== 'node' || registers.abi !== abi) {
  console.error(
    `rebuild:electron: the build registers ABI ${registers.kind === 'node' ? registers.abi : 'unknown'}, not Electron ${electronVersion}'s ${abi}: ` +
      'Electron’s headers were not used (they download from Electron’s host). Nothing was kept; ' +
      'run it where that host can be reached.',
  );
  process.exit(1);
}
const target = electronNativePath('dist/electron', String(abi));
mkdirSync(join(target, '..'), { recursive: true });
cpSync(built, target);
console.log(`rebuild:electron: ${target} (Electron ${electronVersion}, ABI ${abi})`);
