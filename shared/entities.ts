import {
  EXPORT_FORMAT_INFO,
  EXPORT_FORMATS,
  type ExportFormat,
  type RecordForm,
} from './export-formats';

/**
 * The SentinelOne entities S1 Inventory syncs, stores and exports: one name each, everywhere
 * (`--apis`, `--entity`, the contract, the configuration file, the GUI).
 */
export const ENTITY_NAMES = [
  'agents',
  'threats',
  'activities',
  'applications',
  'vulnerabilities',
] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];

/** How an entity is read from the console. */
export type SyncKind =
  /** Every object, each run: a snapshot that becomes the inventory when complete. */
  | 'snapshot'
  /** What changed since the stored checkpoint, walked in ascending order. */
  | 'incremental'
  /** One request per agent of the current inventory, resumable from the last agent done. */
  | 'per-agent';

export interface EntityInfo {
  /** What the GUI calls its records. */
  label: string;
  /** The Management API path it is read from (under /web/api/v2.1). */
  path: string;
  sync: SyncKind;
  /** The forms its records can be exported in (see RecordForm); the formats follow from them. */
  forms: readonly RecordForm[];
  /** Whether an export of it can be cut down to a selection of devices. */
  byDevice: boolean;
  /** Whether a console syncs it unless its settings say otherwise. */
  syncedByDefault: boolean;
  /** What the Export dialog says of its records, when they need a word. */
  exportHint?: string;
  /**
   * What a token needs beyond reading agents, in the console's words (role permission, licence):
   * a refusal names it.
   */
  needs?: string;
}

/** The one record of each entity: every place that lists, offers or explains one reads it. */
export const ENTITIES: Readonly<Record<EntityName, EntityInfo>> = {
  agents: {
    label: 'Devices',
    path: '/agents',
    sync: 'snapshot',
    forms: ['ocsf', 'sekoia', 'row', 'raw'],
    byDevice: true,
    syncedByDefault: true,
  },
  threats: {
    label: 'Threats',
    exportHint: 'The threats of the devices below; OCSF formats write Detection Findings.',
    path: '/threats',
    sync: 'incremental',
    forms: ['ocsf', 'raw'],
    byDevice: true,
    syncedByDefault: true,
  },
  activities: {
    label: 'Activities',
    path: '/activities',
    sync: 'incremental',
    forms: ['raw'],
    byDevice: false,
    syncedByDefault: true,
  },
  applications: {
    label: 'Applications',
    exportHint:
      'The software installed on the devices below, one record per device and application.',
    // One request per agent: rows carry no agent id (reference apps §4).
    path: '/agents/applications',
    sync: 'per-agent',
    forms: ['ocsf', 'row', 'raw'],
    byDevice: true,
    syncedByDefault: false,
    needs: 'the Endpoints.view permission and Application Management on the console',
  },
  vulnerabilities: {
    label: 'Vulnerabilities',
    exportHint:
      'One row per device, application version and CVE; OCSF formats write Vulnerability Findings.',
    path: '/application-management/risks',
    sync: 'incremental',
    forms: ['ocsf', 'row', 'raw'],
    byDevice: true,
    syncedByDefault: false,
    needs:
      'the Applications Page.viewRisks permission and a licence with Application Management (Vulnerability Management)',
  },
};

export function isEntityName(value: string): value is EntityName {
  return (ENTITY_NAMES as readonly string[]).includes(value);
}

/** The export formats an entity's records can leave as. */
export function formatsOf(entity: EntityName): ExportFormat[] {
  return EXPORT_FORMATS.filter((format) =>
    ENTITIES[entity].forms.includes(EXPORT_FORMAT_INFO[format].reads),
  );
}
