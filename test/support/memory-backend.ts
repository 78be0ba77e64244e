import { Backend } from '../../electron/backend/backend';
import type { PlatformPort } from '../../electron/backend/platform';
import { openDatabase } from '../../electron/adapters/db/database';
import { ServePlatform } from '../../electron/hosts/serve/serve-platform';
import type { Logger } from '../../electron/adapters/logging/log-file';
import { MemorySecretStore } from './memory-secret-store';

/** A Backend on a fresh database, an in-memory keychain and a fixed clock, for contract tests. */
export function memoryBackend(
  dataDir: string,
  options: { platform?: PlatformPort; secrets?: MemorySecretStore; now?: Date; log?: Logger } = {},
): Backend {
  return new Backend({
    db: openDatabase(dataDir),
    secrets: options.secrets ?? new MemorySecretStore(),
    clock: { now: () => options.now ?? new Date('2027-01-01T00:00:00Z') },
    dataDir,
    platform: options.platform ?? new ServePlatform(),
    ...(options.log ? { log: options.log } : {}),
  });
}
