import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { request } from 'undici';
import type { Backend } from '../../electron/backend/backend';
import type { PortPlatform } from '../../electron/hosts/utility/port-host';
import { hostBackendOnPort } from '../../electron/hosts/utility/port-host';
import { validateIpcCall } from '../../electron/hosts/desktop/validated-call';
import { BackendRelay, type UtilityProcessLike } from '../../electron/hosts/desktop/backend-relay';
import type { ServeHost } from '../../electron/hosts/serve/serve-host';
import {
  CALL_NAMES,
  EVENT_NAMES,
  type BackendApi,
  type EventName,
} from '../../shared/contract/contract';
import type { PreloadApi } from '../../shared/contract/preload-api';
import { takeEvents } from '../../shared/rpc/event-stream';
import { ipcBackend } from '../../renderer/src/backend/transport';

// The two transports, driven from Node: the same BackendApi the renderer gets, so one set of
// test cases runs through both.

export interface Transport {
  api: BackendApi;
  close: () => Promise<void>;
}

const TRUSTED = { webContentsId: 1, origin: 'app://s1inventory' };
const OUR_WINDOW = { webContentsId: 1, frameUrl: 'app://s1inventory/index.html', mainFrame: true };

/**
 * Electron's path without Electron: the renderer's ipcBackend over a preload object, main's
 * validateIpcCall, and the backend hosted on a MessagePort exactly as in the utility process.
 * `chooseExportFile` plays the native save dialog.
 */
export function ipcTransport(
  backend: Backend,
  platform: PortPlatform,
  port: MessagePort,
  main: MessagePort,
  chooseExportFile: (suggestedName: string) => string | undefined,
): Transport {
  hostBackendOnPort(port as never, backend, platform);
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  // Main's real relay, with a MessagePort standing in for the utility process.
  const relay = new BackendRelay(
    utilityProcessOn(main),
    {
      chooseExportFile: (suggestedName) => {
        const path = chooseExportFile(suggestedName);
        return Promise.resolve(path === undefined ? undefined : { path, description: path });
      },
      openExternal: () => Promise.resolve(false),
    },
    (name, payload) => {
      for (const listener of listeners.get(name) ?? []) listener(payload);
    },
  );
  const preload = {
    calls: Object.fromEntries(
      CALL_NAMES.map((name) => [
        name,
        (args: unknown) => {
          const checked = validateIpcCall(name, args, OUR_WINDOW, TRUSTED);
          return checked.ok ? relay.call(checked.name, checked.args) : Promise.resolve(checked);
        },
      ]),
    ),
    events: Object.fromEntries(
      EVENT_NAMES.map((name) => [
        name,
        (listener: (payload: unknown) => void) => {
          const set = listeners.get(name) ?? new Set();
          set.add(listener);
          listeners.set(name, set);
          return () => set.delete(listener);
        },
      ]),
    ),
  } as unknown as PreloadApi;
  return {
    api: ipcBackend(preload),
    close: async () => {
      port.close();
      main.close();
    },
  };
}

/** A Node MessagePort as Electron's utility process looks from main. */
export function utilityProcessOn(port: MessagePort): UtilityProcessLike {
  return {
    postMessage: (message) => port.postMessage(message),
    on: (event: 'message' | 'exit', listener: (value: unknown) => void) =>
      event === 'message' ? port.on('message', listener) : port.on('close', () => listener(0)),
  } as UtilityProcessLike;
}

export function messagePorts(): { port: MessagePort; main: MessagePort } {
  const { port1, port2 } = new MessageChannel();
  return { port: port1, main: port2 };
}

/** `s1inv serve` as the page uses it: the token from the URL's fragment as a header. */
export async function httpTransport(host: ServeHost): Promise<Transport> {
  const token = new URL(host.url).hash.replace('#token=', '');
  const headers = {
    'x-s1inv-token': token,
    origin: host.origin,
    'content-type': 'application/json',
  };
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const events = await request(`${host.origin}/api/events`, { headers });
  void (async () => {
    let buffer = '';
    for await (const chunk of events.body) {
      const { events, rest } = takeEvents(buffer + (chunk as Buffer).toString('utf8'));
      buffer = rest;
      for (const { event, data } of events) {
        for (const listener of listeners.get(event) ?? []) listener(JSON.parse(data));
      }
    }
  })().catch(() => undefined);
  const api: Record<string, unknown> = {
    on: (event: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  for (const name of CALL_NAMES) {
    api[name] = async (args: unknown) => {
      const response = await request(`${host.origin}/api/call/${name}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(args ?? {}),
      });
      return response.body.json();
    };
  }
  return {
    api: api as BackendApi,
    close: async () => {
      events.body.destroy();
    },
  };
}
