// `tsx scripts/check-native-abi.ts DIR`: every `.node` file under DIR (a release folder) is a
// Node-API build or registers the ABI of the installed Electron. The release workflow runs it on what
// electron-builder produced; package:check runs the same check on its own build.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import electronPackage from 'electron/package.json' with { type: 'json' };
import { electronAbi, nativeAbiProblems, readNative } from './native-abi';

const root = process.argv[2] ?? 'release';
const found = (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[])
  .filter((path) => path.endsWith('.node'))
  .map((path) => relative(root, join(root, path)));
const abi = electronAbi(electronPackage.version);
const problems = nativeAbiProblems(readNative(found, root), {
  abi,
  runtime: `Electron ${electronPackage.version}`,
});
console.log(`check-native-abi: ${found.length} native modules under ${root}, Electron ABI ${abi}`);
if (found.length === 0) problems.push(`no native module under ${root}: was the app packaged?`);
if (problems.length > 0) {
  console.error(`check-native-abi: FAILED\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('check-native-abi: every native module loads in Electron');
