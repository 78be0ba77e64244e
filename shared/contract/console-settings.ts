import { z } from 'zod';

/**
 * A console's settings, as an analyst gives them: the one declaration. The contract's add and
 * edit, the configuration file and the console view are made from it; the stored record
 * (storage/console-repository.ts) is these settings, checked, plus its id and bookkeeping.
 */
export const ConsoleSettings = z.object({
  name: z.string().min(1, 'must not be empty').max(200),
  url: z.string().min(1, 'must not be empty').max(2_000),
  /** The entities its syncs read; absent: those synced by default. */
  apis: z.array(z.string().max(100)).max(100).optional(),
  proxyUrl: z.string().max(2_000).optional(),
  caBundle: z.string().max(4_000).optional(),
  /** How far back threats and activities are read: `90d`, `2025-01-01`; empty: the defaults. */
  historySince: z.string().max(40).optional(),
  /** How many complete snapshots to keep, so Changes can compare any two; unset: the default. */
  keepSnapshots: z.number().optional(),
});
export type ConsoleSettings = z.infer<typeof ConsoleSettings>;

export const CONSOLE_SETTING_KEYS = Object.keys(ConsoleSettings.shape) as (keyof ConsoleSettings)[];

/** A console's settings as the view and the configuration file carry them: unset ones left out. */
export function settingsOf(record: ConsoleSettings): ConsoleSettings {
  const settings: Record<string, unknown> = {};
  for (const key of CONSOLE_SETTING_KEYS) {
    if (record[key] !== undefined) settings[key] = record[key];
  }
  return settings as ConsoleSettings;
}
