/** Hosts of the help pages the app links to (Help menu, screens). */
export const HELP_HOSTS = ['docs.sekoia.io', 'schema.ocsf.io', 's1inventory.io'] as const;

/**
 * Links the app may open outside itself: https only, no credentials in the URL, and only to a
 * host on the allow-list (the configured consoles' and Sekoia targets' hosts, the help pages).
 */
export function checkExternalUrl(text: string, allowedHosts: ReadonlySet<string>): URL | undefined {
  const url = openableUrl(text);
  return url && allowedHosts.has(url.hostname.toLowerCase()) ? url : undefined;
}

/** A link of a kind the app may open at all, to any host: https, without credentials. */
export function openableUrl(text: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return undefined;
  return url;
}
