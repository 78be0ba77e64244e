import { z } from 'zod';
import type { Envelope, EventName } from '../../../shared/contract/contract';

// The messages between Electron's main process and the backend's utility process. Main
// relays calls (already validated) and answers platform requests; the backend answers calls
// and emits events.

export type PlatformRequest =
  { kind: 'chooseExportFile'; suggestedName: string } | { kind: 'openExternal'; url: string };

/** Main's replies, checked on arrival: the backend never trusts a cast. */
export const PLATFORM_REPLIES = {
  chooseExportFile: z
    .object({ path: z.string(), description: z.string(), downloadUrl: z.string().optional() })
    .optional(),
  openExternal: z.boolean(),
} as const;
export type PlatformReply = {
  [K in keyof typeof PLATFORM_REPLIES]: z.infer<(typeof PLATFORM_REPLIES)[K]>;
};

export type ToBackend =
  | { type: 'call'; id: number; name: string; args: unknown }
  | { type: 'platform-reply'; id: number; value: unknown };

export type FromBackend =
  | { type: 'ready' }
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; name: EventName; payload: unknown }
  | { type: 'platform'; id: number; request: PlatformRequest };
