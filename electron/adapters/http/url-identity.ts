// Which machine a URL reaches, for the checks that keep a token off plain HTTP and one console
// from being added twice.

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname);
}

/**
 * Which console a normalised URL reaches: `localhost`, `127.0.0.1` and `[::1]` are one machine,
 * and a port left implicit is the scheme's. Two consoles with the same identity would list every
 * device twice.
 */
export function consoleIdentity(url: string): string {
  const parsed = new URL(url);
  const host = isLoopbackHost(parsed.hostname) ? 'loopback' : parsed.hostname;
  const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
  return `${parsed.protocol}//${host}:${port}`;
}
