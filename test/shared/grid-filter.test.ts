import { describe, expect, it } from 'vitest';
import type { GridRow } from '../../shared/contract/views';
import { filterRows, rowFacts } from '../../shared/devices/grid-filter';
import { gridQueryOf } from '../../renderer/src/devices/grid-address';
import { searchIndex } from '../../shared/devices/quick-filters';
import { compareVersions } from '../../shared/devices/os-caption';

const NOW = Date.UTC(2026, 5, 1);
const seen = (days: number) => new Date(NOW - days * 86_400_000).toISOString();
const row = (agentId: string, extra: Partial<GridRow>): GridRow => ({
  console: 'prod',
  agentId,
  ips: [],
  decommissioned: false,
  lastSeen: seen(1),
  ...extra,
});
const ROWS: GridRow[] = [
  row('1', { hostname: 'paris-01', site: 'Paris', osType: 'windows', infectionStatus: 'Infected' }),
  row('2', { hostname: 'paris-02', site: 'Paris', osType: 'windows_legacy' }),
  row('3', { hostname: 'lyon-01', site: 'Lyon', osType: 'linux', lastSeen: seen(90) }),
  row('4', { hostname: 'lyon-02', site: 'Lyon', osType: 'macos', decommissioned: true }),
  row('5', { hostname: 'PARIS-01', osType: 'windows' }),
];

function run(query: string) {
  const index = searchIndex(ROWS);
  const facts = rowFacts(ROWS, (r) => index.get(r) ?? '');
  return filterRows(facts, gridQueryOf(new URLSearchParams(query)), NOW);
}
const ids = (result: ReturnType<typeof run>) => {
  const shown = ROWS.filter((_row, i) => result.visible[i] === 1).map((r) => r.agentId);
  expect(result.shown).toBe(shown.length);
  return shown;
};

describe('the grid filter', () => {
  it('hides decommissioned devices unless asked for or filtered on', () => {
    expect(ids(run(''))).toEqual(['1', '2', '3', '5']);
    expect(ids(run('decommissioned=include'))).toEqual(['1', '2', '3', '4', '5']);
    expect(ids(run('quick=decommissioned'))).toEqual(['4']);
  });

  it('keeps facet values (any of them) and leaves some out, the OS as OCSF names it', () => {
    expect(ids(run('is.osType=Windows'))).toEqual(['1', '2', '5']);
    expect(ids(run('is.site=Paris&is.site=Lyon'))).toEqual(['1', '2', '3']);
    expect(ids(run('not.site=Paris'))).toEqual(['3', '5']);
    expect(ids(run('is.site=Unknown'))).toEqual(['5']);
  });

  it('counts each facet value with every other filter applied, but not its own', () => {
    const result = run('is.site=Paris&quick=infected');
    expect(ids(result)).toEqual(['1']);
    // Site counts ignore the site filter: Lyon would add no infected device, "Unknown" none.
    expect(result.facets.site).toEqual([['Paris', 1]]);
    // Other facets count the devices shown.
    expect(result.facets.osType).toEqual([['Windows', 1]]);
    const open = run('is.site=Paris');
    expect(open.facets.site).toEqual([
      ['Paris', 2],
      ['Lyon', 1],
      ['Unknown', 1],
    ]);
  });

  it('counts what each one-click filter would keep of the devices shown', () => {
    const result = run('');
    expect(result.quick).toMatchObject({ infected: 1, stale: 1, duplicates: 2, decommissioned: 0 });
    expect(run('is.site=Lyon').quick).toMatchObject({ infected: 0, stale: 1 });
  });

  it('searches every word in any column, ignoring case', () => {
    expect(ids(run('q=PARIS%2001'))).toEqual(['1', '5']);
  });
});

describe('agent versions', () => {
  it('compare part by part, numbers as numbers', () => {
    const versions = ['23.4.6.347', '24.1.2.6', '23.10.1.1', '9.0.0.1'];
    expect([...versions].sort(compareVersions)).toEqual([
      '9.0.0.1',
      '23.4.6.347',
      '23.10.1.1',
      '24.1.2.6',
    ]);
  });
});
