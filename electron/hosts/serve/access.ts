import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// Who may talk to `s1inv serve`: a page on this machine that was given this launch's token.
// The token travels in the printed URL's fragment (never sent to any server), the page keeps it
// in its session and sends it as a header on every API call. Nothing that grants access is
// stored where the browser would hand it to another port of 127.0.0.1 (a cookie would be).
// The Host and Origin checks stop DNS rebinding and other sites.

export const newAccessToken = () => randomBytes(32).toString('base64url');
export const TOKEN_HEADER = 'x-s1inv-token';

export type AccessDecision = { ok: true } | { ok: false; status: 401 | 403 | 421; reason: string };

export class ServeAccess {
  private readonly origins: Set<string>;
  private readonly hosts: Set<string>;

  constructor(
    private readonly token: string,
    port: number,
  ) {
    this.hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    this.origins = new Set([...this.hosts].map((host) => `http://${host}`));
  }

  /** The page's address with the token in its fragment, as printed on stdout. */
  pageUrl(origin: string): string {
    return `${origin}/#token=${this.token}`;
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
    // The API needs the token; the page and its assets (the public build) do not.
    if (!url.pathname.startsWith('/api/')) return { ok: true };
    // An export's download is named by an unguessable id handed only to the page.
    if (/^\/api\/download\/[\w-]+$/.test(url.pathname)) return { ok: true };
    const sent = request.headers[TOKEN_HEADER];
    if (typeof sent === 'string' && this.matches(sent)) return { ok: true };
    return {
      ok: false,
      status: 401,
      reason: "Open the URL that `s1inv serve` printed: it carries this launch's access token.",
    };
  }

  private matches(candidate: string): boolean {
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
