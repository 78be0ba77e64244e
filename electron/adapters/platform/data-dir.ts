import { join } from 'node:path';

export const PRODUCT_NAME = 'S1 Inventory';
export const DATABASE_FILE = 'inventory.sqlite';

export interface DataDirInputs {
  /** The --data-dir flag, when given. */
  flag?: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  homeDir: string;
}

/**
 * Where S1 Inventory keeps its data: `--data-dir`, else `S1INV_DATA_DIR`, else the folder
 * Electron's `app.getPath('userData')` gives for productName "S1 Inventory", so that the CLI,
 * the browser host and the desktop app share one database.
 */
export function resolveDataDir({ flag, env, platform, homeDir }: DataDirInputs): string {
  if (flag !== undefined && flag !== '') return flag;
  const fromEnv = env.S1INV_DATA_DIR;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return join(appDataDir(env, platform, homeDir), PRODUCT_NAME);
}

/** Electron's `appData` path per platform. */
function appDataDir(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform,
  homeDir: string,
): string {
  if (platform === 'darwin') return join(homeDir, 'Library', 'Application Support');
  if (platform === 'win32') return env.APPDATA || join(homeDir, 'AppData', 'Roaming');
  return env.XDG_CONFIG_HOME || join(homeDir, '.config');
}
