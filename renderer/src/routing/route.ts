// The address names the screen and what it shows (`#/devices?view=Laptops&quick=stale`): a
// reload lands where the analyst was, back and forward move between screens and filters, and
// a link can be bookmarked or shared. A hash route, because both hosts serve one page: the
// desktop app from its files, `s1inv serve` from 127.0.0.1 on a port of its own each launch.

export const SCREEN_IDS = [
  'overview',
  'consoles',
  'devices',
  'vulnerabilities',
  'changes',
  'audit',
] as const;
export type ScreenId = (typeof SCREEN_IDS)[number];

export interface Route {
  screen: ScreenId;
  query: URLSearchParams;
}

const HOME: ScreenId = 'consoles';
/** `s1inv serve`'s access token rides in the fragment too; it is never part of a route. */
const TOKEN = /(^|[?&])token=[\w-]*/g;

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#/, '').replace(TOKEN, '$1');
  const at = text.indexOf('?');
  const path = (at < 0 ? text : text.slice(0, at)).replace(/^\/+/, '').replace(/\/+$/, '');
  const query = new URLSearchParams(at < 0 ? '' : text.slice(at + 1));
  const screen = (SCREEN_IDS as readonly string[]).includes(path) ? (path as ScreenId) : HOME;
  return { screen, query };
}

export function formatRoute(route: Route): string {
  const query = route.query.toString();
  return `#/${route.screen}${query ? `?${query}` : ''}`;
}

/** The fragment without the access token (and the token, if any): what the address bar keeps. */
export function withoutToken(hash: string): { hash: string; token: string | undefined } {
  const token = /(?:^#|[?&/])token=([\w-]+)/.exec(hash)?.[1];
  if (!token) return { hash, token: undefined };
  const rest = hash.replace(/^#/, '').replace(TOKEN, '$1').replace(/\?&/, '?').replace(/[?&]$/, '');
  return { hash: rest ? `#${rest}` : '', token };
}
