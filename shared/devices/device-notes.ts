import { z } from 'zod';

// The analyst's notes on a device: tags, a short note and a triage state. Kept locally, shown
// in the grid and the device page, searchable in the query language (tag:, note:, triage:),
// written in CSV and OCSF exports (docs/mapping.md says where), never sent to a console.

export const TRIAGE_STATES = ['unreviewed', 'reviewed', 'needs action'] as const;
export type TriageState = (typeof TRIAGE_STATES)[number];

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;
export const MAX_NOTE_LENGTH = 2_000;

export const DeviceNotes = z
  .object({
    tags: z
      .array(z.string().trim().min(1).max(MAX_TAG_LENGTH))
      .max(MAX_TAGS)
      .transform((tags) => [...new Set(tags)]),
    note: z.string().max(MAX_NOTE_LENGTH),
    triage: z.enum(TRIAGE_STATES),
  })
  .strict();
export type DeviceNotes = z.infer<typeof DeviceNotes>;

export const NO_NOTES: DeviceNotes = { tags: [], note: '', triage: 'unreviewed' };

/** Whether the notes say anything (a device without any keeps no row). */
export const saysSomething = (notes: DeviceNotes) =>
  notes.tags.length > 0 || notes.note.trim() !== '' || notes.triage !== 'unreviewed';
