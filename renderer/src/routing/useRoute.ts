import { useSyncExternalStore } from 'react';
import { formatRoute, parseRoute, type Route } from './route';

// The one place the address changes. pushState and replaceState fire no event, so this module
// tells its subscribers itself; the browser's back and forward arrive as popstate.

const listeners = new Set<() => void>();
let cached: { hash: string; route: Route } | undefined;

function snapshot(): Route {
  const hash = window.location.hash;
  if (cached?.hash !== hash) cached = { hash, route: parseRoute(hash) };
  return cached.route;
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    window.addEventListener('popstate', notify);
    window.addEventListener('hashchange', notify);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      window.removeEventListener('popstate', notify);
      window.removeEventListener('hashchange', notify);
    }
  };
}

function notify(): void {
  for (const listener of listeners) listener();
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, snapshot);
}

/**
 * Goes to a route. `replace` for changes that refine the page the analyst is on (each
 * keystroke of a search): back then returns to the previous screen, not to every letter.
 */
export function navigate(route: Route, { replace = false }: { replace?: boolean } = {}): void {
  const hash = formatRoute(route);
  if (hash === window.location.hash) return;
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  if (replace) history.replaceState(history.state, '', url);
  else history.pushState(null, '', url);
  notify();
}

/** The current route with some query parameters changed (undefined or '' removes one). */
export function withQuery(
  route: Route,
  changes: Record<string, string | readonly string[] | undefined>,
): Route {
  const query = new URLSearchParams(route.query);
  for (const [key, value] of Object.entries(changes)) {
    query.delete(key);
    if (typeof value === 'string' && value !== '') query.set(key, value);
    if (Array.isArray(value)) for (const each of value) query.append(key, each);
  }
  return { screen: route.screen, query };
}
