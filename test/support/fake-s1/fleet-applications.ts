import { generateApplications, generateRisks } from '../generate/applications';
import type { FakeS1Console } from './server';

/**
 * Gives every agent the fake holds `perAgent` installed applications, and the CVE rows those
 * carry (changed at `nowMs`); returns how many of each.
 */
export function fleetApplications(
  s1: FakeS1Console,
  perAgent: number,
  nowMs: number,
): { applications: number; risks: number } {
  let applications = 0;
  const risks: Record<string, unknown>[] = [];
  let index = 0;
  for (const { value } of s1.agents.values()) {
    const agent = value as { id: string; computerName?: string; osType?: string };
    const apps = generateApplications(index, { count: perAgent, nowMs });
    s1.applications.set(agent.id, apps);
    applications += apps.length;
    risks.push(
      ...generateRisks(
        {
          index,
          id: agent.id,
          computerName: agent.computerName ?? '',
          osType: agent.osType ?? 'windows',
        },
        apps,
        { nowMs, firstRiskIndex: risks.length },
      ),
    );
    index += 1;
  }
  s1.putRisks(risks, new Date(nowMs).toISOString());
  return { applications, risks: risks.length };
}
