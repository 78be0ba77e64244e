import { z } from 'zod';
import { EXPORT_FORMATS } from '../export-formats';
import { NextStep } from '../errors/next-step';
import { DeviceRow } from '../devices/device-row';
import { DeviceNotes } from '../devices/device-notes';
import { GridRow } from '../devices/grid-row';
import { ConsoleSettings } from './console-settings';
import { FACETS } from '../devices/facets';
import { QUICK_FILTERS } from '../devices/quick-filters';
import { CVE_SEVERITIES } from '../cve-severity';
import { CVE_ID } from '../devices/grid-query';
import { QUERY_MAX_LENGTH } from '../query/query-ast';

export { GridRow };

const FACET_KEYS = FACETS.map((f) => f.key) as [
  (typeof FACETS)[number]['key'],
  ...(typeof FACETS)[number]['key'][],
];
const QUICK_FILTER_IDS = QUICK_FILTERS.map((f) => f.id) as [
  (typeof QUICK_FILTERS)[number]['id'],
  ...(typeof QUICK_FILTERS)[number]['id'][],
];

// The shapes the backend hands the renderer. Secrets never appear in any of them: a console
// says whether a token is stored, never what it is.

export const SeverityCounts = z.object({ errors: z.number(), warnings: z.number() });

/** How far back a console's stored threats and activities reach; since null: the whole history. */
const HistoryWindow = z.object({ since: z.string().nullable() });
export const HistoryWindows = z.object({
  threats: HistoryWindow.optional(),
  activities: HistoryWindow.optional(),
});
export type HistoryWindows = z.infer<typeof HistoryWindows>;

/** A console as every host shows it: its settings, then what it is doing and holds. */
export const ConsoleView = ConsoleSettings.extend({
  id: z.string(),
  apis: z.array(z.string()),
  /** How many complete snapshots the console keeps, its own setting or the default. */
  keepSnapshots: z.number(),
  history: HistoryWindows,
  tokenStored: z.boolean(),
  state: z.string(),
  syncing: z.boolean(),
  autoPoll: z.object({ enabled: z.boolean(), minutes: z.number() }),
  /** What is wrong now (since the latest sync began), and, while a request is retried, when the sync gives up. */
  problem: z
    .object({
      severity: z.enum(['error', 'warning', 'info']),
      /** What kind of problem, for the GUI's words (errorClassWords). */
      errorClass: z.string(),
      message: z.string(),
      since: z.string(),
      count: z.number(),
      givesUpAt: z.string().optional(),
    })
    .optional(),
  inventory: z.object({ takenAt: z.string(), agents: z.number() }).optional(),
  health: SeverityCounts,
});
export type ConsoleView = z.infer<typeof ConsoleView>;

export const CONNECTION_OUTCOMES = [
  'ok',
  'dns_failure',
  'connection_refused',
  'connection_timeout',
  'tls_failure',
  'network_error',
  'not_a_console',
  'token_invalid',
  'permission_denied',
  'server_error',
] as const;

/** "Test connection": one of a fixed set of outcomes, what happened, and what to do next. */
export const ConnectionReport = z.object({
  outcome: z.enum(CONNECTION_OUTCOMES),
  ok: z.boolean(),
  message: z.string(),
  /** The next step in words any host can show. */
  nextStep: z.string(),
  /** The same step as an action a host can offer (a command, a button). */
  action: NextStep.optional(),
  /** The call that failed, e.g. "GET /web/api/v2.1/accounts". */
  failedCall: z.string().optional(),
  consoleVersion: z.string().optional(),
  token: z
    .object({
      expiresAt: z.string().optional(),
      daysLeft: z.number().optional(),
      expiresSoon: z.boolean(),
    })
    .optional(),
  scope: z
    .object({
      level: z.enum(['accounts', 'sites']),
      entries: z.array(z.object({ id: z.string(), name: z.string() })),
      total: z.number(),
    })
    .optional(),
});

export const HealthEventView = z.object({
  id: z.number(),
  console: z.string(),
  api: z.string().optional(),
  errorClass: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  firstAt: z.string(),
  lastAt: z.string(),
  count: z.number(),
});

/** How an entity's sync run ends (or stands, while it runs). */
export const RUN_STATES = [
  'running',
  'complete',
  'incomplete',
  'failed',
  'cancelled',
  'interrupted',
] as const;

/** Who is to act on an error, in Sumo Logic's words (a console's settings, its service, us). */
export const ERROR_CLASSES = [
  'ThirdPartyConfig',
  'ThirdPartyGeneric',
  'FirstPartyGeneric',
  'Malformed',
] as const;

export const SyncErrorView = z.object({ errorClass: z.enum(ERROR_CLASSES), message: z.string() });

/** One entity of one console after a sync, as `sync --json` prints it. */
/** The app's settings (a fresh install: every one off). */
export const AppSettingsView = z.object({ updateCheck: z.boolean() });
export type AppSettingsView = z.infer<typeof AppSettingsView>;

/** What the opt-in check for a newer version found. */
export const UpdateCheckView = z.discriminatedUnion('state', [
  /** The analyst has not turned the check on: nothing was asked. */
  z.object({ state: z.literal('off'), current: z.string() }),
  z.object({ state: z.literal('current'), current: z.string(), latest: z.string() }),
  z.object({
    state: z.literal('newer'),
    current: z.string(),
    latest: z.string(),
    /** The release page, on s1inventory.io. */
    url: z.string(),
  }),
  /** The feed could not be read; `reason` says why. */
  z.object({ state: z.literal('unknown'), current: z.string(), reason: z.string() }),
]);
export type UpdateCheckView = z.infer<typeof UpdateCheckView>;

export const ApiSyncOutcome = z.object({
  state: z.enum(RUN_STATES),
  fetched: z.number(),
  expected: z.number().optional(),
  complete: z.boolean(),
  new: z.number().optional(),
  malformed: z.number(),
  errors: z.array(SyncErrorView),
  window: HistoryWindow.optional(),
});

export const SyncRunOutcome = z.object({
  consoles: z.record(
    z.string(),
    z.object({ state: z.string(), apis: z.record(z.string(), ApiSyncOutcome) }),
  ),
});
export type SyncRunOutcome = z.infer<typeof SyncRunOutcome>;

export const HealthReport = z.object({
  console: z.string(),
  url: z.string(),
  state: z.string(),
  currentSnapshot: z
    .object({ id: z.number(), takenAt: z.string(), agentCount: z.number() })
    .nullable(),
  lastRuns: z.array(
    z.object({
      api: z.string(),
      state: z.string(),
      fetched: z.number(),
      expected: z.number().optional(),
      startedAt: z.string(),
      finishedAt: z.string().optional(),
    }),
  ),
  events: z.array(HealthEventView),
});
export type HealthReport = z.infer<typeof HealthReport>;

export const DeviceDetail = z.object({
  console: z.string(),
  agentId: z.string(),
  /** The device as the grid shows it: the page's title and summary. */
  row: DeviceRow,
  /** The analyst's tags, note and triage state. */
  notes: DeviceNotes,
  /** Pretty-printed for reading and copying. */
  ocsf: z.string(),
  raw: z.string(),
  threats: z.array(z.record(z.string(), z.unknown())),
  activities: z.array(z.record(z.string(), z.unknown())),
  /** The window the stored threats and activities cover. */
  history: HistoryWindows,
  /** This device's stored threats as OCSF 1.6.0 Detection Findings, pretty-printed. */
  findings: z.string(),
  /** Records of this device that are stored but not shown, each with why and what to do. */
  withheld: z.array(z.string()),
  /** The software installed, as last read (absent: never read for this device). */
  software: z
    .object({
      readAt: z.string(),
      applications: z.array(
        z.object({
          name: z.string(),
          vendor: z.string(),
          version: z.string(),
          installedDate: z.string().optional(),
          size: z.number().optional(),
        }),
      ),
    })
    .optional(),
  /** The CVEs stored for this device (absent: its console does not read them). */
  vulnerabilities: z
    .array(
      z.object({
        id: z.string(),
        cveId: z.string(),
        severity: z.enum(CVE_SEVERITIES),
        score: z.number().optional(),
        application: z.string(),
        version: z.string(),
        /** As the console says it; `open` is false once it says Removed. */
        status: z.string(),
        open: z.boolean(),
        detected: z.string().optional(),
      }),
    )
    .optional(),
});

/** A device named in a diff. */
const DeviceName = z.object({
  agentId: z.string(),
  hostname: z.string().optional(),
  /** Its site, as the snapshot compared holds it (the Changes screen filters by it). */
  site: z.string().optional(),
});

const FieldChanges = z.array(
  z.object({ field: z.string(), before: z.string(), after: z.string() }),
);

export const DeviceChange = DeviceName.extend({
  /** The analyst's columns that changed, as the grid shows them. */
  fields: FieldChanges,
});
export type DeviceChange = z.infer<typeof DeviceChange>;

const SnapshotBrief = z.object({ id: z.number(), takenAt: z.string(), devices: z.number() });

/** One application as the console lists it. */
export const SoftwareItem = z.object({ name: z.string(), vendor: z.string(), version: z.string() });
export type SoftwareItem = z.infer<typeof SoftwareItem>;

/** The applications a device installed and removed between two snapshots (an update is both). */
export const SoftwareChange = DeviceName.extend({
  installed: z.array(SoftwareItem),
  removed: z.array(SoftwareItem),
});
export type SoftwareChange = z.infer<typeof SoftwareChange>;

/**
 * Devices new, gone and changed between two complete snapshots of a console: the last two,
 * or the two the analyst chose among those kept.
 */
export const ConsoleDiff = z.object({
  console: z.string(),
  from: SnapshotBrief.optional(),
  to: SnapshotBrief.optional(),
  /** Every complete snapshot the console keeps, newest first: what can be compared. */
  snapshots: z.array(SnapshotBrief),
  added: z.array(DeviceName),
  removed: z.array(DeviceName),
  changed: z.array(DeviceChange),
  /** Devices whose applications changed (consoles whose syncs read applications). */
  software: z.array(SoftwareChange),
  /** Why there is nothing to compare yet. */
  note: z.string().optional(),
});
export type ConsoleDiff = z.infer<typeof ConsoleDiff>;

/** One device across the complete snapshots its console keeps (oldest first). */
export const DeviceHistory = z.object({
  console: z.string(),
  agentId: z.string(),
  hostname: z.string().optional(),
  /** When the first and the last kept snapshot holding it were taken. */
  firstSeen: z.string().optional(),
  lastSeen: z.string().optional(),
  /** Complete snapshots kept, and how many of them hold it. */
  snapshots: z.number(),
  present: z.number(),
  events: z.array(
    z.object({
      snapshotId: z.number(),
      takenAt: z.string(),
      /** first: in the oldest kept snapshot that holds it; gone: missing from this one. */
      kind: z.enum(['first', 'changed', 'gone', 'back']),
      fields: FieldChanges,
    }),
  ),
});
export type DeviceHistory = z.infer<typeof DeviceHistory>;

/** One CVE across the fleet: its worst severity, its score, and the devices that carry it open. */
export const CveSummary = z.object({
  cveId: z.string(),
  severity: z.enum(CVE_SEVERITIES),
  /** The highest CVSS base score its rows give. */
  score: z.number().optional(),
  published: z.string().optional(),
  /** When the console first found it on a device. */
  firstDetected: z.string().optional(),
  devices: z.number(),
  /** The application versions that carry it, most devices first (a few), and how many in all. */
  applications: z.array(z.object({ name: z.string(), devices: z.number() })),
  applicationCount: z.number(),
  /** The most mature exploit code any row names (VLN SKU), when one does. */
  exploitCodeMaturity: z.string().optional(),
});
export type CveSummary = z.infer<typeof CveSummary>;

export const CveList = z.object({
  cves: z.array(CveSummary),
  /** The consoles whose CVEs have been read: none means the screen has nothing to show yet. */
  consolesRead: z.array(z.string()),
});
export type CveList = z.infer<typeof CveList>;

export const ExportFormat = z.enum(EXPORT_FORMATS);

/** Which devices: all, one console's, or exactly these agents (a filter or a selection). */
export const DeviceScope = z.object({
  console: z.string().optional(),
  agentIds: z.array(z.string()).max(1_000_000).optional(),
  /** Only the devices this query selects (docs/query.md): the CLI's --where. */
  where: z.string().max(QUERY_MAX_LENGTH).optional(),
  /** The stale threshold the query's `stale` reads (default 30 days). */
  staleDays: z.number().int().min(1).max(3650).optional(),
  /** How the renderer chose them, for the audit log: "all", "filter: …", "selection". */
  label: z.string().max(500).optional(),
});

export const ExportOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('cancelled') }),
  z.object({
    status: z.literal('written'),
    format: ExportFormat,
    path: z.string(),
    records: z.number(),
    skipped: z.number(),
    /** Why the first skipped agent was left out (they share a reason: Sekoia needs a hostname). */
    skippedReason: z.string().optional(),
    sha256: z.string(),
    bytes: z.number(),
    /** Browser host: where to fetch the file. */
    downloadUrl: z.string().optional(),
  }),
]);

export const SekoiaTargetView = z.object({
  id: z.string(),
  name: z.string(),
  connectorUuid: z.string(),
  baseUrl: z.string(),
  endpoint: z.string().optional(),
  batchSize: z.number(),
  legacyDeviceTypes: z.boolean(),
  keyStored: z.boolean(),
  /** Where batches go: the endpoint, else {base}/api/v2/asset-management/asset-connector/{uuid}. */
  endpointUrl: z.string(),
  resumable: z.boolean(),
});

export const PushOutcome = z.object({
  pushId: z.number(),
  state: z.enum(['complete', 'failed']),
  batches: z.number(),
  deliveredBatches: z.number(),
  failedBatches: z.number(),
  items: z.number(),
  deliveredItems: z.number(),
  /** Agents Sekoia's schema refuses (no hostname), left out with a reason. */
  skipped: z.number(),
  /** Decommissioned devices left out (unless the push included them). */
  decommissionedLeftOut: z.number(),
  message: z.string().optional(),
});

export const AuditEntryView = z.object({
  id: z.number(),
  at: z.string(),
  osUser: z.string(),
  action: z.enum(['export', 'push']),
  /** complete: the file was written, or every batch delivered; failed: a push fell short. */
  status: z.enum(['complete', 'failed']),
  format: z.string(),
  scope: z.record(z.string(), z.unknown()),
  recordCount: z.number(),
  sha256: z.string().optional(),
  destination: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

const Count = z.object({ key: z.string(), count: z.number() });
export const OverviewStats = z.object({
  devices: z.number(),
  consoles: z.array(
    z.object({
      console: z.string(),
      devices: z.number(),
      stale: z.number(),
      infected: z.number(),
      outOfDate: z.number(),
      firewallOff: z.number(),
      decommissioned: z.number(),
      /** Active devices whose CVEs are read, and those whose worst open one is critical or high. */
      withCves: z.number(),
      critical: z.number(),
      high: z.number(),
    }),
  ),
  os: z.array(Count),
  agentVersions: z.array(Count),
  deviceTypes: z.array(Count),
  staleDays: z.number(),
});

export type SeverityCounts = z.infer<typeof SeverityCounts>;
export type ConnectionReport = z.infer<typeof ConnectionReport>;
export type HealthEventView = z.infer<typeof HealthEventView>;
export type DeviceDetail = z.infer<typeof DeviceDetail>;
export type ExportFormat = z.infer<typeof ExportFormat>;
export type DeviceScope = z.infer<typeof DeviceScope>;
export type ExportOutcome = z.infer<typeof ExportOutcome>;
export type SekoiaTargetView = z.infer<typeof SekoiaTargetView>;
export type PushOutcome = z.infer<typeof PushOutcome>;
export type AuditEntryView = z.infer<typeof AuditEntryView>;
export type OverviewStats = z.infer<typeof OverviewStats>;

/**
 * A saved view's state, as the renderer keeps it (columns, filters, search, …): opaque to the
 * backend, which stores and hands it back, within a size a view never needs to exceed.
 */
export const ViewState = z
  .record(z.string(), z.unknown())
  .refine(
    (state) => JSON.stringify(state).length <= 64_000,
    'a view holds at most 64,000 characters',
  );
export type ViewState = z.infer<typeof ViewState>;

export const SavedView = z.object({
  name: z.string(),
  state: ViewState,
  /** The view the Devices screen opens with. */
  isDefault: z.boolean(),
});
export type SavedView = z.infer<typeof SavedView>;

/** What the Devices grid shows (shared/devices/grid-query.ts), as the backend is asked it. */
const facetValues = z.partialRecord(z.enum(FACET_KEYS), z.array(z.string().max(1_000)).max(10_000));
export const GridQueryArgs = z
  .object({
    search: z.string().max(1_000),
    quick: z.array(z.enum(QUICK_FILTER_IDS)).max(QUICK_FILTER_IDS.length),
    staleDays: z.number().int().min(1).max(3650),
    include: facetValues,
    exclude: facetValues,
    decommissioned: z.boolean(),
    cve: z.string().regex(CVE_ID).optional(),
    where: z.string().max(QUERY_MAX_LENGTH).optional(),
  })
  .strict();

export const GridSortArgs = z
  .object({
    column: z.enum(Object.keys(GridRow.shape) as [keyof GridRow, ...(keyof GridRow)[]]),
    direction: z.enum(['asc', 'desc']),
  })
  .strict();

export const GridPage = z.object({
  rows: z.array(GridRow),
  /** Devices the filters keep. */
  shown: z.number(),
  /** Devices in the inventory, decommissioned ones included. */
  total: z.number(),
  hiddenDecommissioned: z.number(),
  /** Per facet, its values and how many devices each would show with the other filters. */
  facets: z.record(z.string(), z.array(z.tuple([z.string(), z.number()]))),
  /** Per one-click filter, the shown devices it matches. */
  quick: z.record(z.string(), z.number()),
});
export type GridPage = z.infer<typeof GridPage>;
