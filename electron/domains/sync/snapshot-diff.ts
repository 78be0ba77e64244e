import type { Db } from '../../adapters/db/database';

export interface SnapshotDiff {
  added: string[];
  removed: string[];
  /** Agents in both snapshots whose raw object differs, with the top-level fields that did. */
  changed: { agentId: string; fields: string[] }[];
}

/** What changed between two snapshots of a console: agents added, removed, and changed. */
export function diffSnapshots(db: Db, fromId: number, toId: number): SnapshotDiff {
  const membersOnlyIn = (snapshot: number, other: number) =>
    (
      db
        .prepare(
          `SELECT agent_id FROM snapshot_members WHERE snapshot_id = ?
           EXCEPT SELECT agent_id FROM snapshot_members WHERE snapshot_id = ?`,
        )
        .pluck()
        .all(snapshot, other) as string[]
    ).sort();
  const added = membersOnlyIn(toId, fromId);
  const removed = membersOnlyIn(fromId, toId);
  const pairs = db
    .prepare(
      `SELECT a.agent_id AS agentId, ra.json AS before, rb.json AS after
       FROM snapshot_members a JOIN snapshot_members b ON b.agent_id = a.agent_id AND b.snapshot_id = ?
       JOIN raw_objects ra ON ra.id = a.raw_id JOIN raw_objects rb ON rb.id = b.raw_id
       WHERE a.snapshot_id = ? AND a.raw_id <> b.raw_id ORDER BY a.agent_id`,
    )
    .iterate(toId, fromId) as Iterable<{ agentId: string; before: string; after: string }>;
  const changed: SnapshotDiff['changed'] = [];
  for (const pair of pairs) {
    const before = JSON.parse(pair.before) as Record<string, unknown>;
    const after = JSON.parse(pair.after) as Record<string, unknown>;
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
      .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      .sort();
    changed.push({ agentId: pair.agentId, fields });
  }
  return { added, removed, changed };
}
