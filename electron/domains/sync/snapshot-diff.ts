import type { SnapshotStore } from '../../storage/snapshot-store';

export interface SnapshotDiff {
  added: string[];
  removed: string[];
  /** Agents in both snapshots whose raw object differs, with the top-level fields that did. */
  changed: { agentId: string; fields: string[] }[];
}

/** What changed between two snapshots of a console: agents added, removed, and changed. */
export function diffSnapshots(
  snapshots: SnapshotStore,
  fromId: number,
  toId: number,
): SnapshotDiff {
  const added = snapshots.agentsOnlyIn(toId, fromId).sort();
  const removed = snapshots.agentsOnlyIn(fromId, toId).sort();
  const pairs = snapshots.changedAgents(fromId, toId);
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
