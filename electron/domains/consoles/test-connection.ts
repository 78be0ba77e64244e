import type { S1Client } from '../../adapters/sentinelone/client';
import {
  S1HttpError,
  S1NetworkError,
  S1UnexpectedResponseError,
} from '../../adapters/sentinelone/errors';
import { nextStep } from '../../../shared/errors/next-step';
import type { ConnectionReport } from '../../../shared/contract/views';

export type { ConnectionReport };

// "Test connection": one of a fixed set of outcomes, each with a plain-language message and the
// next step, plus what the console told us on success (version, token expiry, scope).

export const EXPIRY_WARNING_DAYS = 14;
const SITE_USER_DENIED = 4030010;
const DAY_MS = 86_400_000;

interface Envelope<T> {
  data: T;
  pagination?: { totalItems?: number };
}

export async function testConnection(
  client: S1Client,
  consoleUrl: string,
  now: Date,
): Promise<ConnectionReport> {
  let consoleVersion: string | undefined;
  try {
    const info = await client.get<Envelope<{ version?: string; build?: string }>>('/system/info');
    if (typeof info.body !== 'object' || info.body === null || !('data' in info.body)) {
      return notAConsole(
        consoleUrl,
        'GET /web/api/v2.1/system/info',
        'it answered JSON without SentinelOne\'s "data" envelope',
      );
    }
    consoleVersion = info.body.data?.version;
  } catch (error) {
    return failure(error, consoleUrl, 'GET /web/api/v2.1/system/info');
  }

  const token = await tokenExpiry(client, now);

  let scope: ConnectionReport['scope'];
  try {
    scope = await visibleScope(client);
  } catch (error) {
    const failed =
      error instanceof S1HttpError
        ? `GET /web/api/v2.1${error.path.split('?')[0]}`
        : 'GET /web/api/v2.1/accounts';
    return failure(error, consoleUrl, failed);
  }

  const expiryNote =
    token.daysLeft === undefined
      ? 'The console did not say when the token expires.'
      : token.daysLeft < 0
        ? // The console still answered: its clock or this computer's is off, or it is lenient.
          `The console gives the token's expiry as ${token.expiresAt}, which has passed by this computer's clock; check the computer's date.`
        : token.expiresSoon
          ? `The token expires in ${token.daysLeft} day(s), on ${token.expiresAt}.`
          : `The token is valid until ${token.expiresAt}.`;
  return {
    outcome: 'ok',
    ok: true,
    message: `Connected to ${consoleUrl}${consoleVersion ? ` (SentinelOne ${consoleVersion})` : ''}. ${expiryNote}`,
    nextStep: token.expiresSoon
      ? "Generate a new API token before it expires (copy the Service User in the console), then store it as this console's token."
      : 'Sync the console.',
    action: nextStep(token.expiresSoon ? 'set_token' : 'sync'),
    ...(consoleVersion === undefined ? {} : { consoleVersion }),
    token,
    scope,
  };
}

async function tokenExpiry(
  client: S1Client,
  now: Date,
): Promise<NonNullable<ConnectionReport['token']>> {
  let expiresAt: string | undefined;
  try {
    const user = await client.get<Envelope<{ apiToken?: { expiresAt?: string | null } }>>('/user');
    expiresAt = user.body.data?.apiToken?.expiresAt ?? undefined;
  } catch {
    // Older consoles and some roles have no /user: the token-details call is the fallback.
  }
  if (expiresAt === undefined) {
    try {
      const details = await client.tokenDetails<Envelope<{ expiresAt?: string | null }>>();
      expiresAt = details.body.data?.expiresAt ?? undefined;
    } catch {
      // Expiry stays unknown; that is reported, not fatal.
    }
  }
  const expiry = expiresAt === undefined ? Number.NaN : Date.parse(expiresAt);
  if (Number.isNaN(expiry)) return { expiresSoon: false };
  const daysLeft = Math.floor((expiry - now.getTime()) / DAY_MS);
  return {
    expiresAt: new Date(expiry).toISOString(),
    daysLeft,
    expiresSoon: daysLeft < EXPIRY_WARNING_DAYS,
  };
}

async function visibleScope(client: S1Client): Promise<NonNullable<ConnectionReport['scope']>> {
  type Named = { id: string; name: string };
  try {
    const accounts = await client.get<Envelope<Named[]>>('/accounts', { limit: 100 });
    return scopeOf('accounts', accounts.body);
  } catch (error) {
    if (!(error instanceof S1HttpError && error.status === 403 && error.hasCode(SITE_USER_DENIED)))
      throw error;
  }
  // A site-scoped token may not list accounts (4030010); it sees its sites instead.
  const sites = await client.get<Envelope<{ sites?: Named[] } | Named[]>>('/sites', { limit: 100 });
  const data = sites.body.data;
  return scopeOf('sites', {
    ...sites.body,
    data: Array.isArray(data) ? data : (data?.sites ?? []),
  });
}

function scopeOf(level: 'accounts' | 'sites', body: Envelope<{ id: string; name: string }[]>) {
  const entries = (Array.isArray(body.data) ? body.data : []).map((entry) => ({
    id: String(entry.id),
    name: String(entry.name),
  }));
  return { level, entries, total: body.pagination?.totalItems ?? entries.length };
}

function notAConsole(url: string, failedCall: string, why: string): ConnectionReport {
  return {
    outcome: 'not_a_console',
    ok: false,
    message: `${url} does not look like a SentinelOne management console: ${why}.`,
    nextStep:
      'Check the URL: use the management console address (e.g. https://your-tenant.sentinelone.net), not the web-UI link of a page.',
    failedCall,
  };
}

/** Maps an error to its outcome. Messages name the console and the call, never the token. */
export function failure(error: unknown, url: string, failedCall: string): ConnectionReport {
  const base = { ok: false as const, failedCall };
  if (error instanceof S1NetworkError) {
    const host = new URL(url).host;
    switch (error.failure) {
      case 'dns':
        return {
          ...base,
          outcome: 'dns_failure',
          message: `The name ${new URL(url).hostname} could not be resolved (DNS).`,
          nextStep:
            'Check the console URL for typos, and that this laptop is on a network (or VPN) that can resolve it.',
        };
      case 'refused':
        return {
          ...base,
          outcome: 'connection_refused',
          message: `${host} refused the connection.`,
          nextStep:
            'Check the port in the console URL, and that no firewall or proxy blocks it; set a proxy for this console if your network requires one.',
        };
      case 'timeout':
        return {
          ...base,
          outcome: 'connection_timeout',
          message: `${host} did not answer in time.`,
          nextStep:
            "Check your network, VPN and proxy settings (HTTPS_PROXY, or the console's proxy), then try again.",
        };
      case 'tls':
        return {
          ...base,
          outcome: 'tls_failure',
          message: `The TLS certificate of ${host} was not accepted: ${tlsProblem(error.systemCode)} (${error.systemCode}).`,
          nextStep:
            "If a corporate proxy inspects TLS, add its CA bundle to this console's settings; otherwise the console's certificate is wrong and must be fixed on the server.",
          action: nextStep('edit_console'),
        };
      default:
        return {
          ...base,
          outcome: 'network_error',
          message: `The connection to ${host} failed: ${error.message}.`,
          nextStep: 'Try again; if it persists, check your network, VPN and proxy settings.',
        };
    }
  }
  if (error instanceof S1UnexpectedResponseError) {
    return notAConsole(url, failedCall, `it answered ${error.reason}`);
  }
  if (error instanceof S1HttpError) {
    if (error.status === 401) {
      return {
        ...base,
        outcome: 'token_invalid',
        message:
          'The console rejected the API token (401 Authentication Failed): it is invalid or has expired.',
        nextStep:
          "Generate a new API token in the console (Policies and settings → User management → Service Users) and store it as this console's token.",
        action: nextStep('set_token'),
      };
    }
    if (error.status === 403) {
      return {
        ...base,
        outcome: 'permission_denied',
        message: `The API token is valid but lacks permission for ${failedCall} (403).`,
        nextStep:
          'Give the Service User a role that can view endpoints, threats and activities (e.g. Viewer or IR Team) on the right scope, then test again.',
      };
    }
    if (error.status === 404 || !error.looksLikeApi) {
      return notAConsole(url, failedCall, `${failedCall} answered HTTP ${error.status}`);
    }
    return {
      ...base,
      outcome: 'server_error',
      message: `The console answered HTTP ${error.status} to ${failedCall}.`,
      nextStep: 'The console is having trouble; try again in a few minutes.',
    };
  }
  return {
    ...base,
    outcome: 'network_error',
    message: `The test failed: ${error instanceof Error ? error.message : String(error)}.`,
    nextStep: 'Try again; if it persists, report it with this message.',
  };
}

function tlsProblem(code: string | undefined): string {
  switch (code) {
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return 'it is self-signed';
    case 'CERT_HAS_EXPIRED':
      return 'it has expired';
    case 'CERT_NOT_YET_VALID':
      return 'it is not valid yet';
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
    case 'HOSTNAME_MISMATCH':
      return 'it was issued for another host name';
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_GET_ISSUER_CERT':
      return 'it is signed by an unknown certificate authority';
    default:
      return 'it could not be verified';
  }
}
