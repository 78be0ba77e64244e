import { describe, expect, it } from 'vitest';
import { gridRowsAt } from '../support/grid-rows';
import type { GridRow } from '../../shared/contract/views';
import { filterRows } from '../../shared/devices/grid-filter';
import { GridOrders } from '../../shared/devices/grid-order';
import { gridQueryOf } from '../../renderer/src/devices/grid-address';
import { loadGrid } from '../../shared/devices/grid-table/load-grid';
import { compareVersions } from '../../shared/devices/os-caption';

const NOW = Date.UTC(2026, 5, 1);
const { seen, row } = gridRowsAt(NOW);
const MAC = '00:1a:2b:3c:4d:5e';
const ROWS: GridRow[] = [
  row('1', {
    hostname: 'paris-01',
    site: 'Paris',
    osType: 'windows',
    infectionStatus: 'Infected',
    serialNumber: 'SN-A',
  }),
  row('2', { hostname: 'paris-02', site: 'Paris', osType: 'windows_legacy', macs: [MAC] }),
  row('3', {
    hostname: 'lyon-01',
    site: 'Lyon',
    osType: 'linux',
    lastSeen: seen(90),
    serialNumber: 'sn-a',
    macs: [MAC],
  }),
  row('4', {
    hostname: 'lyon-02',
    site: 'Lyon',
    osType: 'macos',
    decommissioned: true,
    serialNumber: 'SN-A',
  }),
  row('5', { hostname: 'PARIS-01', osType: 'windows' }),
];

function run(query: string) {
  const { facts } = loadGrid(ROWS);
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

  it('names device types as the OCSF export does, keeping a type OCSF has no name for', () => {
    const rows = [
      row('a', { deviceType: 'laptop' }),
      row('b', { deviceType: 'LAPTOP' }),
      row('c', { deviceType: 'kubernetes node' }),
      row('d', {}),
    ];
    const { facts } = loadGrid(rows);
    const result = filterRows(facts, gridQueryOf(new URLSearchParams('is.deviceType=Laptop')), NOW);
    expect([...result.visible]).toEqual([1, 1, 0, 0]);
    expect(result.facets.deviceType).toEqual([
      ['Laptop', 2],
      ['kubernetes node', 1],
      ['Unknown', 1],
    ]);
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
    expect(result.quick).toMatchObject({ infected: 1, stale: 1, duplicates: 2 });
    expect(run('is.site=Lyon').quick).toMatchObject({ infected: 0, stale: 1 });
  });

  it('counts the decommissioned devices its filter would show, though they are hidden', () => {
    // Device 4 is decommissioned, in Lyon: hidden, and counted where the other filters keep it.
    expect(run('').quick.decommissioned).toBe(1);
    expect(run('is.site=Lyon').quick.decommissioned).toBe(1);
    expect(run('is.site=Paris').quick.decommissioned).toBe(0);
    expect(run('q=lyon-02').quick.decommissioned).toBe(1);
    expect(run('q=paris').quick.decommissioned).toBe(0);
    expect(run('quick=infected').quick.decommissioned).toBe(0);
    // With it on, the count is what it keeps: the same devices, now shown.
    const on = run('quick=decommissioned');
    expect(ids(on)).toEqual(['4']);
    expect(on.quick.decommissioned).toBe(1);
  });

  it('finds the same machine enrolled twice by hostname, serial number or MAC', () => {
    expect(ids(run('quick=duplicates'))).toEqual(['1', '5']);
    // The decommissioned device sharing the serial is in no group.
    expect(ids(run('quick=duplicateSerial'))).toEqual(['1', '3']);
    expect(ids(run('quick=duplicateMac'))).toEqual(['2', '3']);
    expect(run('').quick).toMatchObject({ duplicates: 2, duplicateSerial: 2, duplicateMac: 2 });
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

describe('the grid order', () => {
  it('sorted by a duplicate group’s size, keeps each group together, devices alone last', () => {
    // The group sizes are worked out as the rows load: y three times, x (any case) and w twice.
    const rows = [
      row('a', { hostname: 'x' }),
      row('b', { hostname: 'y' }),
      row('c', { hostname: 'X' }),
      row('d', { hostname: 'z' }),
      row('e', { hostname: 'y' }),
      row('f', { hostname: 'w' }),
      row('g', { hostname: 'w' }),
      row('h', { hostname: 'Y' }),
    ];
    const orders = new GridOrders(loadGrid(rows).table);
    const sorted = (direction: 'asc' | 'desc') =>
      [...orders.order({ column: 'sameHostname', direction })].map((i) => rows[i]!.agentId);
    expect(sorted('asc')).toEqual(['f', 'g', 'a', 'c', 'b', 'e', 'h', 'd']);
    expect(sorted('desc')).toEqual(['h', 'e', 'b', 'c', 'a', 'g', 'f', 'd']);
  });

  it('sorts a severity by rank, worst first when descending, devices without one last', () => {
    const rows = [
      row('a', { highestSeverity: 'High' }),
      row('b', { highestSeverity: 'Critical' }),
      row('c', {}),
      row('d', { highestSeverity: 'Low' }),
      row('e', { highestSeverity: 'None' }),
      row('f', { highestSeverity: 'Medium' }),
    ];
    const orders = new GridOrders(loadGrid(rows).table);
    const sorted = (direction: 'asc' | 'desc') =>
      [...orders.order({ column: 'highestSeverity', direction })].map((i) => rows[i]!.agentId);
    expect(sorted('desc')).toEqual(['b', 'a', 'f', 'd', 'e', 'c']);
    expect(sorted('asc')).toEqual(['e', 'd', 'f', 'a', 'b', 'c']);
  });

  it('names as slow the columns whose first sort compares every row, notes and coded ones not', () => {
    // Past 3 distinct values a column is pooled here, as hostnames are past 65,536.
    const rows = ['a', 'b', 'c', 'd', 'e'].map((id, i) =>
      row(id, {
        hostname: `host-${id}`,
        os: i % 2 ? 'Windows 11' : 'macOS',
        ips: [`10.0.0.${i}`],
        applications: i,
        note: `note ${id}`,
      }),
    );
    const orders = new GridOrders(loadGrid(rows, 3).table);
    const slow = orders.slowColumns();
    expect(slow).toEqual(expect.arrayContaining(['agentId', 'hostname', 'ips', 'macs']));
    expect(slow).toContain('sameHostname');
    // Coded text, numbers and flags are placed in one pass; notes change as the analyst saves.
    for (const cheap of ['os', 'console', 'applications', 'decommissioned', 'note', 'tags']) {
      expect(slow).not.toContain(cheap);
    }
    // An order worked out elsewhere is kept, unless one is already held.
    const elsewhere = new GridOrders(loadGrid(rows, 3).table).ascending('hostname');
    orders.adopt('hostname', { order: elsewhere.order.slice().reverse(), filled: 5 });
    expect([...orders.order({ column: 'hostname', direction: 'asc' })]).toEqual([4, 3, 2, 1, 0]);
    orders.adopt('hostname', elsewhere);
    expect([...orders.order({ column: 'hostname', direction: 'asc' })]).toEqual([4, 3, 2, 1, 0]);
  });
});
