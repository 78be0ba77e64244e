import type { Migration } from './migration';
import { migration as consoles } from './0001-consoles';
import { migration as sync } from './0002-sync';
import { migration as audit } from './0003-audit';
import { migration as sekoia } from './0004-sekoia';
import { migration as precomputed } from './0005-precomputed';
import { migration as pushByReference } from './0006-push-by-reference';
import { migration as syncLocks } from './0007-sync-locks';
import { migration as rawBytes } from './0008-raw-bytes';
import { migration as historyWindow } from './0009-history-window';
import { migration as chunks } from './0010-chunks';
import { migration as savedViews } from './0011-saved-views';
import { migration as keepSnapshots } from './0012-keep-snapshots';
import { migration as rowChunks } from './0013-row-chunks';
import { migration as brotliChunks } from './0014-brotli-chunks';
import { migration as unindexedChunkRefs } from './0015-unindexed-chunk-refs';
import { migration as entityRecords } from './0016-entity-records';
import { migration as pushTargets } from './0017-push-targets';
import { migration as software } from './0018-software';
import { migration as softwareChanges } from './0019-software-changes';
import { migration as appSettings } from './0020-app-settings';
import { migration as deviceNotes } from './0021-device-notes';

/** Every migration, in order. test/node/db/migrate.test.ts checks the numbering is contiguous. */
export const MIGRATIONS: readonly Migration[] = [
  consoles,
  sync,
  audit,
  sekoia,
  precomputed,
  pushByReference,
  syncLocks,
  rawBytes,
  historyWindow,
  chunks,
  savedViews,
  keepSnapshots,
  rowChunks,
  brotliChunks,
  unindexedChunkRefs,
  entityRecords,
  pushTargets,
  software,
  softwareChanges,
  appSettings,
  deviceNotes,
];
