// The names of the contract's calls and events, alone: the preload needs them and nothing
// else of the contract (contract.ts checks that its tables match these lists exactly).

export const CALL_NAMES = [
  'app.info',
  'app.openExternal',
  'app.settings',
  'app.setSettings',
  'app.updateCheck',
  'consoles.list',
  'consoles.add',
  'consoles.edit',
  'consoles.setToken',
  'consoles.remove',
  'consoles.test',
  'consoles.probe',
  'consoles.setAutoPoll',
  'sync.start',
  'sync.run',
  'sync.cancel',
  'health.list',
  'health.report',
  'devices.list',
  'devices.detail',
  'devices.query',
  'devices.shown',
  'devices.step',
  'diff.run',
  'devices.history',
  'devices.setNotes',
  'overview.stats',
  'vulnerabilities.list',
  'export.run',
  'sekoia.list',
  'sekoia.add',
  'sekoia.edit',
  'sekoia.remove',
  'push.run',
  'audit.list',
  'config.export',
  'config.import',
  'views.list',
  'views.save',
  'views.rename',
  'views.delete',
  'views.setDefault',
] as const;

export const EVENT_NAMES = [
  'sync.progress',
  'console.changed',
  'sync.finished',
  'export.progress',
  'push.progress',
] as const;

export type CallName = (typeof CALL_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];
