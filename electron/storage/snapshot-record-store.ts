import type { ReadOnlyDb } from '../adapters/db/database';
import { sekoiaText } from '../../shared/devices/precomputed';
import { ChunkReader } from './chunk-store';
import { storedRawColumns, textOf, type StoredRaw } from './stored-raw';
import { agentToSekoia } from '../../shared/sekoia/dialect';
import { parseAgent } from '../../shared/sentinelone/agent';
import { AppError } from '../../shared/errors/app-error';

export class SnapshotGoneError extends AppError {
  override readonly name = 'SnapshotGoneError';
  readonly code = 'not_found';
}

/** The raw agents a push batch sends, in the order given, and when their snapshot was read. */
export interface SekoiaSources {
  readAtMs: number;
  jsons: string[];
}

/**
 * The raw agents of some agents of one snapshot, in the order given. A push outbox keeps only
 * (snapshot, agent ids) per batch and builds the body when it sends it: snapshots never change,
 * so a resumed batch sends exactly what it would have sent the first time.
 */
export function sekoiaSourcesOf(
  db: ReadOnlyDb,
  snapshotId: number,
  agentIds: readonly string[],
): SekoiaSources {
  const takenAt = db
    .prepare('SELECT taken_at FROM agent_snapshots WHERE id = ?')
    .pluck()
    .get(snapshotId) as string | undefined;
  if (takenAt === undefined) {
    throw new SnapshotGoneError(
      'The devices of this push were deleted with their console. Start a new push.',
    );
  }
  // CROSS JOIN keeps the ids outermost: each is one primary-key lookup. (Left to itself the
  // planner scanned the whole snapshot once per id.)
  const rows = db
    .prepare(
      `SELECT ${storedRawColumns('r')}
       FROM json_each(?) ids
       CROSS JOIN snapshot_members m ON m.snapshot_id = ? AND m.agent_id = ids.value
       CROSS JOIN raw_objects r ON r.id = m.raw_id
       ORDER BY ids.key`,
    )
    .all(JSON.stringify(agentIds), snapshotId) as StoredRaw[];
  const chunks = new ChunkReader(db);
  return { readAtMs: Date.parse(takenAt), jsons: rows.map((row) => textOf(row, chunks)) };
}

/**
 * Sekoia records of raw agents, mapped as the batch is sent (keeping them would cost more disk
 * than the raw agents). Agents Sekoia refuses are left out, as when the push was planned.
 */
export function sekoiaRecordsOf(
  { readAtMs, jsons }: SekoiaSources,
  options: { legacyDeviceTypes?: boolean } = {},
): string[] {
  return jsons.flatMap((json) => {
    if (!options.legacyDeviceTypes) {
      const mapped = sekoiaText(json, readAtMs);
      return mapped.ok ? [mapped.text] : [];
    }
    const parsed = parseAgent(JSON.parse(json));
    if (!parsed.ok) return [];
    const mapped = agentToSekoia(parsed.value.agent, {
      readTimeMs: readAtMs,
      legacyDeviceTypes: true,
    });
    return mapped.ok ? [JSON.stringify(mapped.value.record)] : [];
  });
}
