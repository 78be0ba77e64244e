import type { DeviceNotes } from './device-notes';

/**
 * A Device Inventory Info record (JSON text) carrying the analyst's notes where OCSF 1.6.0 has a
 * place for them (docs/mapping.md): the tags and the triage state as `metadata.labels`
 * (string_t[]: `vip`, `triage:needs action`); the note, which no OCSF attribute of this class
 * holds (`metadata.tags` needs key_value_object, outside the schema data we validate against),
 * in `unmapped["s1inventory.note"]`. A device without notes is left as it is.
 */
export function withAnalystNotes(json: string, notes: DeviceNotes | undefined): string {
  if (notes === undefined) return json;
  const record = JSON.parse(json) as {
    metadata?: Record<string, unknown>;
    unmapped?: Record<string, unknown>;
  };
  (record.metadata ??= {}).labels = [...notes.tags, `triage:${notes.triage}`];
  if (notes.note) (record.unmapped ??= {})['s1inventory.note'] = notes.note;
  return JSON.stringify(record);
}
