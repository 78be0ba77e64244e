import type { Envelope, EventName } from '../../../shared/contract/contract';
import { PendingRequests } from '../../../shared/rpc/pending-requests';
import type { ExportDestination } from '../../backend/platform';
import type { FromBackend, PlatformRequest, ToBackend } from '../utility/host-messages';

/** What main needs of Electron's utility process (a MessagePort pair serves in tests). */
export interface UtilityProcessLike {
  postMessage(message: ToBackend): void;
  on(event: 'message', listener: (message: FromBackend) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
}

/** What only main can do for the backend: the native save dialog, opening links. */
export interface MainPlatform {
  chooseExportFile(suggestedName: string): Promise<ExportDestination | undefined>;
  openExternal(url: string): Promise<boolean>;
}

/**
 * Main's side of the backend process, without Electron: relays calls (queued until the backend
 * is ready), answers the backend's platform requests, and hands its events on. When the
 * process exits, every waiting and later call gets a "backend stopped" error at once.
 */
export class BackendRelay {
  private readonly calls = new PendingRequests<Envelope<unknown>>();
  /** Calls made before the backend said it is ready (its database is open). */
  private queued: ToBackend[] | undefined = [];

  constructor(
    private readonly child: UtilityProcessLike,
    private readonly platform: MainPlatform,
    private readonly onEvent: (name: EventName, payload: unknown) => void,
  ) {
    child.on('message', (message) => void this.receive(message));
    child.on('exit', (code) =>
      this.calls.close({
        ok: false,
        error: {
          name: 'BackendExitedError',
          code: 'unavailable',
          message: `The S1 Inventory backend stopped (exit code ${code}). Restart the app; your data is safe in its database.`,
        },
      }),
    );
  }

  call(name: string, args: unknown): Promise<Envelope<unknown>> {
    return this.calls.request((id) => this.send({ type: 'call', id, name, args }));
  }

  private send(message: ToBackend): void {
    if (this.queued) this.queued.push(message);
    else this.child.postMessage(message);
  }

  private async receive(message: FromBackend): Promise<void> {
    if (message.type === 'ready') {
      const queued = this.queued ?? [];
      this.queued = undefined;
      for (const waiting of queued) this.child.postMessage(waiting);
    } else if (message.type === 'result') {
      this.calls.settle(message.id, message.envelope);
    } else if (message.type === 'event') {
      this.onEvent(message.name, message.payload);
    } else if (message.type === 'platform') {
      this.send({
        type: 'platform-reply',
        id: message.id,
        value: await this.answer(message.request),
      });
    }
  }

  private answer(request: PlatformRequest): Promise<unknown> {
    return request.kind === 'openExternal'
      ? this.platform.openExternal(request.url)
      : this.platform.chooseExportFile(request.suggestedName);
  }
}
