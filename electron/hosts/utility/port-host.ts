import type { Backend } from '../../backend/backend';
import { dispatch } from '../../backend/dispatch';
import { PendingRequests } from '../../../shared/rpc/pending-requests';
import {
  PLATFORM_REPLIES,
  type FromBackend,
  type PlatformReply,
  type PlatformRequest,
  type ToBackend,
} from './host-messages';
import type { ExportDestination, PlatformPort } from '../../backend/platform';

/** A message port as Electron's utility process (and Node's MessagePort) offers it. */
export interface MessagePortLike {
  on(event: 'message', listener: (message: { data: ToBackend } | ToBackend) => void): void;
  postMessage(message: FromBackend): void;
}

/**
 * The platform of a backend hosted behind a port: the save dialog and links are main's
 * business, so each is a request to main answered with a platform-reply.
 */
export class PortPlatform implements PlatformPort {
  readonly transport = 'electron' as const;
  private readonly requests = new PendingRequests<unknown>();

  constructor(private readonly port: MessagePortLike) {}

  chooseExportFile(suggestedName: string): Promise<ExportDestination | undefined> {
    return this.ask({ kind: 'chooseExportFile', suggestedName });
  }

  openExternal(url: string): Promise<boolean> {
    return this.ask({ kind: 'openExternal', url });
  }

  answer(id: number, value: unknown): void {
    this.requests.settle(id, value);
  }

  private async ask<K extends PlatformRequest['kind']>(
    request: Extract<PlatformRequest, { kind: K }>,
  ): Promise<PlatformReply[K]> {
    const reply = await this.requests.request((id) =>
      this.port.postMessage({ type: 'platform', id, request }),
    );
    return PLATFORM_REPLIES[request.kind].parse(reply) as PlatformReply[K];
  }
}

/** Serves the contract over a port: calls in, results and events out. */
export function hostBackendOnPort(
  port: MessagePortLike,
  backend: Backend,
  platform: PortPlatform,
): void {
  backend.events.subscribe((name, payload) => port.postMessage({ type: 'event', name, payload }));
  port.on('message', (message) => {
    // Electron wraps messages as { data }; Node's MessagePort hands the value itself.
    const data = 'data' in message ? message.data : message;
    if (data.type === 'platform-reply') {
      platform.answer(data.id, data.value);
      return;
    }
    void dispatch(backend, data.name, data.args).then((envelope) =>
      port.postMessage({ type: 'result', id: data.id, envelope }),
    );
  });
  port.postMessage({ type: 'ready' });
}
