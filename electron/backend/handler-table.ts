import { CALL_NAMES, type CallName } from '../../shared/contract/contract';
import { appHandlers } from '../domains/app/handlers';
import { auditHandlers } from '../domains/audit/handlers';
import { configHandlers } from '../domains/config/handlers';
import { consoleHandlers } from '../domains/consoles/handlers';
import { deviceHandlers } from '../domains/devices/handlers';
import { diffHandlers } from '../domains/diff/handlers';
import { exportHandlers } from '../domains/export/handlers';
import { healthHandlers } from '../domains/health/handlers';
import { overviewHandlers } from '../domains/overview/handlers';
import { pushHandlers } from '../domains/push/handlers';
import { sekoiaHandlers } from '../domains/sekoia/handlers';
import { syncHandlers } from '../domains/sync/handlers';
import { viewHandlers } from '../domains/views/handlers';
import { vulnerabilityHandlers } from '../domains/vulnerabilities/handlers';
import type { Handler, Handlers } from './handler-types';

/**
 * Joins the groups into one table. A name registered twice would let one group silently
 * shadow another (object spread keeps the last), so it is refused, as is a call left without
 * a handler.
 */
export function combineHandlers(groups: readonly Record<string, unknown>[]): Handlers {
  const table = new Map<string, unknown>();
  for (const group of groups) {
    for (const [name, handler] of Object.entries(group)) {
      if (table.has(name)) throw new Error(`The call "${name}" has two handlers.`);
      table.set(name, handler);
    }
  }
  const missing = CALL_NAMES.filter((name) => !table.has(name));
  if (missing.length > 0) throw new Error(`No handler for: ${missing.join(', ')}.`);
  const unknown = [...table.keys()].filter((name) => !CALL_NAMES.includes(name as CallName));
  if (unknown.length > 0) throw new Error(`Handlers for calls the contract lacks: ${unknown}.`);
  return Object.fromEntries(table) as { [K in CallName]: Handler<K> };
}

/** The backend's side of the contract: one handler per call, none aware of its transport. */
export const HANDLERS: Handlers = combineHandlers([
  appHandlers,
  auditHandlers,
  configHandlers,
  consoleHandlers,
  diffHandlers,
  deviceHandlers,
  exportHandlers,
  healthHandlers,
  overviewHandlers,
  pushHandlers,
  sekoiaHandlers,
  syncHandlers,
  viewHandlers,
  vulnerabilityHandlers,
]);
