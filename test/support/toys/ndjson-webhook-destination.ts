import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import {
  PushHttpError,
  type PushDestination,
} from '../../../electron/domains/push/push-destination';
import { mapAgentToOcsf } from '../../../shared/ocsf/mapper';

// A toy push target, to prove a target is one file plus its registration: a webhook that takes
// OCSF device records as NDJSON with a shared secret in a header. The outbox, resume, retries,
// splitting and audit are the Pusher's, as for Sekoia.

export const WEBHOOK_KIND = 'ndjson-webhook';

export function webhookDestination(
  target: { name: string; url: string; batchSize: number },
  secret: string,
): PushDestination {
  return {
    targetName: target.name,
    format: 'ocsf-ndjson',
    endpoint: target.url,
    batchSize: target.batchSize,
    retryRules: {
      isRetryable: (error) => !(error instanceof PushHttpError) || error.status >= 500,
    },
    secrets: [secret],
    stopMessage: (status) =>
      `The webhook refused the batch (${status}). Check its secret, then resume the push.`,
    body: ({ jsons, readAtMs }) =>
      Promise.resolve(
        jsons
          .map((json) => mapAgentToOcsf(JSON.parse(json), { readTimeMs: readAtMs }))
          .flatMap((mapped) => (mapped.ok ? [`${JSON.stringify(mapped.value.record)}\n`] : []))
          .join(''),
      ),
    async send(body, signal) {
      const response = await request(target.url, {
        method: 'POST',
        headers: { 'x-webhook-secret': secret, 'content-type': 'application/x-ndjson' },
        body,
        ...(signal ? { signal } : {}),
      });
      await response.body.text();
      if (response.statusCode !== 204) {
        throw new PushHttpError('The webhook', response.statusCode, '', undefined);
      }
    },
  };
}

/** A loopback webhook that keeps what it accepts, and answers the statuses it is told to. */
export class FakeWebhook {
  readonly received: string[] = [];
  /** Statuses to answer, in turn, before accepting again. */
  readonly failures: number[] = [];
  url = '';
  private server: Server | undefined;

  static async start(secret: string): Promise<FakeWebhook> {
    const hook = new FakeWebhook();
    hook.server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const failure = hook.failures.shift();
        if (req.headers['x-webhook-secret'] !== secret) res.writeHead(401).end();
        else if (failure !== undefined) res.writeHead(failure).end();
        else {
          hook.received.push(...Buffer.concat(chunks).toString('utf8').trimEnd().split('\n'));
          res.writeHead(204).end();
        }
      });
    });
    await new Promise<void>((resolve) => hook.server!.listen(0, '127.0.0.1', resolve));
    hook.url = `http://127.0.0.1:${(hook.server.address() as AddressInfo).port}/inventory`;
    return hook;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()));
  }
}
