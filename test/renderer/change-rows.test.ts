import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import {
  CHANGE_KINDS,
  changeRows,
  changesCsv,
  choicesOf,
  filterChanges,
} from '../../renderer/src/changes/change-rows';

describe('the Changes export', () => {
  it('has one CSV line per changed field, and one per new or gone device', () => {
    const rows = changeRows([
      {
        console: 'prod',
        snapshots: [],
        added: [{ agentId: '1', hostname: 'new-host' }],
        removed: [{ agentId: '2' }],
        changed: [
          {
            agentId: '3',
            hostname: 'h, "quoted"',
            fields: [
              { field: 'OS', before: 'Windows 10', after: 'Windows 11' },
              { field: 'Agent version', before: '23.1', after: '24.1' },
            ],
          },
        ],
        software: [
          {
            agentId: '4',
            hostname: 'dev-4',
            installed: [{ name: 'Google Chrome', vendor: 'Google LLC', version: '121.0' }],
            removed: [{ name: 'Google Chrome', vendor: '', version: '120.0' }],
          },
        ],
      },
    ]);
    expect(rows.map((r) => r.change)).toEqual(['new', 'gone', 'changed', 'software']);
    const lines = parse(changesCsv(rows)) as string[][];
    expect(lines).toEqual([
      ['console', 'change', 'hostname', 'agentId', 'field', 'before', 'after'],
      ['prod', 'new', 'new-host', '1', '', '', ''],
      ['prod', 'gone', '', '2', '', '', ''],
      ['prod', 'changed', 'h, "quoted"', '3', 'OS', 'Windows 10', 'Windows 11'],
      ['prod', 'changed', 'h, "quoted"', '3', 'Agent version', '23.1', '24.1'],
      [
        'prod',
        'software',
        'dev-4',
        '4',
        'Application installed',
        '',
        'Google Chrome 121.0 (Google LLC)',
      ],
      ['prod', 'software', 'dev-4', '4', 'Application removed', 'Google Chrome 120.0', ''],
    ]);
  });

  it('neutralises formulas in every cell, as the device CSV does (N30)', () => {
    const rows = changeRows([
      {
        console: '@prod',
        snapshots: [],
        added: [{ agentId: '1', hostname: '=HYPERLINK("http://evil.example","x")' }],
        removed: [],
        changed: [
          {
            agentId: '3',
            hostname: 'ok-host',
            fields: [{ field: 'Site', before: "+cmd|' /C calc'!A0", after: '-2+3' }],
          },
        ],
        software: [],
      },
    ]);
    const lines = parse(changesCsv(rows)) as string[][];
    expect(lines.slice(1)).toEqual([
      ["'@prod", 'new', '\'=HYPERLINK("http://evil.example","x")', '1', '', '', ''],
      ["'@prod", 'changed', 'ok-host', '3', 'Site', "'+cmd|' /C calc'!A0", "'-2+3"],
    ]);
  });
});

describe('the Changes filters', () => {
  const rows = changeRows([
    {
      console: 'prod',
      snapshots: [],
      added: [{ agentId: '1', hostname: 'new-host', site: 'Lyon' }],
      removed: [{ agentId: '2', site: 'Paris' }],
      changed: [
        {
          agentId: '3',
          site: 'Lyon',
          fields: [{ field: 'Agent version', before: '23.1', after: '24.1' }],
        },
        { agentId: '5', site: 'Paris', fields: [{ field: 'IPs', before: '10.0.0.1', after: '' }] },
      ],
      software: [],
    },
  ]);

  it('offers the columns that changed and the sites named', () => {
    expect(choicesOf(rows)).toEqual({ fields: ['Agent version', 'IPs'], sites: ['Lyon', 'Paris'] });
  });

  it('narrows by kind, by changed column and by site together', () => {
    const ids = (filter: Parameters<typeof filterChanges>[1]) =>
      filterChanges(rows, filter).map((r) => r.agentId);
    expect(ids({ kinds: CHANGE_KINDS })).toEqual(['1', '2', '3', '5']);
    expect(ids({ kinds: CHANGE_KINDS, site: 'Lyon' })).toEqual(['1', '3']);
    expect(ids({ kinds: CHANGE_KINDS, field: 'IPs' })).toEqual(['5']);
    expect(ids({ kinds: ['new', 'gone'], site: 'Paris' })).toEqual(['2']);
    expect(ids({ kinds: CHANGE_KINDS, field: 'IPs', site: 'Lyon' })).toEqual([]);
  });
});
