import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layers of the house are enforced by ESLint (eslint.config.js). These cases prove each
// forbidden import fails lint, and that the allowed ones pass, on sources that do not exist
// on disk: ESLint resolves the config by path.

const eslint = new ESLint({ cwd: process.cwd() });
// Spelled apart so that this file, which only holds samples, is not itself an import of it.
const ELECTRON = ['elec', 'tron'].join('');

async function restrictedImports(filePath: string, source: string): Promise<number> {
  const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId?.endsWith('no-restricted-imports')).length;
}

describe('lint enforces the layer boundaries', () => {
  it.each([
    ['shared/ocsf/x.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/ocsf/x.ts', "import path from 'path';"],
    ['shared/ocsf/x.ts', "import { readFile } from 'fs/promises';"],
    ['shared/ocsf/x.ts', `import { app } from '${ELECTRON}';`],
    ['shared/ocsf/x.ts', "import { runCli } from '../../electron/cli/main';"],
    ['shared/ocsf/x.ts', "import { App } from '../../renderer/src/App';"],
    ['electron/cli/x.ts', `import { app } from '${ELECTRON}';`],
    ['electron/cli/x.ts', "import { App } from '../../renderer/src/App';"],
    ['renderer/src/x.tsx', "import { readFileSync } from 'node:fs';"],
    ['renderer/src/x.tsx', "import crypto from 'crypto';"],
    ['renderer/src/x.tsx', `import { ipcRenderer } from '${ELECTRON}';`],
    ['renderer/src/x.tsx', "import { runCli } from '../../electron/cli/main';"],
    ['electron/main/x.ts', `import { ipcMain } from '${ELECTRON}';`],
    ['electron/preload/x.ts', `import { ipcRenderer } from '${ELECTRON}';`],
    ['electron/backend/x.ts', `import { utilityProcess } from '${ELECTRON}';`],
    // hosts → backend → domains → adapters → shared, one way only
    ['electron/hosts/cli/x.ts', "import { SyncEngine } from '../../domains/sync/sync-engine';"],
    ['electron/hosts/cli/commands/x.ts', "import { x } from '../../../domains/export/exporter';"],
    ['electron/hosts/cli/x.ts', "import { openDatabase } from '../../adapters/db/database';"],
    ['electron/hosts/cli/x.ts', "import type { Db } from '../../adapters/db/database';"],
    ['electron/backend/x.ts', "import { runCli } from '../hosts/cli/main';"],
    ['electron/domains/sync/x.ts', "import { runCli } from '../../hosts/cli/main';"],
    ['electron/domains/sync/x.ts', "import { dispatch } from '../../backend/dispatch';"],
    ['electron/domains/sync/x.ts', "import { x } from '../../main/window';"],
    ['electron/adapters/db/x.ts', "import { SyncEngine } from '../../domains/sync/sync-engine';"],
    ['electron/adapters/db/x.ts', "import { dispatch } from '../../backend/dispatch';"],
    ['electron/adapters/db/x.ts', "import type { Backend } from '../../backend/backend';"],
    ['electron/adapters/db/x.ts', "import { startServeHost } from '../../hosts/serve/serve-host';"],
  ])('%s may not: %s', async (file, source) => {
    expect(await restrictedImports(file, source)).toBeGreaterThan(0);
  });

  it.each([
    ['shared/ocsf/x.ts', "import { z } from 'zod';"],
    ['shared/ocsf/x.ts', "import { isIpAddress } from '../net';"],
    ['shared/ocsf/x.ts', "import { parseAgent } from '../sentinelone/agent';"],
    ['electron/cli/x.ts', "import { readFileSync } from 'node:fs';"],
    ['electron/cli/x.ts', "import { mapAgentToOcsf } from '../../shared/ocsf/mapper';"],
    ['electron/main/x.ts', `import { app } from '${ELECTRON}';`],
    ['electron/preload/x.ts', `import { contextBridge } from '${ELECTRON}';`],
    ['renderer/src/x.tsx', "import { OCSF_VERSION } from '../../shared/ocsf/enums';"],
    ['electron/main/ipc-bridge.ts', `import { ipcMain } from '${ELECTRON}';`],
    ['electron/preload/preload.ts', `import { ipcRenderer } from '${ELECTRON}';`],
    ['electron/hosts/serve/x.ts', "import { dispatch } from '../../backend/dispatch';"],
    ['electron/hosts/cli/x.ts', "import { dispatch } from '../../backend/dispatch';"],
    ['electron/hosts/cli/x.ts', "import { ServePlatform } from '../serve/serve-platform';"],
    ['electron/backend/x.ts', "import { SyncEngine } from '../domains/sync/sync-engine';"],
    ['electron/domains/sync/x.ts', "import type { Backend } from '../../backend/backend';"],
    ['electron/domains/sync/x.ts', "import { openDatabase } from '../../adapters/db/database';"],
    ['electron/domains/sync/x.ts', "import { HealthStore } from '../health/health-store';"],
    ['electron/adapters/db/x.ts', "import { redact } from '../logging/redact';"],
  ])('%s may: %s', async (file, source) => {
    expect(await restrictedImports(file, source)).toBe(0);
  });
});

describe('lint keeps SQL in the stores', () => {
  const sql = "const n = db.prepare('SELECT COUNT(*) FROM consoles').pluck().get();";
  const count = async (filePath: string) => {
    const [result] = await eslint.lintText(`${sql}\nexport {};\n`, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').length;
  };

  it.each([
    'electron/domains/devices/handlers.ts',
    'electron/backend/backend.ts',
    'electron/domains/push/pusher.ts',
    'electron/hosts/serve/x.ts',
  ])('refuses a prepared statement in %s', async (file) => {
    expect(await count(file)).toBeGreaterThan(0);
  });

  it.each([
    'electron/domains/push/outbox-store.ts',
    'electron/domains/consoles/console-repository.ts',
    'electron/adapters/db/migrate.ts',
  ])('allows one in %s', async (file) => {
    expect(await count(file)).toBe(0);
  });
});
