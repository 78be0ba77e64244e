import type { Db } from '../adapters/db/database';
import { NO_NOTES, saysSomething, type DeviceNotes } from '../../shared/devices/device-notes';

interface NoteRow {
  consoleId: string;
  agentId: string;
  tags: string;
  note: string;
  triage: DeviceNotes['triage'];
}

const notesOf = (row: NoteRow): DeviceNotes => ({
  tags: JSON.parse(row.tags) as string[],
  note: row.note,
  triage: row.triage,
});

const keyOf = (consoleId: string, agentId: string) => `${consoleId}\u0000${agentId}`;

/** The analyst's notes per device (console id and agent id); a device with none has no row. */
export class DeviceNoteStore {
  /** Bumped on each write through this store: two edits in one millisecond still differ. */
  private generation = 0;

  constructor(private readonly db: Db) {}

  get(consoleId: string, agentId: string): DeviceNotes {
    const row = this.db
      .prepare(`SELECT tags, note, triage FROM device_notes WHERE console_id = ? AND agent_id = ?`)
      .get(consoleId, agentId) as NoteRow | undefined;
    return row ? notesOf(row) : NO_NOTES;
  }

  /** Stores the notes whole (notes that say nothing remove the row). */
  set(consoleId: string, agentId: string, notes: DeviceNotes, at: Date): DeviceNotes {
    this.generation += 1;
    if (!saysSomething(notes)) {
      this.db
        .prepare('DELETE FROM device_notes WHERE console_id = ? AND agent_id = ?')
        .run(consoleId, agentId);
      return NO_NOTES;
    }
    this.db
      .prepare(
        `INSERT INTO device_notes (console_id, agent_id, tags, note, triage, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (console_id, agent_id) DO UPDATE SET
           tags = excluded.tags, note = excluded.note, triage = excluded.triage,
           updated_at = excluded.updated_at`,
      )
      .run(
        consoleId,
        agentId,
        JSON.stringify(notes.tags),
        notes.note,
        notes.triage,
        at.toISOString(),
      );
    return notes;
  }

  /** Every device's notes, by console id and agent id (a configuration file with notes). */
  all(): { consoleId: string; agentId: string; notes: DeviceNotes }[] {
    const rows = this.db
      .prepare(
        `SELECT console_id AS consoleId, agent_id AS agentId, tags, note, triage FROM device_notes
         ORDER BY console_id, agent_id`,
      )
      .all() as NoteRow[];
    return rows.map((row) => ({
      consoleId: row.consoleId,
      agentId: row.agentId,
      notes: notesOf(row),
    }));
  }

  /** Every device's notes, as a lookup (read once per load of the grid or an export). */
  lookup(): (consoleId: string, agentId: string) => DeviceNotes | undefined {
    const rows = this.db
      .prepare(
        `SELECT console_id AS consoleId, agent_id AS agentId, tags, note, triage FROM device_notes`,
      )
      .all() as NoteRow[];
    const byDevice = new Map(rows.map((row) => [keyOf(row.consoleId, row.agentId), notesOf(row)]));
    return (consoleId, agentId) => byDevice.get(keyOf(consoleId, agentId));
  }

  /** Changes whenever a note does (here, or written by another process): the grid reloads. */
  version(): string {
    const stored = this.db
      .prepare(`SELECT count(*) || ';' || IFNULL(max(updated_at), '') FROM device_notes`)
      .pluck()
      .get() as string;
    return `${this.generation};${stored}`;
  }
}
