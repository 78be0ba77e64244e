import type { ReadOnlyDb } from '../../adapters/db/database';
import { sekoiaText } from '../../../shared/devices/precomputed';
import { ChunkReader } from '../sync/chunk-store';
import { storedRawColumns, textOf, type StoredRaw } from '../sync/stored-raw';
import { agentToSekoia } from '../../../shared/sekoia/dialect';
import { parseAgent } from '../../../shared/sentinelone/agent';
import { AppError } from '../../../shared/errors/app-error';

export class SnapshotGoneError extends AppError {
  override readonly name = 'SnapshotGoneError';
  readonly code = 'not_found';
}

/**
 * The Sekoia records of some agents of one snapshot, in the order given. A push outbox keeps
 * only (snapshot, agent ids) per batch and builds the body when it sends it: snapshots never
 * change, so a resumed batch sends exactly what it would have sent the first time.
 */
export function sekoiaRecordsOf(
  db: ReadOnlyDb,
  snapshotId: number,
  agentIds: readonly string[],
  options: { legacyDeviceTypes?: boolean } = {},
): string[] {
  const takenAt = db
    .prepare('SELECT taken_at FROM agent_snapshots WHERE id = ?')
    .pluck()
    .get(snapshotId) as string | undefined;
  if (takenAt === undefined) {
    throw new SnapshotGoneError(
      'The devices of this push were deleted with their console. Start a new push.',
    );
  }
  const readAtMs = Date.parse(takenAt);
  // CROSS JOIN keeps the ids outermost: each is one primary-key lookup. (Left to itself the
  // planner scanned the whole snapshot once per id.)
  const rows = db
    .prepare(
      `SELECT m.agent_id AS agentId, ${storedRawColumns('r')}
       FROM json_each(?) ids
       CROSS JOIN snapshot_members m ON m.snapshot_id = ? AND m.agent_id = ids.value
       CROSS JOIN raw_objects r ON r.id = m.raw_id
       ORDER BY ids.key`,
    )
    .all(JSON.stringify(agentIds), snapshotId) as (StoredRaw & { agentId: string })[];
  // Records are mapped here, as the batch is sent: keeping them would cost more disk than the
  // raw agents, and mapping a batch takes less than the POST it goes into.
  const chunks = new ChunkReader(db);
  return rows.flatMap((row) => {
    const json = textOf(row, chunks);
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
