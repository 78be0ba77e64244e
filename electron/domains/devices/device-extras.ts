import type { DeviceEnrichment } from '../../storage/software-store';
import type { Storage } from '../../storage/storage';
import type { AgentRange } from '../../storage/snapshot-store';
import type { DeviceNotes } from '../../../shared/devices/device-notes';

/**
 * What a device row gains beyond its agent: its software and CVE counts, when it was first in a
 * kept snapshot, and the analyst's notes.
 */
export type DeviceExtras = Partial<DeviceEnrichment> &
  Partial<DeviceNotes> & { firstSeen?: string };

/**
 * A lookup of each device's extras, read once (per load of the grid, per page of a listing, per
 * export): the grid, `s1inv devices` and the CSV say the same of a device. Triage reads
 * "unreviewed" until the analyst sets it.
 */
export function deviceExtrasLookup(
  storage: Storage,
  /** Only these agents' first times are read (a page of a listing); absent, every agent's. */
  ranges?: readonly AgentRange[],
): (consoleId: string, agentId: string) => DeviceExtras {
  const enrichmentOf = storage.software.enrichmentLookup();
  const notesOf = storage.notes.lookup();
  const firstSeenOf = storage.snapshots.firstSeenLookup(ranges);
  return (consoleId, agentId) => {
    const notes = notesOf(consoleId, agentId);
    const firstSeen = firstSeenOf(consoleId, agentId);
    return {
      ...enrichmentOf(consoleId, agentId),
      ...(firstSeen === undefined ? {} : { firstSeen }),
      ...(notes?.tags.length ? { tags: notes.tags } : {}),
      ...(notes?.note ? { note: notes.note } : {}),
      triage: notes?.triage ?? 'unreviewed',
    };
  };
}
