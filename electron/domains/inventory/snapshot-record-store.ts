import type { ReadOnlyDb } from '../../adapters/db/database';
import { PRECOMPUTE_VERSION, precomputeAgent, withTime } from '../../../shared/devices/precomputed';
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
      `SELECT m.agent_id AS agentId, p.sekoia AS sekoia, p.sekoia_time AS sekoiaTime,
              CASE WHEN p.raw_id IS NULL OR ? THEN r.json END AS json
       FROM json_each(?) ids
       CROSS JOIN snapshot_members m ON m.snapshot_id = ? AND m.agent_id = ids.value
       CROSS JOIN raw_objects r ON r.id = m.raw_id
       LEFT JOIN precomputed_agents p ON p.raw_id = m.raw_id AND p.version = ?
       ORDER BY ids.key`,
    )
    .all(
      options.legacyDeviceTypes ? 1 : 0,
      JSON.stringify(agentIds),
      snapshotId,
      PRECOMPUTE_VERSION,
    ) as {
    agentId: string;
    sekoia: string | null;
    sekoiaTime: number | null;
    json: string | null;
  }[];
  return rows.flatMap((row) => {
    if (row.json === null) {
      return row.sekoia === null ? [] : [withTime(row.sekoia, row.sekoiaTime ?? readAtMs / 1000)];
    }
    if (!options.legacyDeviceTypes) {
      const mapped = precomputeAgent(row.json);
      if (!mapped.ok || mapped.sekoia === null) return [];
      return [withTime(mapped.sekoia, mapped.sekoiaTime ?? readAtMs / 1000)];
    }
    const parsed = parseAgent(JSON.parse(row.json));
    if (!parsed.ok) return [];
    const mapped = agentToSekoia(parsed.value.agent, {
      readTimeMs: readAtMs,
      legacyDeviceTypes: true,
    });
    return mapped.ok ? [JSON.stringify(mapped.value.record)] : [];
  });
}
