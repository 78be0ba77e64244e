import type { S1Agent } from './agent';

export const ENRICHMENT_NAMES = [
  'Firewall',
  'Users',
  'Update Status',
  'Active Threats',
  'Infection Status',
] as const;
export type EnrichmentName = (typeof ENRICHMENT_NAMES)[number];

/** An enrichment as both dialects emit it (OCSF requires all three keys, `data` non-null). */
export interface EnrichmentRecord {
  name: string;
  value: string;
  data: Record<string, unknown>;
}

/**
 * One enrichment as both dialects derive it from an agent (Sekoia guide, "Enrichment Objects").
 * `value` is undefined when the agent does not carry the source field: the strict OCSF mapper
 * then says "Unknown", the Sekoia dialect leaves the enrichment out, as Sekoia's connector does.
 * `data` uses only the keys Sekoia's closed data model accepts.
 */
export interface EnrichmentFact {
  name: EnrichmentName;
  value: string | undefined;
  data: Record<string, unknown>;
}

export function agentUserNames(agent: S1Agent): string[] {
  const names: string[] = [];
  for (const name of [agent.lastLoggedInUserName, agent.osUsername]) {
    if (name !== undefined && name.trim() !== '' && !names.includes(name)) names.push(name);
  }
  return names;
}

const enabled = (on: boolean) => (on ? 'Enabled' : 'Disabled');

export function enrichmentFacts(agent: S1Agent): EnrichmentFact[] {
  const firewall = agent.firewallEnabled === undefined ? undefined : enabled(agent.firewallEnabled);
  const users = agentUserNames(agent);
  return [
    {
      name: 'Firewall',
      value: firewall,
      data: firewall === undefined ? {} : { Firewall_status: firewall },
    },
    {
      name: 'Users',
      value: users.length > 0 ? users.join(', ') : undefined,
      data: users.length > 0 ? { Users: users } : {},
    },
    {
      name: 'Update Status',
      value:
        agent.isUpToDate === undefined
          ? undefined
          : agent.isUpToDate
            ? 'Up to Date'
            : 'Update Required',
      data: {},
    },
    {
      name: 'Active Threats',
      value: agent.activeThreats === undefined ? undefined : String(agent.activeThreats),
      data: {},
    },
    {
      name: 'Infection Status',
      value: agent.infected === undefined ? undefined : agent.infected ? 'Infected' : 'Clean',
      data: {},
    },
  ];
}
