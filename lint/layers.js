// Who may import whom: the one table of the house's layers (after VS Code's code-layering
// rule). ESLint's `layers/imports` rule (lint/layer-rule.js) is generated from it, and
// test/lint-boundaries.test.ts proves that a forbidden edge fails and that the table has no
// cycle. Read it top down: each layer may import only what it lists, and itself.
//
//   hosts (main/, preload/, hosts/*)  →  backend  →  domains  →  storage  →  adapters  →  shared
//   and the database adapter (adapters/db) is storage's alone, opened by the composition root.

/** The backend's door: what a host may import of it (plus `import type` of anything). */
export const BACKEND_DOOR = [
  'electron/backend/dispatch.ts',
  'electron/backend/open-backend.ts',
  'electron/backend/platform.ts',
  'electron/backend/event-hub.ts',
  'electron/backend/contract-errors.ts',
  'electron/backend/parse-call.ts',
];

/**
 * The layers, most specific path first. `may`: layers it imports; `types`: layers it may name
 * in `import type` only (erased at build time, so no run-time edge).
 */
export const LAYERS = [
  { name: 'main', path: 'electron/main/', may: ['hosts/desktop', 'adapters', 'shared'] },
  { name: 'preload', path: 'electron/preload/', may: ['shared'] },
  // The CLI starts `s1inv serve` itself, so it may reach that host.
  {
    name: 'hosts/cli',
    path: 'electron/hosts/cli/',
    may: ['door', 'hosts/serve', 'shared'],
    types: ['backend'],
  },
  // serve keeps its downloads in a temporary folder of its own: platform adapters, no backend.
  {
    name: 'hosts/serve',
    path: 'electron/hosts/serve/',
    may: ['door', 'adapters', 'shared'],
    types: ['backend'],
  },
  {
    name: 'hosts/utility',
    path: 'electron/hosts/utility/',
    may: ['door', 'shared'],
    types: ['backend'],
  },
  {
    name: 'hosts/desktop',
    path: 'electron/hosts/desktop/',
    may: ['door', 'adapters', 'shared'],
    types: ['backend', 'hosts/utility'],
  },
  // The composition root opens the database and hands it to storage, the only other user.
  {
    name: 'door',
    files: BACKEND_DOOR,
    may: ['backend', 'domains', 'storage', 'adapters/db', 'adapters', 'shared'],
  },
  {
    name: 'backend',
    path: 'electron/backend/',
    may: ['door', 'domains', 'storage', 'adapters', 'shared'],
    types: ['adapters/db'],
  },
  // A domain may name the backend's types (its handlers take the Backend), never call it.
  {
    name: 'domains',
    path: 'electron/domains/',
    may: ['storage', 'adapters', 'shared'],
    types: ['backend', 'door'],
  },
  // The one seam before SQLite: no one else holds the database.
  { name: 'storage', path: 'electron/storage/', may: ['adapters/db', 'adapters', 'shared'] },
  { name: 'adapters/db', path: 'electron/adapters/db/', may: ['adapters', 'shared'] },
  { name: 'adapters', path: 'electron/adapters/', may: ['shared'] },
  { name: 'renderer', path: 'renderer/', may: ['shared'] },
  { name: 'shared', path: 'shared/', may: [] },
];

/**
 * Which domain may import which (folders of electron/domains/). A domain left out imports no
 * other. The graph must stay acyclic: a use case that needs two domains lives in the one that
 * depends on the other, or takes the other's part as a port.
 */
export const DOMAINS = {
  app: [],
  audit: [],
  config: ['consoles', 'views'],
  consoles: [],
  // A device's history is a comparison of snapshots.
  devices: ['diff'],
  diff: ['consoles'],
  export: ['devices'],
  health: [],
  overview: ['devices'],
  precompute: [],
  push: ['devices'],
  // Sekoia is a kind of push target: its destination implements the push domain's port.
  sekoia: ['precompute', 'push'],
  sync: ['consoles', 'precompute'],
  views: [],
  vulnerabilities: [],
};

/** The layer of a repository path (`electron/domains/sync/x.ts`), or undefined outside them. */
export function layerOf(path) {
  return LAYERS.find((layer) =>
    layer.files ? layer.files.includes(path) : path.startsWith(layer.path),
  );
}

/** The domain folder of a path under electron/domains/, else undefined. */
export function domainOf(path) {
  const match = /^electron\/domains\/([^/]+)\//.exec(path);
  return match?.[1];
}

/**
 * Why `from` may not import `to` (repository paths), or undefined when it may. `typeOnly`: the
 * import is erased at build time.
 */
export function forbiddenImport(from, to, typeOnly) {
  const source = layerOf(from);
  const target = layerOf(to);
  if (!source || !target) return undefined;
  if (source === target) {
    const [a, b] = [domainOf(from), domainOf(to)];
    if (a === undefined || b === undefined || a === b) return undefined;
    if ((DOMAINS[a] ?? []).includes(b)) return undefined;
    return `the ${a} domain may not import the ${b} domain (lint/layers.js, DOMAINS): pass what it needs in, or move the use case to the domain that depends on the other.`;
  }
  if (source.may.includes(target.name)) return undefined;
  if (typeOnly && (source.types ?? []).includes(target.name)) return undefined;
  const allowed = [...source.may, ...(source.types ?? []).map((name) => `${name} (types)`)];
  return `${source.name} may not import ${target.name} (lint/layers.js): it may import ${allowed.join(', ') || 'nothing but itself'}.`;
}
