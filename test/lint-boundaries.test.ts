import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { posix } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the layer table is plain JavaScript, read by ESLint's config too.
import { DOMAINS, LAYERS, domainOf, layerOf } from '../lint/layers.js';

// The layers of the house are enforced by ESLint: `layers/imports`, generated from the table in
// lint/layers.js, and the package rules of eslint.config.js. These cases prove each forbidden
// import fails lint and the allowed ones pass, on sources that do not exist on disk: ESLint
// resolves the config by path.

const eslint = new ESLint({ cwd: process.cwd() });
// Spelled apart so that this file, which only holds samples, is not itself an import of it.
const ELECTRON = ['elec', 'tron'].join('');

async function importProblems(filePath: string, source: string): Promise<number> {
  const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath });
  return (result?.messages ?? []).filter(
    (m) => m.ruleId?.endsWith('no-restricted-imports') || m.ruleId === 'layers/imports',
  ).length;
}

describe('lint enforces the layer boundaries', () => {
  it.each([
    ['shared/ocsf/x.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/ocsf/x.ts', "import path from 'path';"],
    ['shared/ocsf/x.ts', "import { readFile } from 'fs/promises';"],
    ['shared/ocsf/x.ts', `import { app } from '${ELECTRON}';`],
    ['shared/ocsf/x.ts', "import { runCli } from '../../electron/hosts/cli/main';"],
    ['shared/ocsf/x.ts', "import { App } from '../../renderer/src/App';"],
    ['electron/hosts/cli/x.ts', `import { app } from '${ELECTRON}';`],
    ['electron/hosts/cli/x.ts', "import { App } from '../../../renderer/src/App';"],
    ['renderer/src/x.tsx', "import { readFileSync } from 'node:fs';"],
    ['renderer/src/x.tsx', "import crypto from 'crypto';"],
    ['renderer/src/x.tsx', `import { ipcRenderer } from '${ELECTRON}';`],
    ['renderer/src/x.tsx', "import { runCli } from '../../electron/hosts/cli/main';"],
    ['electron/main/x.ts', `import { ipcMain } from '${ELECTRON}';`],
    ['electron/preload/x.ts', `import { ipcRenderer } from '${ELECTRON}';`],
    ['electron/backend/x.ts', `import { utilityProcess } from '${ELECTRON}';`],
    // hosts → backend → domains → storage → adapters → shared, one way only
    ['electron/hosts/cli/x.ts', "import { SyncEngine } from '../../domains/sync/sync-engine';"],
    ['electron/hosts/cli/commands/x.ts', "import { x } from '../../../domains/export/exporter';"],
    ['electron/hosts/cli/x.ts', "import { openDatabase } from '../../adapters/db/database';"],
    ['electron/hosts/cli/x.ts', "import type { Db } from '../../adapters/db/database';"],
    ['electron/hosts/cli/x.ts', "import { Backend } from '../../backend/backend';"],
    // serve and the utility host reach the backend only through its door (dispatch)
    ['electron/hosts/serve/x.ts', "import { x } from '../../domains/sync/sync-engine';"],
    ['electron/hosts/serve/x.ts', "import { x } from '../../storage/storage';"],
    ['electron/hosts/serve/x.ts', "import { openDatabase } from '../../adapters/db/database';"],
    ['electron/hosts/utility/x.ts', "import { openDatabase } from '../../adapters/db/database';"],
    ['electron/hosts/utility/x.ts', "import { HANDLERS } from '../../backend/handler-table';"],
    ['electron/backend/x.ts', "import { runCli } from '../hosts/cli/main';"],
    ['electron/domains/sync/x.ts', "import { runCli } from '../../hosts/cli/main';"],
    ['electron/domains/sync/x.ts', "import { dispatch } from '../../backend/dispatch';"],
    ['electron/domains/sync/x.ts', "import { x } from '../../main/window';"],
    // the database is storage's alone
    ['electron/domains/sync/x.ts', "import { openDatabase } from '../../adapters/db/database';"],
    ['electron/domains/sync/x.ts', "import type { Db } from '../../adapters/db/database';"],
    ['electron/domains/sync/x.ts', "export type { Db } from '../../adapters/db/database';"],
    ['electron/domains/sync/x.ts', "const db = await import('../../adapters/db/database');"],
    ['electron/storage/x.ts', "import { SyncEngine } from '../domains/sync/sync-engine';"],
    ['electron/storage/x.ts', "import type { Backend } from '../backend/backend';"],
    // domains import each other only as the table says
    ['electron/domains/consoles/x.ts', "import { SyncEngine } from '../sync/sync-engine';"],
    ['electron/domains/precompute/x.ts', "import { syncAgents } from '../sync/agents-sync';"],
    [
      'electron/domains/devices/x.ts',
      "import type { SekoiaTarget } from '../sekoia/sekoia-targets';",
    ],
    ['electron/adapters/db/x.ts', "import { SyncEngine } from '../../domains/sync/sync-engine';"],
    ['electron/adapters/db/x.ts', "import { dispatch } from '../../backend/dispatch';"],
    ['electron/adapters/db/x.ts', "import type { Backend } from '../../backend/backend';"],
    ['electron/adapters/db/x.ts', "import { startServeHost } from '../../hosts/serve/serve-host';"],
    ['electron/adapters/http/x.ts', "import { ChunkReader } from '../../storage/chunk-store';"],
  ])('%s may not: %s', async (file, source) => {
    expect(await importProblems(file, source)).toBeGreaterThan(0);
  });

  it.each([
    ['shared/ocsf/x.ts', "import { z } from 'zod';"],
    ['shared/ocsf/x.ts', "import { isIpAddress } from '../net';"],
    ['shared/ocsf/x.ts', "import { parseAgent } from '../sentinelone/agent';"],
    ['electron/hosts/cli/x.ts', "import { readFileSync } from 'node:fs';"],
    ['electron/hosts/cli/x.ts', "import { mapAgentToOcsf } from '../../../shared/ocsf/mapper';"],
    ['electron/main/x.ts', `import { app } from '${ELECTRON}';`],
    ['electron/preload/x.ts', `import { contextBridge } from '${ELECTRON}';`],
    ['renderer/src/x.tsx', "import { OCSF_VERSION } from '../../shared/ocsf/enums';"],
    ['electron/main/ipc-bridge.ts', `import { ipcMain } from '${ELECTRON}';`],
    ['electron/preload/preload.ts', `import { ipcRenderer } from '${ELECTRON}';`],
    ['electron/hosts/serve/x.ts', "import { dispatch } from '../../backend/dispatch';"],
    ['electron/hosts/serve/x.ts', "import type { Backend } from '../../backend/backend';"],
    ['electron/hosts/cli/x.ts', "import { dispatch } from '../../backend/dispatch';"],
    ['electron/hosts/cli/x.ts', "import { ServePlatform } from '../serve/serve-platform';"],
    ['electron/backend/x.ts', "import { SyncEngine } from '../domains/sync/sync-engine';"],
    ['electron/backend/open-backend.ts', "import { openDatabase } from '../adapters/db/database';"],
    ['electron/domains/sync/x.ts', "import type { Backend } from '../../backend/backend';"],
    ['electron/domains/sync/x.ts', "import type { Storage } from '../../storage/storage';"],
    ['electron/domains/sync/x.ts', "import { HealthStore } from '../../storage/health-store';"],
    [
      'electron/domains/sync/x.ts',
      "import { normaliseConsoleUrl } from '../consoles/console-url';",
    ],
    ['electron/domains/sync/x.ts', "import { redact } from '../../adapters/logging/redact';"],
    ['electron/storage/x.ts', "import { openDatabase } from '../adapters/db/database';"],
    ['electron/adapters/db/x.ts', "import { redact } from '../logging/redact';"],
  ])('%s may: %s', async (file, source) => {
    expect(await importProblems(file, source)).toBe(0);
  });
});

describe('lint keeps SQL in storage', () => {
  const count = async (filePath: string, sql: string) => {
    const [result] = await eslint.lintText(`${sql}\nexport {};\n`, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').length;
  };
  const statements = [
    "const n = db.prepare('SELECT COUNT(*) FROM consoles').pluck().get();",
    "db.exec('DELETE FROM consoles');",
    "const n = db['prepare']('SELECT 1').get();",
    "db['exec']('VACUUM');",
    'db.transaction(() => undefined)();',
    "db.pragma('foreign_keys = OFF');",
  ];

  it.each(
    [
      'electron/domains/devices/handlers.ts',
      'electron/domains/sync/x-store.ts',
      'electron/backend/backend.ts',
      'electron/domains/push/pusher.ts',
      'electron/hosts/serve/x.ts',
    ].flatMap((file) => statements.map((sql) => [file, sql])),
  )('refuses in %s: %s', async (file, sql) => {
    expect(await count(file, sql)).toBeGreaterThan(0);
  });

  it.each([
    'electron/storage/outbox-store.ts',
    'electron/storage/storage.ts',
    'electron/adapters/db/migrate.ts',
  ])('allows SQL in %s', async (file) => {
    for (const sql of statements) expect(await count(file, sql)).toBe(0);
  });

  it('leaves regular expressions alone', async () => {
    expect(await count('electron/domains/sync/x.ts', "const m = /a/.exec('a');")).toBe(0);
  });
});

type Layer = { name: string; may: string[]; types?: string[] };

/** The cycles of a graph given as adjacency lists, each as the path that closes it. */
function cycles(graph: Record<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (node: string, path: string[]) => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'open') {
      found.push([...path.slice(path.indexOf(node)), node]);
      return;
    }
    state.set(node, 'open');
    for (const next of graph[node] ?? []) visit(next, [...path, node]);
    state.set(node, 'done');
  };
  for (const node of Object.keys(graph)) visit(node, []);
  return found;
}

describe('the layer table', () => {
  it('has no cycle among the domains', () => {
    expect(cycles(DOMAINS)).toEqual([]);
  });

  // Run-time edges only: a domain's handlers name the Backend's type, which is erased.
  it('has no cycle among the layers (the backend and its door are one layer)', () => {
    const merged = (name: string) => (name === 'door' ? 'backend' : name);
    const graph: Record<string, string[]> = {};
    for (const layer of LAYERS as Layer[]) {
      const edges = layer.may.map(merged);
      graph[merged(layer.name)] = [
        ...(graph[merged(layer.name)] ?? []),
        ...edges.filter((e) => e !== merged(layer.name)),
      ];
    }
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    expect(cycles({ ...DOMAINS, consoles: ['sync'] })).toEqual([['consoles', 'sync', 'consoles']]);
  });

  it('knows every domain folder on disk, and every layer file is in a layer', () => {
    const files = execFileSync('git', ['ls-files', 'electron', 'shared', 'renderer/src'], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter((f) => /\.tsx?$/.test(f));
    const domains = new Set(files.map(domainOf).filter((d) => d !== undefined));
    expect([...domains].sort()).toEqual(Object.keys(DOMAINS).sort());
    expect(files.filter((f) => layerOf(f) === undefined)).toEqual([]);
  });
});

describe('the code', () => {
  // Folder-level edges as the sources have them, type-only imports included: a cycle through
  // types still ties two folders together.
  const folderOf = (path: string) =>
    path.startsWith('electron/domains/') || path.startsWith('shared/')
      ? path
          .split('/')
          .slice(0, path.startsWith('shared/') ? 2 : 3)
          .join('/')
      : undefined;
  const files = execFileSync('git', ['ls-files', 'electron/domains', 'shared'], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter((f) => f.endsWith('.ts'));

  it('has no cycle among the domain folders, nor among the folders of shared/', () => {
    const graph: Record<string, string[]> = {};
    for (const file of files) {
      const from = folderOf(file)!;
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bfrom\s+'(\.[^']+)'/g)) {
        const to = folderOf(posix.normalize(posix.join(posix.dirname(file), match[1]!)));
        if (to && to !== from && from.includes('/')) (graph[from] ??= []).push(to);
      }
    }
    expect(Object.keys(graph).length).toBeGreaterThan(5);
    expect(cycles(graph)).toEqual([]);
  });
});
