// The bridge into the sandboxed page: one method per contract call and one subscription per
// event, generated from the contract. The page never sees ipcRenderer or a channel name.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CALL_NAMES, EVENT_NAMES } from '../../shared/contract/names';
import { isAppCommand, type AppCommand } from '../../shared/commands';
import {
  callChannel,
  COMMAND_CHANNEL,
  eventChannel,
  PRELOAD_GLOBAL,
  type PreloadApi,
} from '../../shared/contract/preload-api';

const calls = Object.fromEntries(
  CALL_NAMES.map((name) => [name, (args: unknown) => ipcRenderer.invoke(callChannel(name), args)]),
);
const events = Object.fromEntries(
  EVENT_NAMES.map((name) => [
    name,
    (listener: (payload: unknown) => void) => {
      const handle = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(eventChannel(name), handle);
      return () => {
        ipcRenderer.removeListener(eventChannel(name), handle);
      };
    },
  ]),
);

const commands = (listener: (command: AppCommand) => void) => {
  const handle = (_event: IpcRendererEvent, command: unknown) => {
    if (isAppCommand(command)) listener(command);
  };
  ipcRenderer.on(COMMAND_CHANNEL, handle);
  return () => {
    ipcRenderer.removeListener(COMMAND_CHANNEL, handle);
  };
};

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, {
  calls,
  events,
  commands,
} as unknown as PreloadApi);
