import { createReadStream, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import type { Backend } from '../../backend/backend';
import { dispatch } from '../../backend/dispatch';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import { newAccessToken, ServeAccess } from './access';
import { writeLaunchFile } from './launch-file';
import type { ServePlatform } from './serve-platform';

export interface ServeHostOptions {
  backend: Backend;
  platform: ServePlatform;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
}

export interface ServeHost {
  /** The URL to open, with this launch's access token in its fragment. */
  url: string;
  origin: string;
  /**
   * A file for the browser to open (`serve --open`): only this user can read it, and it sends
   * the browser on to `url`. Its path, unlike the URL, is safe in another process's argv.
   */
  launchFile: () => string;
  close: () => Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024 * 1024;
const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

/**
 * `s1inv serve`: the renderer and the contract over HTTP on 127.0.0.1 only. Calls are
 * POST /api/call/<name> with JSON arguments, answered with the contract's envelope; events
 * are Server-Sent Events on /api/events.
 */
export async function startServeHost(options: ServeHostOptions): Promise<ServeHost> {
  const { backend, platform } = options;
  if (!existsSync(options.staticDir)) {
    throw new Error(
      `The renderer is not built (${options.staticDir} is missing). Run: npm run build:renderer`,
    );
  }
  const token = options.token ?? newAccessToken();
  const files = sirv(options.staticDir, { single: true, dev: false, etag: true });
  const streams = new Set<ServerResponse>();
  // Known once listening: the Host and Origin checks need the port.
  const guard: { access?: ServeAccess } = {};

  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const decision = guard.access!.check(request, url);
    if (!decision.ok) {
      response.writeHead(decision.status, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`${decision.reason}\n`);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      response.setHeader('cache-control', 'no-store');
      void routeApi(request, response, url).catch((error: unknown) => {
        // An answer that could not be sent is a bug: logged, so it is never a silent 500.
        backend.log.log('error', `serve could not answer ${request.method} ${url.pathname}`, {
          message: error instanceof Error ? error.message : String(error),
          ...(error instanceof Error ? { stack: error.stack } : {}),
        });
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
      return;
    }
    files(request, response, () => {
      response.writeHead(404);
      response.end();
    });
  });

  async function routeApi(request: IncomingMessage, response: ServerResponse, url: URL) {
    const call = /^\/api\/call\/([\w.]+)$/.exec(url.pathname);
    if (call && request.method === 'POST') {
      if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
        return reply(response, 415, { error: 'Calls are JSON (content-type: application/json).' });
      }
      const body = await readBody(request);
      let args: unknown;
      try {
        args = body === '' ? {} : JSON.parse(body);
      } catch {
        return reply(response, 400, { error: 'The request body is not JSON.' });
      }
      return reply(response, 200, await dispatch(backend, call[1]!, args));
    }
    if (url.pathname === '/api/events' && request.method === 'GET') return openEvents(response);
    const download = /^\/api\/download\/([\w-]+)$/.exec(url.pathname);
    const file = download && request.method === 'GET' ? platform.download(download[1]!) : undefined;
    if (file && existsSync(file.path)) {
      response.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename="${file.name.replace(/[^\w.-]/g, '_')}"`,
      });
      createReadStream(file.path).pipe(response);
      return;
    }
    if (download) {
      return reply(response, 404, {
        error: 'This export is no longer here (s1inv serve was restarted since). Export again.',
      });
    }
    reply(response, 404, { error: `No such endpoint: ${request.method} ${url.pathname}` });
  }

  function openEvents(response: ServerResponse) {
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    streams.add(response);
    const unsubscribe = backend.events.subscribe((event, payload) => {
      response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), 15_000);
    response.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(response);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const access = new ServeAccess(token, port);
  guard.access = access;
  const origin = `http://127.0.0.1:${port}`;
  const url = access.pageUrl(origin);
  return {
    url,
    origin,
    launchFile: () => writeLaunchFile(platform, url),
    close: async () => {
      for (const stream of streams) stream.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      platform.dispose();
    },
  };
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
