import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type {
  BackendApi,
  CallArgs,
  CallName,
  CallResult,
  ContractError,
  Envelope,
  EventName,
  EventPayload,
} from '../../../shared/contract/contract';
import { answered, shownFor, type QueryState } from './query-state';

const BackendContext = createContext<BackendApi | undefined>(undefined);

export function BackendProvider({ api, children }: { api: BackendApi; children: ReactNode }) {
  return <BackendContext.Provider value={api}>{children}</BackendContext.Provider>;
}

export function useBackend(): BackendApi {
  const api = useContext(BackendContext);
  if (!api) throw new Error('useBackend outside BackendProvider');
  return api;
}

/** Calls the backend; the promise resolves with the envelope, never rejects. */
export function call<K extends CallName>(
  api: BackendApi,
  name: K,
  args: CallArgs<K>,
): Promise<Envelope<CallResult<K>>> {
  return (api[name] as (a: CallArgs<K>) => Promise<Envelope<CallResult<K>>>)(args);
}

export interface Query<T> {
  data: T | undefined;
  error: ContractError | undefined;
  loading: boolean;
  reload: () => void;
}

/** Runs a call when the component mounts (and on reload); keeps the last good value. */
export function useQuery<K extends CallName>(name: K, args: CallArgs<K>): Query<CallResult<K>> {
  const api = useBackend();
  const [state, setState] = useState<QueryState<CallResult<K>>>({});
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const argsKey = JSON.stringify(args);
  useEffect(() => {
    let live = true;
    setLoading(true);
    void call(api, name, JSON.parse(argsKey) as CallArgs<K>).then((envelope) => {
      if (!live) return;
      setLoading(false);
      setState((previous) => answered(previous, argsKey, envelope));
    });
    return () => {
      live = false;
    };
  }, [api, name, argsKey, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  // While other arguments load, the last ones' answer is not theirs to show.
  const { data, error } = shownFor(state, argsKey);
  return { data, error, loading, reload };
}

/** Listens to a backend event while the component is mounted. */
export function useEvent<K extends EventName>(
  event: K,
  listener: (payload: EventPayload<K>) => void,
): void {
  const api = useBackend();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => api.on(event, (payload) => latest.current(payload)), [api, event]);
}
