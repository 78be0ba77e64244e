import { appHandlers } from './app';
import { consoleHandlers } from './consoles';
import { deviceHandlers } from './devices';
import { handOnHandlers } from './hand-on';
import type { Handlers } from './handler-types';

/** The backend's side of the contract: one handler per call, none aware of its transport. */
export const HANDLERS: Handlers = {
  ...appHandlers,
  ...consoleHandlers,
  ...deviceHandlers,
  ...handOnHandlers,
};
