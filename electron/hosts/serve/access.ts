import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// Who may talk to `s1inv serve`: a browser on this machine that opened the printed URL. The
// token is the capability; the Host and Origin checks stop DNS rebinding and other sites.

export const newAccessToken = () => randomBytes(32).toString('base64url');

export type AccessDecision =
  { ok: true; setCookie?: string } | { ok: false; status: 401 | 403 | 421; reason: string };

export class ServeAccess {
  readonly cookieName: string;
  private readonly origins: Set<string>;
  private readonly hosts: Set<string>;

  constructor(
    private readonly token: string,
    port: number,
  ) {
    // Cookies are shared across ports: the port in the name keeps two servers apart.
    this.cookieName = `s1inv_${port}`;
    this.hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    this.origins = new Set([...this.hosts].map((host) => `http://${host}`));
  }

  check(request: IncomingMessage, url: URL): AccessDecision {
    const host = request.headers.host ?? '';
    if (!this.hosts.has(host.toLowerCase())) {
      return {
        ok: false,
        status: 421,
        reason: `This server answers only as 127.0.0.1, not as "${host}".`,
      };
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !this.origins.has(origin.toLowerCase())) {
      return { ok: false, status: 403, reason: 'Requests from other sites are refused.' };
    }
    if (this.matches(this.cookieOf(request))) return { ok: true };
    // Only the page itself may carry the token in its URL, once; it is swapped for a cookie.
    if (
      request.method === 'GET' &&
      url.pathname === '/' &&
      this.matches(url.searchParams.get('token') ?? undefined)
    ) {
      return {
        ok: true,
        setCookie: `${this.cookieName}=${this.token}; HttpOnly; SameSite=Strict; Path=/`,
      };
    }
    return {
      ok: false,
      status: 401,
      reason: "Open the URL that `s1inv serve` printed: it carries this launch's access token.",
    };
  }

  private cookieOf(request: IncomingMessage): string | undefined {
    for (const part of (request.headers.cookie ?? '').split(';')) {
      const [key, ...value] = part.trim().split('=');
      if (key === this.cookieName) return value.join('=');
    }
    return undefined;
  }

  private matches(candidate: string | undefined): boolean {
    if (candidate === undefined) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
