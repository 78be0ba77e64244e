import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { AuditEntryView } from '../../shared/contract/views';
import { auditCsv, scopeText, searchAudit } from '../../renderer/src/audit/audit-rows';

const entry = (id: number, extra: Partial<AuditEntryView>): AuditEntryView => ({
  id,
  at: '2026-11-30T10:00:00.000Z',
  osUser: 'analyst',
  action: 'export',
  status: 'complete',
  format: 'ocsf-json',
  scope: { console: 'all' },
  recordCount: 10,
  destination: '/tmp/out.json',
  ...extra,
});
const LOG = [
  entry(1, { sha256: 'ab'.repeat(32) }),
  entry(2, { action: 'push', status: 'failed', format: 'sekoia', scope: { target: 'soc, eu' } }),
];

describe('the audit log screen', () => {
  it('searches every column as shown, the status by its label', () => {
    expect(searchAudit(LOG, 'failed').map((e) => e.id)).toEqual([2]);
    expect(searchAudit(LOG, 'PUSH soc').map((e) => e.id)).toEqual([2]);
    expect(searchAudit(LOG, 'abab').map((e) => e.id)).toEqual([1]);
    expect(searchAudit(LOG, '  ').map((e) => e.id)).toEqual([1, 2]);
  });

  it('exports what it shows as CSV, the sha256 in full', () => {
    const lines = parse(auditCsv(LOG)) as string[][];
    expect(lines[0]).toEqual([
      'at',
      'user',
      'action',
      'status',
      'format',
      'scope',
      'records',
      'sha256',
      'destination',
    ]);
    expect(lines[1]![7]).toBe('ab'.repeat(32));
    expect(lines[2]!.slice(2, 6)).toEqual(['push', 'failed', 'sekoia', 'to soc, eu']);
  });

  it('reads a scope in words, not as the keys the backend records', () => {
    expect(
      scopeText({ console: 'all', entity: 'agents', devices: 'current filter', agents: 1200 }),
    ).toBe('Devices · all consoles · current filter · 1,200 devices chosen');
    expect(scopeText({ target: 'soc', console: 'prod', push: 3 })).toBe(
      'to soc · console prod · push #3',
    );
    expect(scopeText({ entity: 'vulnerabilities', console: 'all' })).toBe('CVEs · all consoles');
  });

  it('neutralises formulas in its CSV, as every CSV the product writes', () => {
    const hostile = [
      entry(3, { destination: '=HYPERLINK("http://evil.example")', osUser: '+cmd' }),
    ];
    const [, line] = parse(auditCsv(hostile)) as string[][];
    expect(line).toContain('\'=HYPERLINK("http://evil.example")');
    expect(line).toContain("'+cmd");
  });
});
