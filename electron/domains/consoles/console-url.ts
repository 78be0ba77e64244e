import { InvalidConsoleUrlError } from './errors';
import { isLoopbackHost } from '../../adapters/http/url-identity';

/**
 * Checks and normalises what an analyst pastes as a console URL: `https://` only (plain
 * `http://` for loopback test consoles), and reduced to scheme + host + port, so that
 * `https://acme.sentinelone.net/web/api/v2.1/` and `acme.sentinelone.net` are the same console.
 */
/**
 * SentinelOne API tokens are long JWT-like strings (`eyJ…`, two dots) or long runs of letters
 * and digits; no console host name looks like either.
 */
function looksLikeToken(text: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return false;
  return /^eyJ[\w-]+\.[\w-]+(\.[\w-]*)?$/.test(text) || /^[A-Za-z0-9_-]{40,}$/.test(text);
}

export function normaliseConsoleUrl(input: string): string {
  const text = input.trim();
  if (text === '')
    throw new InvalidConsoleUrlError(
      'The console URL is empty. Give the address of the management console, e.g. https://acme.sentinelone.net',
    );
  if (looksLikeToken(text)) {
    throw new InvalidConsoleUrlError(
      'This looks like an API token, not a console URL; it was not saved. Put the console address (e.g. https://acme.sentinelone.net) in the URL field, and the token in the token field.',
    );
  }
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new InvalidConsoleUrlError(
      `"${text}" is not a URL. Give the console address, e.g. https://acme.sentinelone.net`,
    );
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new InvalidConsoleUrlError(
      `"${text}" uses plain http://, which would send the API token unencrypted. Use https:// (plain http:// is accepted only for 127.0.0.1, localhost and [::1]).`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidConsoleUrlError(
      `"${text}" is not an https:// URL. Use the console's https:// address.`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new InvalidConsoleUrlError(
      'The console URL must not contain a user name or password; the API token is stored in the OS keychain instead.',
    );
  }
  return `${url.protocol}//${url.host}`;
}
