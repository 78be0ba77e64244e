import { describe, expect, it } from 'vitest';
import { gridRowsAt } from '../support/grid-rows';
import type { GridRow } from '../../shared/contract/views';
import { loadGrid } from '../../shared/devices/grid-table/load-grid';
import { deviceRowOf, precomputeAgent } from '../../shared/devices/precomputed';
import { withoutSpans } from '../../shared/query/query-ast';
import { compileQuery } from '../../shared/query/query-compile';
import { pointAt } from '../../shared/query/query-error';
import { parseQuery } from '../../shared/query/query-parser';
import { printQuery } from '../../shared/query/query-printer';
import { ELASTIC_AGENT } from '../fixtures/real-format/agents';

const NOW = Date.UTC(2026, 5, 1);
const { seen, row } = gridRowsAt(NOW);

const ROWS: GridRow[] = [
  row('1', {
    hostname: 'paris-web-01',
    site: 'Paris HQ',
    osType: 'windows',
    os: 'Windows 11 Pro',
    agentVersion: '23.4.2.14',
    ips: ['10.1.2.3', 'fe80::1'],
    infectionStatus: 'Infected',
    vulnerabilities: 3,
    highestSeverity: 'Critical',
  }),
  row('2', {
    hostname: 'paris-db-01',
    site: 'Paris HQ',
    osType: 'linux',
    agentVersion: '24.1.2.6',
    ips: ['192.168.0.7'],
    lastSeen: seen(120),
    vulnerabilities: 0,
    highestSeverity: 'None',
  }),
  row('3', {
    hostname: 'lyon-lt-07',
    site: 'Lyon',
    osType: 'macos',
    agentVersion: '23.3.1.5',
    lastSeen: seen(40),
    activeThreats: 2,
    highestSeverity: 'High',
    vulnerabilities: 1,
  }),
  row('4', {
    hostname: 'lyon-old',
    site: 'Lyon',
    osType: 'windows',
    decommissioned: true,
    lastSeen: seen(400),
  }),
  row('5', { hostname: 'no-site', osType: 'windows', lastSeen: undefined }),
  // A real console's agent (its version is "12.x.x.x"), as the grid holds it.
  realRow(ELASTIC_AGENT),
];

/** An agent's row as a sync stores it (read, checked, mapped) and the grid reads it back. */
function realRow(json: string): GridRow {
  const stored = precomputeAgent(json);
  if (!stored.ok) throw new Error(stored.reason);
  return deviceRowOf(stored.deviceRow, 'prod');
}

function select(text: string, rows: readonly GridRow[] = ROWS, staleDays = 30): string[] {
  const parsed = parseQuery(text);
  if (!parsed.ok) throw new Error(`${parsed.error.message}\n${pointAt(text, parsed.error.at)}`);
  const loaded = loadGrid(rows);
  const table = { rows: loaded.table, facts: loaded.facts };
  const cveMask = (cveId: string) =>
    Uint8Array.from(rows, (r) => (cveId === 'CVE-2024-3094' && r.agentId === '3' ? 1 : 0));
  const test = compileQuery(parsed.value, table, { nowMs: NOW, staleDays, cveMask });
  return rows.filter((_r, i) => test(i)).map((r) => r.hostname ?? r.agentId);
}

function errorOf(text: string) {
  const parsed = parseQuery(text);
  if (parsed.ok) throw new Error(`"${text}" parsed`);
  return {
    message: parsed.error.message,
    at: text.slice(parsed.error.at.start, parsed.error.at.end),
  };
}

describe('the query language selects devices', () => {
  it("reads the issue's examples", () => {
    expect(select('os:windows AND last_seen>90d AND NOT decommissioned')).toEqual([]);
    expect(select('os:windows AND NOT decommissioned')).toEqual(['paris-web-01', 'no-site']);
    expect(select('agent_version<23.4')).toEqual(['lyon-lt-07', 'user-test']);
    expect(select('site:"Paris HQ" OR site:Lyon')).toEqual([
      'paris-web-01',
      'paris-db-01',
      'lyon-lt-07',
      'lyon-old',
    ]);
    expect(select('has:vulnerabilities')).toEqual(['paris-web-01', 'lyon-lt-07']);
  });

  it('compares versions by their numbers, and a short version as a prefix', () => {
    expect(select('agent_version>=23.4')).toEqual(['paris-web-01', 'paris-db-01']);
    expect(select('agent_version:23.4')).toEqual(['paris-web-01']);
    expect(select('agent_version:12')).toEqual(['user-test']);
    expect(select('agent_version:23')).toEqual(['paris-web-01', 'lyon-lt-07']);
    // By number: 23.4.2.14 is below 23.10, though "23.4" > "23.10" as text.
    expect(select('agent_version>23.10')).toEqual(['paris-db-01']);
  });

  it('reads dates as an age or as a day', () => {
    expect(select('last_seen>90d')).toEqual(['paris-db-01', 'lyon-old', 'user-test']);
    expect(select('last_seen<2w')).toEqual(['paris-web-01']);
    expect(select(`last_seen:${seen(40).slice(0, 10)}`)).toEqual(['lyon-lt-07']);
    expect(select(`last_seen<${seen(100).slice(0, 10)}`)).toEqual([
      'paris-db-01',
      'lyon-old',
      'user-test',
    ]);
    // Never seen has no age: it is stale, but neither older nor newer than anything.
    expect(select('NOT has:last_seen')).toEqual(['no-site']);
  });

  it('asks the findings as the one-click filters do, stale by the threshold it is given', () => {
    expect(select('stale')).toEqual(['paris-db-01', 'lyon-lt-07', 'no-site', 'user-test']);
    expect(select('stale', ROWS, 60)).toEqual(['paris-db-01', 'no-site', 'user-test']);
    expect(select('infected')).toEqual(['paris-web-01', 'lyon-lt-07', 'user-test']);
    expect(select('decommissioned:false AND stale:no')).toEqual(['paris-web-01']);
  });

  it('matches text with * in any case, lists by any element and IPs by CIDR block', () => {
    expect(select('hostname:PARIS-*')).toEqual(['paris-web-01', 'paris-db-01']);
    expect(select('hostname:paris')).toEqual([]);
    expect(select('ip:10.0.0.0/8')).toEqual(['paris-web-01']);
    expect(select('ip:192.168.*')).toEqual(['paris-db-01']);
    expect(select('ip:fe80::/10')).toEqual(['paris-web-01']);
    expect(select('external_ip:81.2.69.0/24')).toEqual(['user-test']);
    expect(select('mac:00-00-5e-00-53-00')).toEqual(['user-test']);
  });

  it("takes a facet's own words: Unknown for no value, severities by rank", () => {
    expect(select('site:unknown')).toEqual(['no-site']);
    expect(select('severity>=high')).toEqual(['paris-web-01', 'lyon-lt-07']);
    expect(select('severity:None')).toEqual(['paris-db-01']);
    expect(select('site!="Paris HQ"')).toEqual(['lyon-lt-07', 'lyon-old', 'no-site', 'user-test']);
  });

  it('searches free text as the search box does, and a CVE through its holders', () => {
    expect(select('lyon')).toEqual(['lyon-lt-07', 'lyon-old']);
    expect(select('"decommissioned"')).toEqual([]);
    expect(select('cve:cve-2024-3094')).toEqual(['lyon-lt-07']);
  });

  it('binds NOT before AND before OR, and parentheses regroup', () => {
    expect(select('site:Lyon OR site:"Paris HQ" stale')).toEqual([
      'paris-db-01',
      'lyon-lt-07',
      'lyon-old',
    ]);
    expect(select('(site:Lyon OR site:"Paris HQ") stale')).toEqual(['paris-db-01', 'lyon-lt-07']);
    expect(select('NOT site:Lyon AND NOT decommissioned and not stale')).toEqual(['paris-web-01']);
    expect(select('')).toHaveLength(ROWS.length);
  });

  it("answers for a real console's agent as the console shows it", () => {
    expect(
      select('site:"Default site" AND group:"default group" AND os:linux AND device_type:server'),
    ).toEqual(['user-test']);
    expect(select('ip:81.2.69.144 AND infected AND NOT has:users')).toEqual(['user-test']);
  });
});

describe('a query that cannot be read says what and where', () => {
  it.each([
    ['sit:Lyon', 'sit', /no field "sit"; did you mean site\?/],
    ['site:Lyon AND', 'AND', /AND needs a term after it/],
    ['OR site:Lyon', 'OR', /OR needs a term on each side/],
    ['(site:Lyon OR stale', '(', /never closed/],
    ['site:Lyon)', ')', /closes nothing/],
    ['()', '()', /Empty parentheses/],
    ['site:"Paris', '"Paris', /quote is never closed/],
    ['hostname>web', 'hostname', /cannot be compared with >/],
    ['last_seen>ninety', 'ninety', /an age \(90d, 12h, 2w, 1y\) or a date/],
    ['last_seen:90d', '90d', /An age has no "equal": write last_seen>90d/],
    ['agent_version<latest', 'latest', /a version such as 23.4/],
    ['active_threats>many', 'many', /a number/],
    ['ip:10.0.0.0/99', '10.0.0.0/99', /CIDR block/],
    ['cve:log4shell', 'log4shell', /a CVE id/],
    ['has:stale', 'stale', /yes or no: write stale, or NOT stale/],
    ['site:', 'site:', /needs a value after it/],
  ])('%s', (text, at, message) => {
    const error = errorOf(text);
    expect(error.message).toMatch(message);
    expect(error.at).toBe(at);
  });

  it('points at the token in a terminal', () => {
    const parsed = parseQuery('os:windows AND sit:Lyon');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(pointAt('os:windows AND sit:Lyon', parsed.error.at)).toBe(
        '  os:windows AND sit:Lyon\n                 ^^^',
      );
  });

  it('reads a bare MAC or IPv6 address as text, not as a field', () => {
    const parsed = parseQuery('00:1a:2b:3c:4d:5e fe80::1');
    expect(parsed.ok && withoutSpans(parsed.value)).toEqual({
      kind: 'and',
      items: [
        { kind: 'text', value: '00:1a:2b:3c:4d:5e' },
        { kind: 'text', value: 'fe80::1' },
      ],
    });
  });
});

describe('the printer writes what an analyst would', () => {
  it.each([
    [
      'os:windows and last_seen>90d and not decommissioned',
      'os:windows AND last_seen>90d AND NOT decommissioned',
    ],
    ['site="Lyon"', 'site:Lyon'],
    ['site:"Paris HQ" OR (site:Lyon stale)', 'site:"Paris HQ" OR site:Lyon AND stale'],
    ['(site:Lyon OR site:Paris) stale', '(site:Lyon OR site:Paris) AND stale'],
    ['NOT (stale OR infected)', 'NOT (stale OR infected)'],
    ['"decommissioned" "two words" lyon', '"decommissioned" AND "two words" AND lyon'],
    ['hostname:"say \\"hi\\""', 'hostname:"say \\"hi\\""'],
  ])('%s', (text, printed) => {
    const parsed = parseQuery(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(printQuery(parsed.value)).toBe(printed);
  });
});
