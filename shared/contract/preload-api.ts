import type { CallArgs, CallName, CallResult, Envelope, EventName, EventPayload } from './contract';
import type { AppCommand } from '../commands';

/**
 * What Electron's preload exposes as `window.s1inv`: one method per call and one subscription
 * per event, generated from the contract. Nothing else of IPC reaches the page.
 */
export interface PreloadApi {
  calls: { [K in CallName]: (args: CallArgs<K>) => Promise<Envelope<CallResult<K>>> };
  events: { [K in EventName]: (listener: (payload: EventPayload<K>) => void) => () => void };
  /** Menu commands (Find, Export…, Sync all, go to a screen), sent by main. */
  commands: (listener: (command: AppCommand) => void) => () => void;
}

export const PRELOAD_GLOBAL = 's1inv';
export const callChannel = (name: CallName) => `call:${name}`;
export const eventChannel = (name: EventName) => `event:${name}`;
export const COMMAND_CHANNEL = 'command';
