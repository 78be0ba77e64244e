import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import {
  AUTHENTICATION_FAILED,
  FORBIDDEN,
  NOT_FOUND,
  SITE_USERS_NOT_ALLOWED,
  s1Error,
} from './errors';
import { FaultPlan } from './faults';
import { invalidate, listPage, type Collection, type ListSpec } from './listing';

// A faithful fake of the SentinelOne Management API v2.1 on loopback, built from
// ../shared/reference/sentinelone-api.md: ApiToken auth, error envelopes, token details,
// accounts and sites. Product code sees it only through its URL. Later issues grow it with
// paging, filters and fault injection through the same route table.

export interface FakeToken {
  /** global and account tokens may list accounts; site tokens get 4030010 there. */
  scope: 'global' | 'account' | 'site';
  expiresAt?: string | null;
  /** Paths (without the /web/api/v2.1 prefix) this token is denied with 403. */
  deny?: string[];
}

export interface FakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  body: string;
}

export interface FakeReply {
  status: number;
  body: unknown;
  /** A body already serialised (list pages keep raw objects byte-exact). */
  text?: string | Buffer;
  headers?: Record<string, string>;
}

export interface RouteContext {
  request: FakeRequest;
  token: FakeToken;
  tokenText: string;
  console: FakeS1Console;
}

type Route = (context: RouteContext) => FakeReply;

export const API_PREFIX = '/web/api/v2.1';

type Item = Record<string, unknown> & { threatInfo?: Record<string, unknown> };

/** Times compared as the server does, not as text: fractions padded to µs. */
function normTime(value: unknown): string {
  const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?Z?$/.exec(String(value ?? ''));
  return match
    ? `${match[1]}.${(match[2] ?? '').padEnd(6, '0').slice(0, 6)}Z`
    : String(value ?? '');
}

const AGENT_LIST: ListSpec = {
  filters: {
    isDecommissioned: (item, value) =>
      value
        .toLowerCase()
        .split(',')
        .includes(String((item as Item).isDecommissioned ?? false)),
    updatedAt__gte: (item, value) => normTime((item as Item).updatedAt) >= normTime(value),
  },
  sortFields: {
    id: (item) => String((item as Item).id),
    updatedAt: (item) => normTime((item as Item).updatedAt),
  },
};
/** CVE rows: `riskUpdatedDate` filters but is never sent (reference apps §11), kept beside. */
const RISK_LIST: ListSpec = {
  filters: {
    riskUpdatedDate__gte: (item, value) =>
      normTime((item as Item).__riskUpdatedDate) >= normTime(value),
    includeRemovals: (item, value) => value === 'true' || (item as Item).status !== 'Removed',
  },
  sortFields: { id: (item) => String((item as Item).id) },
};
const THREAT_LIST: ListSpec = {
  filters: {
    updatedAt__gte: (item, value) =>
      normTime((item as Item).threatInfo?.updatedAt) >= normTime(value),
    updatedAt__lt: (item, value) =>
      normTime((item as Item).threatInfo?.updatedAt) < normTime(value),
  },
  sortFields: {
    id: (item) => String((item as Item).id),
    updatedAt: (item) => normTime((item as Item).threatInfo?.updatedAt),
  },
};
const ACTIVITY_LIST: ListSpec = {
  filters: {
    createdAt__gte: (item, value) => normTime((item as Item).createdAt) >= normTime(value),
    createdAt__lt: (item, value) => normTime((item as Item).createdAt) < normTime(value),
  },
  sortFields: {
    id: (item) => String((item as Item).id),
    createdAt: (item) => normTime((item as Item).createdAt),
  },
};

export interface FakeS1Options {
  version?: string;
  /**
   * The fake's "now", for token expiry. A test that pins the product's clock passes the same
   * clock here; otherwise both read the machine's clock, so neither drifts from the other.
   */
  clock?: { now(): Date };
  /** Fixed port (0 or absent: any free port). */
  port?: number;
  tls?: { key: string; cert: string };
  /** Answer every request with this instead of routing (a wrong URL, a captive portal…). */
  override?: (
    request: FakeRequest,
  ) => { status: number; body: string; contentType: string } | undefined;
}

export class FakeS1Console {
  readonly tokens = new Map<string, FakeToken>();
  readonly requests: FakeRequest[] = [];
  accounts = [{ id: '433241117337583618', name: 'Acme Corp' }];
  sites = [
    { id: '475482421366727779', name: 'Europe', accountId: '433241117337583618' },
    { id: '475482421366727780', name: 'North America', accountId: '433241117337583618' },
  ];
  /** Set to make /user answer 404, as on consoles without that endpoint. */
  userEndpoint = true;
  readonly agents: Collection = new Map();
  readonly threats: Collection = new Map();
  readonly activities: Collection = new Map();
  /** Each agent's installed applications, by agent id (`/agents/applications`). */
  readonly applications = new Map<string, readonly object[]>();
  /** CVE rows (`/application-management/risks`), with the hidden `riskUpdatedDate`. */
  readonly risks: Collection = new Map();
  readonly faults = new FaultPlan();
  /** When set, /agents/count answers this instead of the true count. */
  countOverride: number | undefined;
  url = '';
  private server: Server | undefined;

  private readonly routes = new Map<string, Route>([
    [
      'GET /system/info',
      () => ({
        status: 200,
        body: {
          data: {
            version: this.options.version ?? 'Z SP5',
            build: '1',
            latestAgentVersion: '24.1.2.6',
          },
        },
      }),
    ],
    [
      'GET /user',
      ({ token }) =>
        this.userEndpoint
          ? {
              status: 200,
              body: {
                data: {
                  scope: token.scope === 'global' ? 'tenant' : token.scope,
                  apiToken: {
                    createdAt: '2026-01-01T00:00:00.000000Z',
                    expiresAt: token.expiresAt ?? null,
                  },
                },
              },
            }
          : NOT_FOUND,
    ],
    [
      'POST /users/api-token-details',
      ({ request, tokenText, token }) => {
        const sent = (JSON.parse(request.body || '{}') as { data?: { apiToken?: string } }).data
          ?.apiToken;
        if (sent !== tokenText)
          return {
            status: 400,
            body: {
              errors: [
                { code: 4000010, title: 'Validation Error', detail: 'apiToken does not match' },
              ],
            },
          };
        return {
          status: 200,
          body: {
            data: { createdAt: '2026-01-01T00:00:00.000000Z', expiresAt: token.expiresAt ?? null },
          },
        };
      },
    ],
    [
      'GET /accounts',
      ({ token }) => (token.scope === 'site' ? SITE_USERS_NOT_ALLOWED : this.page(this.accounts)),
    ],
    [
      'GET /sites',
      () => ({
        status: 200,
        body: {
          data: { sites: this.sites, allSites: { totalLicenses: 0 } },
          pagination: { nextCursor: null, totalItems: this.sites.length },
        },
      }),
    ],
    ['GET /agents', ({ request }) => listPage(this.agents, request.query, AGENT_LIST)],
    [
      'GET /agents/count',
      ({ request }) => {
        const page = listPage(this.agents, { ...request.query, countOnly: 'true' }, AGENT_LIST);
        if (page.status !== 200) return page;
        const total = (page.body as { pagination: { totalItems: number } }).pagination.totalItems;
        return { status: 200, body: { data: { total: this.countOverride ?? total } } };
      },
    ],
    [
      'GET /agents/applications',
      ({ request }) => {
        const ids = request.query.ids;
        if (!ids) return s1Error(400, 'Validation Error', 'ids: Missing data for required field.');
        // Rows carry no agent id: several ids mix their agents' applications.
        const rows = ids.split(',').flatMap((id) => this.applications.get(id) ?? []);
        return {
          status: 200,
          body: undefined,
          text: `{"data":[${rows.map((row) => JSON.stringify(row)).join(',')}],"pagination":{"totalItems":${rows.length}}}`,
        };
      },
    ],
    [
      'GET /application-management/risks',
      ({ request }) =>
        listPage(this.risks, { includeRemovals: 'false', ...request.query }, RISK_LIST),
    ],
    ['GET /threats', ({ request }) => listPage(this.threats, request.query, THREAT_LIST)],
    ['GET /activities', ({ request }) => listPage(this.activities, request.query, ACTIVITY_LIST)],
  ]);

  constructor(private readonly options: FakeS1Options = {}) {}

  private now(): number {
    return (this.options.clock?.now() ?? new Date()).getTime();
  }

  static async start(options: FakeS1Options = {}): Promise<FakeS1Console> {
    const fake = new FakeS1Console(options);
    await fake.listen();
    return fake;
  }

  addToken(token: string, details: FakeToken): this {
    this.tokens.set(token, details);
    return this;
  }

  /**
   * Serves one more list endpoint (`GET path`) with the same paging, filters and faults as the
   * built-in ones; returns its collection, to fill with put().
   */
  serveList(path: string, spec: ListSpec): Collection {
    const collection: Collection = new Map();
    this.routes.set(`GET ${path}`, ({ request }) => listPage(collection, request.query, spec));
    return collection;
  }

  /** Stores objects as the API would send them; `raw` keeps exact text (big integers). */
  put(collection: Collection, items: readonly object[]): void {
    for (const item of items) {
      const id = String((item as { id: unknown }).id);
      collection.set(id, { value: item, text: JSON.stringify(item) });
    }
    // A changed object must show in the next walk, as on a real console.
    invalidate(collection);
  }

  putRaw(collection: Collection, id: string, text: string | Buffer): void {
    collection.set(id, { value: JSON.parse(text.toString()) as object, text });
    invalidate(collection);
  }

  /** Stores CVE rows as changed at `updatedAt` (the filter-only `riskUpdatedDate`). */
  putRisks(rows: readonly Record<string, unknown>[], updatedAt: string): void {
    for (const row of rows) {
      this.risks.set(String(row.id), {
        value: { ...row, __riskUpdatedDate: updatedAt },
        text: JSON.stringify(row),
      });
    }
    invalidate(this.risks);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  private page<T>(items: T[]): FakeReply {
    return {
      status: 200,
      body: { data: items, pagination: { nextCursor: null, totalItems: items.length } },
    };
  }

  private async listen(): Promise<void> {
    const handler = (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res);
    this.server = this.options.tls
      ? createHttpsServer(this.options.tls, handler)
      : createHttpServer(handler);
    // A port already taken rejects (EADDRINUSE), for the caller to say so, not crash on.
    const server = this.server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    this.url = `${this.options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const request: FakeRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    this.requests.push(request);

    const overridden = this.options.override?.(request);
    if (overridden) {
      res.writeHead(overridden.status, { 'content-type': overridden.contentType });
      res.end(overridden.body);
      return;
    }
    let truncate = false;
    let malformed: string | undefined;
    let flood: number | undefined;
    // A latency fault sets when the answer leaves: that long after the request arrived, the
    // time to build it included, as a console whose answers take that long would behave.
    let answerAt = performance.now();
    const answer = async (reply: FakeReply) => {
      const wait = answerAt - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      this.send(res, reply);
    };
    for (const fault of this.faults.take(request.path.slice(API_PREFIX.length))) {
      switch (fault.kind) {
        case 'latency':
          answerAt += fault.ms;
          break;
        case 'reset':
          req.socket.destroy();
          return;
        case 'status':
          await answer({
            ...s1Error(
              fault.status,
              fault.status === 429 ? 'Too Many Requests' : 'Internal server error',
            ),
            ...(fault.retryAfter === undefined
              ? {}
              : { headers: { 'retry-after': fault.retryAfter } }),
          });
          return;
        case 'revoke-token':
          this.tokens.delete(fault.token);
          break;
        case 'truncate':
          truncate = true;
          break;
        case 'malformed':
          malformed = fault.element;
          break;
        case 'flood':
          flood = fault.items;
          break;
      }
    }
    const reply = flood === undefined ? this.route(request) : floodPage(flood);
    if (malformed !== undefined && typeof reply.text === 'string') {
      reply.text = reply.text.replace('"data":[', `"data":[${malformed},`);
    }
    if (truncate) {
      const full = reply.text ?? JSON.stringify(reply.body);
      reply.text = full.slice(0, Math.floor(full.length / 2));
    }
    await answer(reply);
  }

  private route(request: FakeRequest): FakeReply {
    if (!request.path.startsWith(API_PREFIX)) return NOT_FOUND;
    const route = this.routes.get(`${request.method} ${request.path.slice(API_PREFIX.length)}`);
    if (!route) return NOT_FOUND;
    const match = /^ApiToken (.+)$/.exec(request.authorization ?? '');
    const token = match ? this.tokens.get(match[1]!) : undefined;
    if (!match || !token) return AUTHENTICATION_FAILED;
    if (token.expiresAt && Date.parse(token.expiresAt) < this.now()) return AUTHENTICATION_FAILED;
    if (token.deny?.includes(request.path.slice(API_PREFIX.length))) return FORBIDDEN;
    return route({ request, token, tokenText: match[1]!, console: this });
  }

  private send(res: ServerResponse, reply: FakeReply): void {
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(reply.text ?? JSON.stringify(reply.body));
  }
}

/** One page of `items` objects of a few bytes each, the last page of its walk. */
function floodPage(items: number): FakeReply {
  const data = Array.from({ length: items }, (_, i) => `{"id":"${i}"}`).join(',');
  return {
    status: 200,
    body: {},
    text: `{"data":[${data}],"pagination":{"nextCursor":null,"totalItems":${items}}}`,
  };
}
