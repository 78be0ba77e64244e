import { rootCertificates } from 'node:tls';
import { CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS } from '../tuning';
import { Agent, EnvHttpProxyAgent, ProxyAgent, type Dispatcher } from 'undici';

export interface HttpSettings {
  /** A per-console proxy; else HTTPS_PROXY / HTTP_PROXY / NO_PROXY from the environment. */
  proxyUrl?: string;
  /** PEM text of extra CA certificates (a corporate TLS-inspecting proxy's, say). */
  caPem?: string;
  connectTimeoutMs?: number;
  /** How long to wait for response headers, and then between body chunks. */
  readTimeoutMs?: number;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = CONNECT_TIMEOUT_MS;
export const DEFAULT_READ_TIMEOUT_MS = READ_TIMEOUT_MS;

/**
 * The one place outbound HTTP is configured. A custom CA is added to Node's built-in roots,
 * never instead of them, so a corporate CA does not break public consoles.
 */
export function createDispatcher(settings: HttpSettings = {}): Dispatcher {
  const tls = settings.caPem ? { ca: [...rootCertificates, settings.caPem] } : {};
  const timeouts = {
    headersTimeout: settings.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS,
    bodyTimeout: settings.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS,
  };
  const connect = { timeout: settings.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, ...tls };
  if (settings.proxyUrl) {
    return new ProxyAgent({ uri: settings.proxyUrl, requestTls: tls, connect, ...timeouts });
  }
  const hasProxyEnv = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some(
    (name) => process.env[name],
  );
  return hasProxyEnv
    ? new EnvHttpProxyAgent({ connect, requestTls: tls, ...timeouts })
    : new Agent({ connect, ...timeouts });
}
