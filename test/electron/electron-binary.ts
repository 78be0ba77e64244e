import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * What the specs launch: the packaged app the release workflow built (S1INV_PACKAGED_APP, its
 * executable), else the installed Electron running dist/electron/main.js, else nothing (where
 * Electron's download was skipped).
 */
export function electronLaunch(
  dataDir: string,
): { executablePath: string; args: string[]; packaged: boolean } | undefined {
  const packaged = process.env.S1INV_PACKAGED_APP;
  if (packaged) {
    return { executablePath: resolve(packaged), args: [`--data-dir=${dataDir}`], packaged: true };
  }
  const binary = electronBinary();
  if (binary === undefined) return undefined;
  return {
    executablePath: binary,
    args: ['dist/electron/main.js', `--data-dir=${dataDir}`],
    packaged: false,
  };
}

/** The installed Electron binary, or undefined where its download was skipped. */
export function electronBinary(): string | undefined {
  const electronDir = join(process.cwd(), 'node_modules', 'electron');
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

/** Whether there is anything to launch. */
export const canLaunch = () =>
  process.env.S1INV_PACKAGED_APP !== undefined || electronBinary() !== undefined;

export const NO_ELECTRON =
  'The Electron binary is not installed here (npm ci ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1 because its download host is unreachable). Install Electron normally and run npm run test:electron.';
