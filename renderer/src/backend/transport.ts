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

/** In a browser (`s1inv serve`): calls over fetch, events over one EventSource. */
export function httpBackend(base = ''): BackendApi {
  let source: EventSource | undefined;
  const call: Caller = async (name, args) => {
    let response: Response;
    try {
      response = await fetch(`${base}/api/call/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(args ?? {}),
        credentials: 'same-origin',
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
  const on: Subscriber = (event, listener) => {
    source ??= new EventSource(`${base}/api/events`, { withCredentials: true });
    const handle = (message: MessageEvent<string>) =>
      listener(JSON.parse(message.data) as EventPayload<typeof event>);
    source.addEventListener(event, handle);
    return () => source?.removeEventListener(event, handle);
  };
  return apiFrom(call, on);
}

function lost(message: string): Envelope<never> {
  return { ok: false, error: { name: 'TransportError', code: 'unavailable', message } };
}

/** Picks the transport at start-up: the preload's API means Electron, else HTTP. */
export function pickBackend(global: Record<string, unknown> = window as never): BackendApi {
  const preload = global[PRELOAD_GLOBAL] as PreloadApi | undefined;
  return preload ? ipcBackend(preload) : httpBackend();
}
