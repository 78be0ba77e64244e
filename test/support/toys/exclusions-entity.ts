import type { EntityName } from '../../../shared/entities';
import { storedRaw, type EntityExport } from '../../../electron/domains/export/entity-records';
import { incrementalSync } from '../../../electron/domains/sync/entity-syncs';
import type { IncrementalSpec } from '../../../electron/domains/sync/incremental-sync';
import type { ListSpec } from '../fake-s1/listing';

// A toy entity, to prove an incremental entity is one file plus its registration: SentinelOne's
// exclusions, walked by createdAt, stored in the shared records table, exported raw. A real one
// also joins ENTITY_NAMES and ENTITIES in shared/entities.ts, hence the cast.

export const EXCLUSIONS = 'exclusions' as EntityName;

const spec: IncrementalSpec = {
  api: EXCLUSIONS,
  path: '/exclusions',
  historyDays: null,
  field: 'createdAt',
  idOf: (value) => value.id,
  atOf: (value) => value.createdAt,
  agentIdOf: () => undefined,
};

/** Its line in ENTITY_SYNCS. */
export const exclusionsSync = incrementalSync(spec);

/** Its line in ENTITY_EXPORTS. */
export const exclusionsExport: EntityExport = {
  info: { label: 'Exclusions', forms: ['raw'], byDevice: false },
  read: { raw: storedRaw(EXCLUSIONS) },
};

/** How the test fake serves it: the filters and sort fields its walk uses. */
export const EXCLUSION_LIST: ListSpec = {
  filters: {
    createdAt__gte: (item, value) => String((item as { createdAt: string }).createdAt) >= value,
    createdAt__lt: (item, value) => String((item as { createdAt: string }).createdAt) < value,
  },
  sortFields: {
    id: (item) => String((item as { id: string }).id),
    createdAt: (item) => String((item as { createdAt: string }).createdAt),
  },
};

/** An exclusion as the Management API lists one (path exclusions on Windows). */
export function exclusion(index: number, createdAt: string): object {
  return {
    id: String(1_700_000_000_000_000_000n + BigInt(index)),
    createdAt,
    updatedAt: createdAt,
    type: 'path',
    value: `C:\\Tools\\toy-${index}\\*`,
    osType: 'windows',
    mode: 'suppress',
    description: `toy exclusion ${index}`,
    scopeName: 'Acme Corp',
  };
}
