import { dialog, utilityProcess, type BrowserWindow, type UtilityProcess } from 'electron';
import type { Envelope } from '../../shared/contract/contract';
import { eventChannel } from '../../shared/contract/preload-api';
import type { FromBackend, PlatformRequest, ToBackend } from '../hosts/utility/host-messages';
import { openExternalLink } from './external-links';

/**
 * The backend's utility process, seen from main: relays calls and events, and answers the
 * backend's platform requests (the native save dialog, opening links) on the main thread.
 */
export class BackendProcess {
  private readonly child: UtilityProcess;
  private readonly pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  private nextId = 0;
  /** Calls made before the backend said it is ready (its database is open). */
  private queued: ToBackend[] | undefined = [];
  private exitError: Envelope<never> | undefined;

  constructor(
    entry: string,
    dataDir: string,
    private readonly window: () => BrowserWindow | undefined,
  ) {
    this.child = utilityProcess.fork(entry, [], {
      serviceName: 'S1 Inventory backend',
      env: { ...process.env, S1INV_DATA_DIR: dataDir },
    });
    this.child.on('message', (message: FromBackend) => void this.receive(message));
    this.child.on('exit', (code) => {
      this.exitError = {
        ok: false,
        error: {
          name: 'BackendExitedError',
          code: 'unavailable',
          message: `The S1 Inventory backend stopped (exit code ${code}). Restart the app; your data is safe in its database.`,
        },
      };
      for (const resolve of this.pending.values()) resolve(this.exitError);
      this.pending.clear();
    });
  }

  call(name: string, args: unknown): Promise<Envelope<unknown>> {
    if (this.exitError) return Promise.resolve(this.exitError);
    const id = (this.nextId += 1);
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ type: 'call', id, name, args });
    });
  }

  stop(): void {
    this.child.kill();
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
      this.pending.get(message.id)?.(message.envelope);
      this.pending.delete(message.id);
    } else if (message.type === 'event') {
      this.window()?.webContents.send(eventChannel(message.name), message.payload);
    } else if (message.type === 'platform') {
      this.send({
        type: 'platform-reply',
        id: message.id,
        value: await this.platform(message.request),
      });
    }
  }

  private async platform(request: PlatformRequest): Promise<unknown> {
    if (request.kind === 'openExternal') return openExternalLink(request.url);
    const window = this.window();
    const options = {
      title: 'Export devices',
      defaultPath: request.suggestedName,
      properties: ['createDirectory', 'showOverwriteConfirmation'] as (
        'createDirectory' | 'showOverwriteConfirmation'
      )[],
    };
    const choice = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return undefined;
    return { path: choice.filePath, description: choice.filePath };
  }
}
