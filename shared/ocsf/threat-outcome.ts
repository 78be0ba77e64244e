import type { S1Threat } from '../sentinelone/threat';
import { parseS1Time } from '../sentinelone/time';
import type { EnumValue } from './finding-enums';

// What the agent did about a threat, as OCSF's action_id and disposition_id, decided first by
// the console's own verdict on mitigation (`threatInfo.mitigationStatus`), then refined by the
// mitigation actions that succeeded and were not undone. docs/mapping.md has the table and why.

const ALLOWED: EnumValue = { id: 1, caption: 'Allowed' };
const DENIED: EnumValue = { id: 2, caption: 'Denied' };
const OBSERVED: EnumValue = { id: 3, caption: 'Observed' };
const MODIFIED: EnumValue = { id: 4, caption: 'Modified' };
const UNKNOWN: EnumValue = { id: 0, caption: 'Unknown' };

export const DISPOSITIONS = {
  allowed: { id: 1, caption: 'Allowed' },
  blocked: { id: 2, caption: 'Blocked' },
  quarantined: { id: 3, caption: 'Quarantined' },
  isolated: { id: 4, caption: 'Isolated' },
  restored: { id: 9, caption: 'Restored' },
  exonerated: { id: 10, caption: 'Exonerated' },
  corrected: { id: 11, caption: 'Corrected' },
  partiallyCorrected: { id: 12, caption: 'Partially Corrected' },
  uncorrected: { id: 13, caption: 'Uncorrected' },
  delayed: { id: 14, caption: 'Delayed' },
  detected: { id: 15, caption: 'Detected' },
} as const satisfies Record<string, EnumValue>;

/**
 * A successful mitigation action → disposition, strongest outcome first: a rollback restores
 * the files the threat changed (SentinelOne's "rollback remediation", not an undo), a
 * remediation corrects the system, a quarantine moves the file away, a network quarantine
 * isolates the device, a kill stops the process.
 */
const ACTIONS: readonly [action: string, disposition: EnumValue][] = [
  ['rollback', DISPOSITIONS.restored],
  ['rollback-remediation', DISPOSITIONS.restored],
  ['remediate', DISPOSITIONS.corrected],
  ['quarantine', DISPOSITIONS.quarantined],
  ['network_quarantine', DISPOSITIONS.isolated],
  ['network-quarantine', DISPOSITIONS.isolated],
  ['kill', DISPOSITIONS.blocked],
];

/** An action that undoes another, as the console names them. */
const UNDOES: Readonly<Record<string, string>> = {
  unquarantine: 'quarantine',
  'un-quarantine': 'quarantine',
  un_quarantine: 'quarantine',
  'network_un-quarantine': 'network_quarantine',
  'un-network-quarantine': 'network-quarantine',
  network_unquarantine: 'network_quarantine',
};

export interface ThreatOutcome {
  action: EnumValue;
  disposition: EnumValue;
}

/** The console's verdict on mitigation, in lower case, or undefined. */
function verdictOf(threat: S1Threat): string | undefined {
  const text = threat.threatInfo?.mitigationStatus?.trim().toLowerCase();
  return text === '' || text === 'n/a' || text === 'undefined' ? undefined : text;
}

interface Attempt {
  action: string;
  succeeded: boolean;
  atMs: number | undefined;
}

function attemptsOf(threat: S1Threat): Attempt[] {
  return (threat.mitigationStatus ?? []).flatMap((entry) => {
    const action = entry.action?.trim().toLowerCase();
    if (action === undefined || action === '') return [];
    const at = parseS1Time(entry.mitigationEndedAt ?? entry.lastUpdate ?? '');
    return [
      {
        action,
        succeeded: entry.status?.trim().toLowerCase() === 'success',
        atMs: at?.epochMs,
      },
    ];
  });
}

/**
 * The actions that succeeded and stand: a successful undo (an unquarantine) cancels the same
 * kind of action that succeeded before it, or at a time the console did not give.
 */
function standingActions(threat: S1Threat): Set<string> {
  const succeeded = attemptsOf(threat).filter((attempt) => attempt.succeeded);
  const standing = new Set<string>();
  for (const attempt of succeeded) {
    if (UNDOES[attempt.action] !== undefined) continue;
    const undone = succeeded.some(
      (undo) =>
        UNDOES[undo.action] === attempt.action &&
        (undo.atMs === undefined || attempt.atMs === undefined || undo.atMs >= attempt.atMs),
    );
    if (!undone) standing.add(attempt.action);
  }
  return standing;
}

function strongest(actions: Set<string>): EnumValue | undefined {
  return ACTIONS.find(([action]) => actions.has(action))?.[1];
}

/** What the agent did to the threat, and how that left it. */
export function threatOutcome(threat: S1Threat): ThreatOutcome {
  const verdict = verdictOf(threat);
  const standing = standingActions(threat);
  const failed = attemptsOf(threat).some((attempt) => !attempt.succeeded);
  switch (verdict) {
    case 'not_mitigated':
    case 'active':
    case 'suspicious':
    case 'pending':
      // The console says the threat was not stopped: never Denied, Blocked or Quarantined. An
      // action that succeeded and stands (a kill) corrected part of it; one that failed, none;
      // with neither (nothing tried, or a quarantine since undone) it was only detected.
      return {
        action: OBSERVED,
        disposition:
          standing.size > 0
            ? DISPOSITIONS.partiallyCorrected
            : failed
              ? DISPOSITIONS.uncorrected
              : DISPOSITIONS.detected,
      };
    case 'marked_as_benign':
      return { action: ALLOWED, disposition: DISPOSITIONS.exonerated };
    case 'pending_reboot':
      return { action: OBSERVED, disposition: DISPOSITIONS.delayed };
    case 'partially_mitigated':
      return { action: MODIFIED, disposition: DISPOSITIONS.partiallyCorrected };
    case 'mitigated':
    case 'blocked':
    case 'suspicious_resolved': {
      const disposition = strongest(standing) ?? DISPOSITIONS.blocked;
      return { action: actionOf(disposition), disposition };
    }
    case undefined: {
      // No verdict: what the actions did, if any stands.
      const disposition = strongest(standing);
      return disposition
        ? { action: actionOf(disposition), disposition }
        : { action: UNKNOWN, disposition: UNKNOWN };
    }
    default:
      return {
        action: { id: 99, caption: threat.threatInfo!.mitigationStatus! },
        disposition: { id: 99, caption: threat.threatInfo!.mitigationStatus! },
      };
  }
}

/** A mitigated threat's action: stopped (Denied), or changed on the device (Modified). */
function actionOf(disposition: EnumValue): EnumValue {
  return disposition === DISPOSITIONS.restored || disposition === DISPOSITIONS.corrected
    ? MODIFIED
    : DENIED;
}
