import { fork } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import {
  GRID_LOAD_REQUEST,
  type GridLoadMessage,
  type GridLoadRequest,
} from './grid-load-messages';

export interface RunningGridLoad {
  onMessage(listener: (message: GridLoadMessage) => void): void;
  onEnd(listener: (why: string) => void): void;
  unref(): void;
}

/**
 * Starts the grid's load worker (grid-load-worker.ts) in a worker thread or a process of its own:
 * either way its messages, and its end.
 */
export function startGridLoad(
  runIn: 'process' | 'thread',
  entry: string,
  request: GridLoadRequest,
): RunningGridLoad {
  if (runIn === 'thread') {
    const worker = new Worker(entry, { workerData: request });
    return {
      onMessage: (listener) => worker.on('message', listener),
      onEnd: (listener) => {
        worker.on('error', (error) => listener(error.message));
        worker.on('exit', (code) => listener(`exit code ${code}`));
      },
      unref: () => worker.unref(),
    };
  }
  // No inspector or loader flags of this process: the worker brings what it needs. The request
  // names the consoles (in the inventory's version): it goes in the environment, which only
  // this user may read, not on the command line, which every user of the machine may.
  const child = fork(entry, [], {
    execArgv: [],
    env: { ...process.env, [GRID_LOAD_REQUEST]: JSON.stringify(request) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return {
    onMessage: (listener) => child.on('message', (message) => listener(message as GridLoadMessage)),
    onEnd: (listener) => {
      child.on('error', (error) => listener(error.message));
      child.on('exit', (code, signal) =>
        listener(signal ? `signal ${signal}` : `exit code ${code}`),
      );
    },
    unref: () => {
      child.unref();
      child.channel?.unref();
    },
  };
}
