import { agentToOcsf } from '../ocsf/mapper';
import { agentToSekoia } from '../sekoia/dialect';
import { parseAgent } from '../sentinelone/agent';
import { toDeviceRow, type DeviceRow } from './device-row';

/**
 * Bump when any output below changes (the OCSF mapper, the Sekoia dialect or the device row):
 * stored outputs of an older version are ignored and mapped again. A golden test fails when the
 * outputs change without a bump.
 */
export const PRECOMPUTE_VERSION = 3;

/**
 * What exports, the push and the grid need from one raw agent, mapped once after the sync
 * stores it. Records are JSON without their `time`, which depends on when the snapshot was
 * taken and is spliced in by `withTime`.
 */
export type PrecomputedAgent =
  | {
      ok: true;
      /** Strict OCSF 1.6.0 record, without `time`. */
      ocsf: string;
      /** The grid and CSV row, without `console`. */
      deviceRow: string;
      /** The Sekoia dialect record (default options), without `time`; null when Sekoia refuses it. */
      sekoia: string | null;
      /** Why Sekoia refuses it. */
      sekoiaSkip: string | null;
      /** The Sekoia record's own time (from createdAt); null when it falls back to the read time. */
      sekoiaTime: number | null;
    }
  | { ok: false; reason: string };

export function precomputeAgent(json: string): PrecomputedAgent {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = parseAgent(raw);
  if (!parsed.ok) return { ok: false, reason: parsed.error.reason };
  const { agent } = parsed.value;
  const ocsf = agentToOcsf(agent, { readTimeMs: 0 }).record;
  // A NaN read time marks the fallback: a time parsed from createdAt is never NaN.
  const sekoia = agentToSekoia(agent, { readTimeMs: Number.NaN });
  const { console: _console, ...row } = toDeviceRow(agent, '');
  return {
    ok: true,
    ocsf: JSON.stringify({ ...ocsf, time: undefined }),
    deviceRow: JSON.stringify(row),
    sekoia: sekoia.ok ? JSON.stringify({ ...sekoia.value.record, time: undefined }) : null,
    sekoiaSkip: sekoia.ok ? null : sekoia.error.reason,
    sekoiaTime:
      sekoia.ok && !Number.isNaN(sekoia.value.record.time) ? sekoia.value.record.time : null,
  };
}

/** Puts `time` back into a record stored without it. */
export function withTime(json: string, time: number): string {
  return json === '{}' ? `{"time":${time}}` : `{"time":${time},${json.slice(1)}`;
}

export function deviceRowOf(json: string, consoleName: string): DeviceRow {
  return { console: consoleName, ...(JSON.parse(json) as Omit<DeviceRow, 'console'>) };
}
