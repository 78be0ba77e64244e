import { execFileSync } from 'node:child_process';
import { electronBinary } from './electron-binary';

// Electron's backend loads a better-sqlite3 built for Electron's ABI (dist/electron/native);
// build it before the shell starts. Where no Electron is installed the specs skip, saying why.
// A packaged app (S1INV_PACKAGED_APP) carries its own, rebuilt by electron-builder.
export default function globalSetup(): void {
  if (process.env.S1INV_PACKAGED_APP || electronBinary() === undefined) return;
  execFileSync('npm', ['run', 'rebuild:electron'], { stdio: 'inherit' });
}
