import { describe, expect, it } from 'vitest';
import { printTable } from '../../../electron/hosts/cli/output';

describe('printTable', () => {
  it('prints any number of rows (200,000 did overflow the stack)', () => {
    let out = '';
    const io = { stdout: (text: string) => void (out += text) } as Parameters<typeof printTable>[0];
    const rows = Array.from({ length: 200_000 }, (_, i) => [`host-${i}`, i % 2 ? 'yes' : '']);
    expect(() => printTable(io, ['HOSTNAME', 'DECOMMISSIONED'], rows)).not.toThrow();
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(200_001);
    expect(lines[0]).toBe('HOSTNAME     DECOMMISSIONED');
    expect(lines[2]).toBe('host-1       yes');
  });
});
