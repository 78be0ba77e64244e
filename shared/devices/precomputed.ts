import { agentToOcsf } from '../ocsf/mapper';
import { agentToSekoia, sekoiaRefusal } from '../sekoia/dialect';
import { parseAgent, type S1Agent } from '../sentinelone/agent';
import type { DeviceRow } from './device-row';
import { toStoredDeviceRow } from './to-device-row';

/**
 * Bump when any output below changes (the OCSF mapper, the Sekoia dialect or the device row):
 * stored outputs of an older version are ignored and mapped again. A golden test fails when the
 * outputs change without a bump.
 */
export const PRECOMPUTE_VERSION = 7;

/**
 * What exports and the grid need from one raw agent, mapped once as the sync stores it. The
 * OCSF record is JSON without its `time`, which depends on when the snapshot was taken and is
 * spliced in by `withTime`. The Sekoia record is not kept: the push maps it while it waits on
 * the network, and keeping it would cost more disk than the raw agent itself.
 */
export type PrecomputedAgent =
  | {
      ok: true;
      /** Strict OCSF 1.6.0 record, without `time`. */
      ocsf: string;
      /** The grid and CSV row, without `console`. */
      deviceRow: string;
      /** The row's `decommissioned`, for readers that skip such devices without the row. */
      decommissioned: boolean;
      /** Why Sekoia refuses the device (no hostname); null when it takes it. */
      sekoiaSkip: string | null;
    }
  | { ok: false; reason: string };

export function precomputeAgent(json: string): PrecomputedAgent {
  const parsed = readAgent(json);
  return parsed.ok ? precomputeRead(parsed.agent) : parsed;
}

/** The same outputs from an agent object already parsed (the sync parses each agent once). */
export function precomputeParsed(raw: unknown): PrecomputedAgent {
  const parsed = parseAgent(raw);
  return parsed.ok
    ? precomputeRead(parsed.value.agent)
    : { ok: false, reason: parsed.error.reason };
}

function precomputeRead(agent: S1Agent): PrecomputedAgent {
  const ocsf = agentToOcsf(agent, { readTimeMs: 0 }).record;
  // Stored without `time` (see withTime); an undefined value is left out by JSON.stringify, and
  // setting it keeps the record's shape where deleting the key would not.
  (ocsf as { time: number | undefined }).time = undefined;
  const row = toStoredDeviceRow(agent);
  return {
    ok: true,
    ocsf: JSON.stringify(ocsf),
    deviceRow: JSON.stringify(row),
    decommissioned: row.decommissioned,
    sekoiaSkip: sekoiaRefusal(agent) ?? null,
  };
}

/**
 * The Sekoia dialect record of a raw agent as the push sends it (default options), `time`
 * first: its own (from createdAt) or, failing that, the snapshot's read time in seconds.
 */
export function sekoiaText(
  json: string,
  readAtMs: number,
):
  | { ok: true; text: string; decommissioned: boolean }
  | { ok: false; reason: string; rejected: boolean; decommissioned: boolean } {
  const parsed = readAgent(json);
  if (!parsed.ok) return { ...parsed, rejected: true, decommissioned: false };
  const decommissioned = parsed.agent.isDecommissioned === true;
  // A NaN read time marks the fallback: a time parsed from createdAt is never NaN.
  const mapped = agentToSekoia(parsed.agent, { readTimeMs: Number.NaN });
  if (!mapped.ok)
    return { ok: false, reason: mapped.error.reason, rejected: false, decommissioned };
  const { record } = mapped.value;
  const time = Number.isNaN(record.time) ? readAtMs / 1000 : record.time;
  const text = withTime(JSON.stringify({ ...record, time: undefined }), time);
  return { ok: true, text, decommissioned };
}

function readAgent(json: string): { ok: true; agent: S1Agent } | { ok: false; reason: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = parseAgent(raw);
  return parsed.ok
    ? { ok: true, agent: parsed.value.agent }
    : { ok: false, reason: parsed.error.reason };
}

/** Puts `time` back into a record stored without it. */
export function withTime(json: string, time: number): string {
  return json === '{}' ? `{"time":${time}}` : `{"time":${time},${json.slice(1)}`;
}

export function deviceRowOf(json: string, consoleName: string): DeviceRow {
  return { console: consoleName, ...(JSON.parse(json) as Omit<DeviceRow, 'console'>) };
}
