import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The installed Electron binary, or undefined where its download was skipped. */
export function electronBinary(): string | undefined {
  const electronDir = join(process.cwd(), 'node_modules', 'electron');
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

export const NO_ELECTRON =
  'The Electron binary is not installed here (npm ci ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1 because its download host is unreachable). Install Electron normally and run npm run test:electron.';
