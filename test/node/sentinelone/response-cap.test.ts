import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/adapters/http/dispatcher';
import { S1Client } from '../../../electron/adapters/sentinelone/client';
import { classifyError, isRetryable } from '../../../electron/adapters/sentinelone/error-class';
import { S1ResponseTooLargeError } from '../../../electron/adapters/sentinelone/errors';

// A "console" that answers without end (a misconfigured proxy, a hostile host): the client
// stops at its cap with a named error that is not retried, instead of growing until V8 fails.

let server: Server;
let url = '';
let requests = 0;
let bytesSent = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    requests += 1;
    const declared = request.url?.includes('declared');
    response.writeHead(200, {
      'content-type': 'application/json',
      ...(declared ? { 'content-length': String(700 * 1024 * 1024) } : {}),
    });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (!response.destroyed && response.write(chunk)) bytesSent += chunk.length;
    };
    response.on('drain', pump);
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const client = () =>
  new S1Client({
    baseUrl: url,
    token: 'tok-cap-1234',
    dispatcher: createDispatcher({}),
    maxResponseBytes: 2 * 1024 * 1024,
  });

describe('the response size cap', () => {
  it('stops reading an endless answer at the cap, with its own error', async () => {
    const failure = await client()
      .get('/agents')
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(S1ResponseTooLargeError);
    expect((failure as Error).message).toMatch(/more than 2 MiB/);
    expect(classifyError(failure)).toBe('ThirdPartyConfig');
    expect(isRetryable(failure)).toBe(false);
    // It stopped near the cap, not after the whole stream.
    expect(bytesSent).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses a declared length beyond the cap before reading the body', async () => {
    const before = requests;
    await expect(client().get('/agents', { declared: 1 })).rejects.toBeInstanceOf(
      S1ResponseTooLargeError,
    );
    expect(requests).toBe(before + 1);
  });
});
