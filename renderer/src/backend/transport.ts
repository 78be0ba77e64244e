import {
  CALL_NAMES,
  type BackendApi,
  type CallArgs,
  type CallName,
  type CallResult,
  type Envelope,
  type EventName,
  type EventPayload,
} from '../../../shared/contract/contract';
import { PRELOAD_GLOBAL, type PreloadApi } from '../../../shared/contract/preload-api';
import { withoutToken } from '../routing/route';
import { takeEvents } from '../../../shared/rpc/event-stream';

type Caller = <K extends CallName>(name: K, args: CallArgs<K>) => Promise<Envelope<CallResult<K>>>;
type Subscriber = <K extends EventName>(
  event: K,
  listener: (payload: EventPayload<K>) => void,
) => () => void;

function apiFrom(call: Caller, on: Subscriber): BackendApi {
  const api: Record<string, unknown> = { on };
  for (const name of CALL_NAMES) api[name] = (args: never) => call(name, args);
  return api as BackendApi;
}

/** Inside Electron: the preload's methods, relayed by main to the backend process. */
export function ipcBackend(preload: PreloadApi): BackendApi {
  return apiFrom(
    // The preload's methods are typed per call; here one generic caller stands for them all.
    (name, args) =>
      (preload.calls[name] as unknown as (a: unknown) => Promise<Envelope<never>>)(args),
    (event, listener) =>
      (preload.events[event] as unknown as (l: typeof listener) => () => void)(listener),
  );
}

/**
 * This launch's access token: first from the fragment of the URL `s1inv serve` printed (a
 * fragment never reaches a server), then from this tab's session, so a reload keeps working.
 * The fragment is wiped from the address bar at once.
 */
export function takeAccessToken(location: Location = window.location): string | undefined {
  // The rest of the fragment is the route (`#/devices?view=…&token=…`): it stays.
  const { hash, token: fromUrl } = withoutToken(location.hash);
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

const TOKEN_KEY = 's1inv.token';
const TOKEN_HEADER = 'x-s1inv-token';
const NO_ACCESS =
  'This page has no access token. Open the URL that `s1inv serve` printed (it ends in #token=…).';

/**
 * In a browser (`s1inv serve`): calls over fetch, events over one streamed response, both with
 * the token as a header; a page on another port of 127.0.0.1 has neither the token nor a way
 * to make the browser send it.
 */
export function httpBackend(base = '', token = takeAccessToken()): BackendApi {
  const headers = {
    'content-type': 'application/json',
    ...(token ? { [TOKEN_HEADER]: token } : {}),
  };
  const call: Caller = async (name, args) => {
    if (!token) return lost(NO_ACCESS);
    let response: Response;
    try {
      response = await fetch(`${base}/api/call/${name}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(args ?? {}),
        credentials: 'omit',
      });
    } catch {
      return lost(
        'S1 Inventory is not answering. Is `s1inv serve` still running? Start it again and reopen the printed URL.',
      );
    }
    if (response.status === 401 || response.status === 403 || response.status === 421) {
      return lost(`${(await response.text()).trim()} (HTTP ${response.status})`);
    }
    return (await response.json()) as Envelope<never>;
  };
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let streaming = false;
  const on: Subscriber = (event, listener) => {
    if (!streaming && token) {
      streaming = true;
      void readEvents(`${base}/api/events`, headers, (name, data) => {
        for (const handle of listeners.get(name) ?? []) handle(JSON.parse(data));
      });
    }
    const set = listeners.get(event) ?? new Set();
    set.add(listener as (payload: unknown) => void);
    listeners.set(event, set);
    return () => set.delete(listener as (payload: unknown) => void);
  };
  return apiFrom(call, on);
}

/**
 * Server-Sent Events read from a fetch response (EventSource cannot send a header), and read
 * again after a pause if the stream ends (a restart of `serve`, a sleeping laptop).
 */
async function readEvents(
  url: string,
  headers: Record<string, string>,
  deliver: (event: string, data: string) => void,
): Promise<void> {
  for (;;) {
    try {
      const response = await fetch(url, { headers, credentials: 'omit' });
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const { events, rest } = takeEvents(buffer + value);
        buffer = rest;
        for (const { event, data } of events) deliver(event, data);
      }
    } catch {
      // reconnect below
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

function lost(message: string): Envelope<never> {
  return { ok: false, error: { name: 'TransportError', code: 'unavailable', message } };
}

/** Picks the transport at start-up: the preload's API means Electron, else HTTP. */
export function pickBackend(global: Record<string, unknown> = window as never): BackendApi {
  const preload = global[PRELOAD_GLOBAL] as PreloadApi | undefined;
  return preload ? ipcBackend(preload) : httpBackend();
}
