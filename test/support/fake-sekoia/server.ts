import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A fake of Sekoia.io's asset API on loopback (sekoia-asset-api.md): POST
// /api/v2/asset-management/asset-connector/{uuid} with a Bearer key and {"version":1,"items":[…]}.
// It records what it receives and injects faults, so tests can prove delivery.

export interface Received {
  connectorUuid: string;
  authorization: string | undefined;
  contentType: string | undefined;
  userAgent: string | undefined;
  body: { version: number; items: { device: { uid: string } }[] };
}

export type SekoiaFault = {
  status: number;
  retryAfter?: string;
  times: number;
  after?: number;
  /** The error body quotes the key it was sent, as a careless gateway might. */
  echoKey?: boolean;
};

export class FakeSekoia {
  readonly received: Received[] = [];
  readonly keys = new Set<string>();
  readonly faults: (SekoiaFault & { seen: number; fired: number })[] = [];
  /** Batches with more items than this answer 413. */
  maxItems = Number.POSITIVE_INFINITY;
  /** Delay before every answer, as a remote service has. */
  latencyMs = 0;
  url = '';
  requests = 0;
  private server: Server | undefined;

  static async start(key: string): Promise<FakeSekoia> {
    const fake = new FakeSekoia();
    fake.keys.add(key);
    fake.server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => fake.server!.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  fault(fault: SekoiaFault): void {
    this.faults.push({ ...fault, seen: 0, fired: 0 });
  }

  /** Every device uid received, in order, repeats included. */
  deliveredUids(): string[] {
    return this.received.flatMap((r) => r.body.items.map((item) => item.device.uid));
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.requests += 1;
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = /^\/api\/v2\/asset-management\/asset-connector\/([0-9a-f-]{36})$/.exec(
      req.url ?? '',
    );
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || !match)
      return reply(404, { code: 'NOT_FOUND', message: 'Not Found' });
    const key = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!key || !this.keys.has(key))
      return reply(401, { code: 'UNAUTHORIZED', message: 'Invalid API key' });
    for (const fault of this.faults) {
      fault.seen += 1;
      if (fault.seen >= (fault.after ?? 1) && fault.fired < fault.times) {
        fault.fired += 1;
        return reply(
          fault.status,
          {
            code: 'FAULT',
            message: fault.echoKey
              ? `injected ${fault.status} for key ${key}`
              : `injected ${fault.status}`,
          },
          fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter },
        );
      }
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Received['body'];
    if (body.items.length > this.maxItems)
      return reply(413, { code: 'TOO_LARGE', message: 'Payload Too Large' });
    this.received.push({
      connectorUuid: match[1]!,
      authorization: req.headers.authorization,
      contentType: req.headers['content-type'],
      userAgent: req.headers['user-agent'],
      body,
    });
    reply(200, { result: 'success' });
  }
}
