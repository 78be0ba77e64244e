import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import { commandForKey, type AppCommand } from '../../shared/commands';
import { PRELOAD_GLOBAL, type PreloadApi } from '../../shared/contract/preload-api';

/**
 * The app's commands reach the page the host's way: in Electron from the menus (through the
 * preload), in a browser from the same shortcuts pressed on the page.
 */
export function useAppCommands(handle: (command: AppCommand) => void): void {
  useEffect(() => {
    const preload = (window as unknown as Record<string, PreloadApi | undefined>)[PRELOAD_GLOBAL];
    if (preload) return preload.commands(handle);
    const mac = /Mac/i.test(navigator.platform);
    const onKey = (event: KeyboardEvent) => {
      const command = commandForKey(event, mac);
      if (!command) return;
      event.preventDefault();
      handle(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [handle]);
}

/** A command a screen still has to carry out once it is shown (Find, Export… on Devices). */
interface Pending {
  command: AppCommand | undefined;
  done: () => void;
}

const PendingCommand = createContext<Pending>({ command: undefined, done: () => undefined });

export function PendingCommandProvider({
  command,
  done,
  children,
}: Pending & { children: ReactNode }) {
  return <PendingCommand.Provider value={{ command, done }}>{children}</PendingCommand.Provider>;
}

/**
 * Runs `run` once the pending command is `which` and the screen is `ready` for it (Export…
 * waits for the rows), then clears it.
 */
export function usePendingCommand(which: AppCommand, ready: boolean, run: () => void): void {
  const { command, done } = useContext(PendingCommand);
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    if (command !== which || !ready) return;
    latest.current();
    done();
  }, [command, which, ready, done]);
}
