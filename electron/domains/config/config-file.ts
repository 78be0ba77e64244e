import { z } from 'zod';
import { ENTITY_NAMES } from '../../../shared/entities';
import { ViewState } from '../../../shared/contract/views';
import { ConsoleSettings } from '../../../shared/contract/console-settings';
import { DeviceNotes } from '../../../shared/devices/device-notes';

// The JSON configuration a team shares: console names, URLs, chosen APIs and options.
// Never secrets: a key that could hold one is refused on import, and none is ever exported.

export const CONFIG_FORMAT = 's1-inventory-config';
export const CONFIG_VERSION = 1;

const consoleEntry = ConsoleSettings.extend({
  apis: z.array(z.enum(ENTITY_NAMES)).min(1, 'must list at least one entity').optional(),
}).strict();

/** A saved view of the Devices grid, so a team shares its audit views with its consoles. */
const viewEntry = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    state: ViewState,
    default: z.boolean().optional(),
  })
  .strict();

/**
 * The analyst's notes on a device, by console name and agent id: only in a file exported with
 * them asked for (`config export --with-notes`), since they are an audit's working state.
 */
const noteEntry = z
  .object({
    console: z.string().trim().min(1, 'must name a console'),
    agentId: z.string().trim().min(1).max(200),
  })
  .extend(DeviceNotes.shape)
  .strict();

export const configFileSchema = z
  .object({
    format: z.literal(CONFIG_FORMAT),
    version: z.literal(CONFIG_VERSION),
    consoles: z.array(consoleEntry),
    views: z.array(viewEntry).max(1_000, 'one import takes at most 1,000 views').optional(),
    notes: z.array(noteEntry).max(1_000_000, 'one import takes at most 1,000,000 notes').optional(),
  })
  .strict();

export type ConfigFile = z.infer<typeof configFileSchema>;
export type ConsoleEntry = z.infer<typeof consoleEntry>;

export interface ConfigProblem {
  /** JSON path, e.g. `$.consoles[1].url`. */
  path: string;
  message: string;
}

export function jsonPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>(
    (path, segment) =>
      typeof segment === 'number' ? `${path}[${segment}]` : `${path}.${String(segment)}`,
    '$',
  );
}

const SECRET_LIKE = /token|secret|password|api[-_]?key/i;

/** Parses the file's text; every problem comes back with its JSON path. */
export function parseConfigFile(text: string): { config?: ConfigFile; problems: ConfigProblem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problems: [{ path: '$', message: `not valid JSON (${(error as Error).message})` }] };
  }
  const parsed = configFileSchema.safeParse(json);
  if (parsed.success) return { config: parsed.data, problems: [] };
  return {
    problems: parsed.error.issues.flatMap((issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({
          path: jsonPath([...issue.path, key]),
          message: SECRET_LIKE.test(key)
            ? "secrets are never imported from a file; store each console's token in the OS keychain after the import"
            : 'unknown key',
        }));
      }
      return [{ path: jsonPath(issue.path), message: issue.message }];
    }),
  };
}
