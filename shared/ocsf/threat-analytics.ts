import { withoutUndefined } from '../objects';
import type { S1ThreatInfo } from '../sentinelone/threat';

// The engines that detected a threat (`threatInfo.detectionEngines`, else `engines`) as OCSF
// analytics: the first is `finding_info.analytic`, the others `related_analytics`.

/** Engine key → analytic type: SentinelOne's AI engines learn, its behavioural ones watch. */
const TYPES: Readonly<Record<string, { type_id: number; type: string }>> = {
  pre_execution: { type_id: 4, type: 'Learning (ML/DL)' },
  pre_execution_suspicious: { type_id: 4, type: 'Learning (ML/DL)' },
  data_files: { type_id: 4, type: 'Learning (ML/DL)' },
  executables: { type_id: 2, type: 'Behavioral' },
  exploits: { type_id: 2, type: 'Behavioral' },
  lateral_movement: { type_id: 2, type: 'Behavioral' },
  penetration: { type_id: 2, type: 'Behavioral' },
  sentinelone_cloud: { type_id: 5, type: 'Fingerprinting' },
  reputation: { type_id: 5, type: 'Fingerprinting' },
  user_blacklist: { type_id: 1, type: 'Rule' },
  application_control: { type_id: 1, type: 'Rule' },
};
const UNKNOWN_TYPE = { type_id: 0, type: 'Unknown' };

export function analyticsOf(info: Partial<S1ThreatInfo>): Record<string, unknown>[] {
  const engines = info.detectionEngines ?? [];
  if (engines.length > 0) {
    return engines
      .filter((engine) => engine.key !== undefined || engine.title !== undefined)
      .map((engine) =>
        withoutUndefined({
          uid: engine.key,
          name: engine.title,
          ...(TYPES[engine.key?.toLowerCase() ?? ''] ?? UNKNOWN_TYPE),
        }),
      );
  }
  return (info.engines ?? [])
    .filter((name) => name.trim() !== '')
    .map((name) => ({ name, ...UNKNOWN_TYPE }));
}
