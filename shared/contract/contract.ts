import { z } from 'zod';
import { QUERY_MAX_LENGTH } from '../query/query-ast';
import { DeviceNotes } from '../devices/device-notes';
import {
  AppSettingsView,
  AuditEntryView,
  ConnectionReport,
  ConsoleDiff,
  CveList,
  ConsoleView,
  DeviceDetail,
  DeviceHistory,
  DeviceScope,
  ExportFormat,
  ExportOutcome,
  GridPage,
  GridQueryArgs,
  GridRow,
  GridSortArgs,
  HealthEventView,
  HealthReport,
  OverviewStats,
  PushOutcome,
  SavedView,
  SekoiaTargetView,
  SyncRunOutcome,
  UpdateCheckView,
  ViewState,
} from './views';
import type { CallName, EventName } from './names';
import { ERROR_CODES, type ErrorCode } from '../errors/app-error';
import { NextStep } from '../errors/next-step';
import { ENTITY_NAMES } from '../entities';
import { ConsoleSettings } from './console-settings';
import { DEVICE_COLUMNS, type DeviceRow } from '../devices/device-row';

/** A device column by its key, as the grid, the JSON and `--columns` name it. */
const DeviceColumnKey = z.enum(
  DEVICE_COLUMNS.map((column) => column.key) as [keyof DeviceRow, ...(keyof DeviceRow)[]],
);

export { CALL_NAMES, EVENT_NAMES, type CallName, type EventName } from './names';

// Every call the renderer makes and every event the backend sends, in one place. Both
// transports (Electron IPC and `s1inv serve` over HTTP) and the preload are generated from it;
// arguments are parsed against these schemas before any handler runs.

const call = <A extends z.ZodType, R extends z.ZodType>(args: A, result: R) => ({ args, result });
const none = z.object({}).strict();
const name = z.string().min(1).max(200);
/** Secrets arrive once, go to the keychain, and are never sent back. */
const secret = z.string().min(1).max(10_000);

/** A Sekoia target's settings, as added (and, each optional, as edited). */
const SekoiaTargetSettings = z
  .object({
    name,
    connectorUuid: z.string().max(100),
    baseUrl: z.string().max(2_000).optional(),
    endpoint: z.string().max(2_000).optional(),
    batchSize: z.number().int().min(1).max(1000).optional(),
    legacyDeviceTypes: z.boolean().optional(),
    apiKey: secret.optional(),
  })
  .strict();

export const CALLS = {
  'app.info': call(
    none,
    z.object({
      version: z.string(),
      dataDir: z.string(),
      transport: z.enum(['electron', 'browser', 'cli']),
      /** A demo console answering on loopback (`npm run demo`), offered on first run. */
      demoConsole: z.object({ url: z.string(), token: z.string() }).optional(),
    }),
  ),
  'app.settings': call(none, AppSettingsView),
  'app.setSettings': call(
    z.object({ updateCheck: z.boolean().optional() }).strict(),
    AppSettingsView,
  ),
  /** Asks the release feed, once per launch, only when the analyst has turned the check on. */
  'app.updateCheck': call(none, UpdateCheckView),
  'app.openExternal': call(
    z.object({ url: z.string().max(2_000) }).strict(),
    z.object({ opened: z.boolean() }),
  ),
  'consoles.list': call(none, z.array(ConsoleView)),
  'consoles.add': call(ConsoleSettings.extend({ token: secret.optional() }).strict(), ConsoleView),
  'consoles.edit': call(
    z
      .object({
        name,
        /** Only what changes; an empty proxy, CA bundle or history setting removes it. */
        changes: ConsoleSettings.partial().strict(),
      })
      .strict(),
    /** `tokenDropped`: the URL, proxy or CA bundle changed, so the stored token was forgotten. */
    ConsoleView.extend({ tokenDropped: z.boolean() }),
  ),
  'consoles.setToken': call(z.object({ name, token: secret }).strict(), ConsoleView),
  'consoles.remove': call(
    z.object({ name, deleteData: z.boolean() }).strict(),
    z.object({ removed: z.string() }),
  ),
  'consoles.test': call(z.object({ name }).strict(), ConnectionReport),
  /** Test connection before a console is saved: the settings as typed, the token used once. */
  'consoles.probe': call(
    z
      .object({
        url: z.string().min(1).max(2_000),
        token: secret,
        proxyUrl: z.string().max(2_000).optional(),
        caBundle: z.string().max(4_000).optional(),
      })
      .strict(),
    ConnectionReport,
  ),
  'consoles.setAutoPoll': call(
    z.object({ name, enabled: z.boolean(), minutes: z.number().int().min(1).max(1440) }).strict(),
    ConsoleView,
  ),
  'sync.start': call(z.object({ name }).strict(), z.object({ started: z.boolean() })),
  /** Syncs and waits: the result per console and API, once exports are ready too. */
  'sync.run': call(
    z
      .object({
        names: z.array(name).max(1_000).optional(),
        apis: z.array(z.string().max(50)).max(10).optional(),
        /** How far back threats and activities are read: `2025-01-01` or `90d`. */
        since: z.string().max(40).optional(),
        /** Give up retrying a failing console after this long (default 90). */
        retryMinutes: z
          .number()
          .positive()
          .max(7 * 24 * 60)
          .optional(),
      })
      .strict(),
    SyncRunOutcome,
  ),
  'sync.cancel': call(z.object({ name }).strict(), z.object({ cancelled: z.boolean() })),
  'health.list': call(z.object({ name: name.optional() }).strict(), z.array(HealthEventView)),
  /** Per console: its state, current inventory, the last run of each API and recent events. */
  'health.report': call(z.object({ name: name.optional() }).strict(), z.array(HealthReport)),
  /** A page of the grid's rows; pass `next` back as `cursor` for the following page. */
  'devices.list': call(
    z
      .object({
        cursor: z.string().max(1_000).optional(),
        console: name.optional(),
        limit: z.number().int().min(1).max(50_000).optional(),
        /** Only the devices this query selects (docs/query.md); `stale` by `staleDays`. */
        where: z.string().max(QUERY_MAX_LENGTH).optional(),
        staleDays: z.number().int().min(1).max(3650).optional(),
      })
      .strict(),
    z.object({ rows: z.array(GridRow), next: z.string().optional(), total: z.number() }),
  ),
  /**
   * A window of the Devices grid: the devices its filters keep, in its order, from `offset`,
   * with the facet and chip counts. The grid holds the window, never the fleet.
   */
  'devices.query': call(
    z
      .object({
        query: GridQueryArgs,
        sort: GridSortArgs.optional(),
        offset: z.number().int().min(0),
        limit: z.number().int().min(0).max(5_000),
      })
      .strict(),
    GridPage,
  ),
  /** The device before or after one, among those the grid shows, in its order (null: none). */
  'devices.step': call(
    z
      .object({
        query: GridQueryArgs,
        sort: GridSortArgs.optional(),
        console: name,
        agentId: z.string().max(200),
        delta: z.union([z.literal(1), z.literal(-1)]),
      })
      .strict(),
    z.object({
      next: z.object({ console: z.string(), agentId: z.string(), position: z.number() }).nullable(),
    }),
  ),
  /** The agent ids the grid's filters keep, for an export or a push of "the current filter". */
  'devices.shown': call(
    z.object({ query: GridQueryArgs }).strict(),
    z.object({ agentIds: z.array(z.string()) }),
  ),
  /**
   * Per console: devices new, gone and changed between its last two complete snapshots, or, with
   * `console`, between the two kept snapshots `from` and `to` (ids) name.
   */
  'diff.run': call(
    z
      .object({
        console: name.optional(),
        from: z.number().int().optional(),
        to: z.number().int().optional(),
      })
      .strict(),
    z.array(ConsoleDiff),
  ),
  /** One device across the complete snapshots its console keeps: first and last seen, changes. */
  'devices.history': call(
    z.object({ console: name, agentId: z.string().min(1).max(200) }).strict(),
    DeviceHistory,
  ),
  /** Stores the analyst's notes on a device (whole): local, never sent to a console. */
  'devices.setNotes': call(
    z.object({ console: name, agentId: z.string().min(1).max(200), notes: DeviceNotes }).strict(),
    DeviceNotes,
  ),
  'devices.detail': call(
    z.object({ console: name, agentId: z.string().min(1).max(200) }).strict(),
    DeviceDetail,
  ),
  'vulnerabilities.list': call(none, CveList),
  'overview.stats': call(
    z.object({ staleDays: z.number().int().min(1).max(3650) }).strict(),
    OverviewStats,
  ),
  'export.run': call(
    z
      .object({
        format: ExportFormat,
        scope: DeviceScope,
        /** Which stored objects (default agents): threats as raw or OCSF findings, activities raw. */
        entity: z.enum(ENTITY_NAMES).optional(),
        /** sekoia-json only: keep decommissioned devices, as a push with the same flag would. */
        includeDecommissioned: z.boolean().optional(),
        /** csv and xlsx of devices only: these columns, in this order (the grid's keys). */
        columns: z.array(DeviceColumnKey).min(1).optional(),
        /**
         * ocsf-parquet only: write a folder in Amazon Security Lake's custom-source layout,
         * filed under this source, Region and account.
         */
        lake: z
          .object({ source: z.string(), region: z.string(), accountId: z.string() })
          .strict()
          .optional(),
      })
      .strict(),
    ExportOutcome,
  ),
  'sekoia.list': call(none, z.array(SekoiaTargetView)),
  'sekoia.add': call(SekoiaTargetSettings, SekoiaTargetView),
  /** Changes a target's settings; a new API key re-keys it (to the keychain, never back). */
  'sekoia.edit': call(
    z
      .object({
        name,
        /** Only what changes; an empty endpoint goes back to the one base URL and connector make. */
        changes: SekoiaTargetSettings.partial(),
      })
      .strict(),
    /** `keyDropped`: the target moved to another origin, so its stored key was forgotten. */
    SekoiaTargetView.extend({ keyDropped: z.boolean() }),
  ),
  'sekoia.remove': call(z.object({ name }).strict(), z.object({ removed: z.string() })),
  'push.run': call(
    z
      .object({
        target: name,
        scope: DeviceScope,
        resume: z.boolean().optional(),
        /** Send decommissioned devices too (left out by default, as Sekoia's connector does). */
        includeDecommissioned: z.boolean().optional(),
      })
      .strict(),
    PushOutcome,
  ),
  'audit.list': call(none, z.array(AuditEntryView)),
  /** The configuration as JSON; with `toFile`, also written where the platform says. */
  'config.export': call(
    z
      .object({
        toFile: z.boolean().optional(),
        /** The analyst's notes on devices too (left out unless asked). */
        withNotes: z.boolean().optional(),
      })
      .strict(),
    z.object({
      json: z.string(),
      consoles: z.number(),
      notes: z.number(),
      path: z.string().optional(),
    }),
  ),
  'config.import': call(
    z
      .object({
        json: z.string().max(5_000_000),
        /** What to call the configuration in messages (the CLI's file path). */
        source: z.string().max(4_096).optional(),
      })
      .strict(),
    z.object({
      added: z.array(z.string()),
      updated: z.array(z.string()),
      renamed: z.array(z.object({ from: z.string(), to: z.string() })),
      /** Consoles moved to another origin: their stored token was forgotten. */
      tokensDropped: z.array(z.string()),
      /** Saved views the file carried, added or replaced by name. */
      views: z.array(z.string()),
      /** Devices whose notes the file carried. */
      notes: z.number(),
    }),
  ),
  'views.list': call(none, z.array(SavedView)),
  /** Saves the grid's state under a name (replacing a view of that name), optionally as the default. */
  'views.save': call(
    z.object({ name, state: ViewState, makeDefault: z.boolean().optional() }).strict(),
    SavedView,
  ),
  'views.rename': call(z.object({ name, to: name }).strict(), SavedView),
  'views.delete': call(z.object({ name }).strict(), z.object({ deleted: z.string() })),
  /** No name: no view is the default any more. */
  'views.setDefault': call(
    z.object({ name: name.optional() }).strict(),
    z.object({ defaultView: z.string().optional() }),
  ),
} as const satisfies Record<CallName, { args: z.ZodType; result: z.ZodType }>;

export const EVENTS = {
  'sync.progress': z.object({
    console: z.string(),
    api: z.string(),
    fetched: z.number(),
    expected: z.number().optional(),
    /** Time left at the pace so far, for walks that take long (applications). */
    secondsLeft: z.number().optional(),
  }),
  'console.changed': z.object({ console: z.string(), state: z.string(), syncing: z.boolean() }),
  'sync.finished': z.object({
    console: z.string(),
    state: z.string(),
    devices: z.number().optional(),
    message: z.string().optional(),
  }),
  'export.progress': z.object({ records: z.number() }),
  'push.progress': z.object({ target: z.string(), delivered: z.number(), total: z.number() }),
} as const satisfies Record<EventName, z.ZodType>;

export type CallArgs<K extends CallName> = z.input<(typeof CALLS)[K]['args']>;
export type ParsedArgs<K extends CallName> = z.output<(typeof CALLS)[K]['args']>;
export type CallResult<K extends CallName> = z.infer<(typeof CALLS)[K]['result']>;
export type EventPayload<K extends EventName> = z.infer<(typeof EVENTS)[K]>;

/** An error as it crosses the boundary: named, with a code the renderer can branch on. */
export const ContractError = z.object({
  name: z.string(),
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** What to do next, for the host to word (a command, a button, a sentence). */
  nextStep: NextStep.optional(),
});
export type ContractError = z.infer<typeof ContractError>;
export type { ErrorCode };

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ContractError };

/** The one API the renderer sees, whichever transport carries it. */
export type BackendApi = {
  [K in CallName]: (args: CallArgs<K>) => Promise<Envelope<CallResult<K>>>;
} & {
  on<K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void): () => void;
};
