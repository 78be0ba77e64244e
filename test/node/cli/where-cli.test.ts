import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridRow } from '../../../shared/contract/views';
import { gridAsText } from '../../../shared/query/grid-as-query';
import { FakeS1Console } from '../../support/fake-s1/server';
import { generateAgent } from '../../support/generate/agents';
import { runS1invInProcess as runS1inv, jsonValue } from '../../support/run-cli';
import { useTempDirs } from '../../support/temp-dir';
import { EVERY_DEVICE } from '../../support/grid-query';

// `--where` (issue 29): a script selects devices with the grid's query language, and the text
// the grid hands out ("Copy as query") selects in a script what it shows in the grid.

const TOKEN = 'tok-cli-where-77a0';
const env = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/s1inv-bus', S1_TOKEN: TOKEN };
const tempDir = useTempDirs();
let s1: FakeS1Console;
let dataDir: string;

const cli = (...args: string[]) => runS1inv(['--data-dir', dataDir, ...args], { env });
async function devices(...args: string[]): Promise<GridRow[]> {
  const run = await cli('devices', '--json', ...args);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return jsonValue(run) as GridRow[];
}

beforeAll(async () => {
  s1 = (await FakeS1Console.start()).addToken(TOKEN, { scope: 'global' });
  s1.put(
    s1.agents,
    Array.from({ length: 60 }, (_, i) => ({
      ...generateAgent(i),
      computerName: `host-${i}`,
      agentVersion: ['22.3.1.7', '23.4.2.14', '24.1.2.6'][i % 3]!,
      siteName: i % 2 === 0 ? 'Paris HQ' : 'Lyon',
      isDecommissioned: i % 10 === 0,
    })),
  );
  // One inventory for the whole file (a tempDir() is removed after the first test).
  dataDir = mkdtempSync(join(tmpdir(), 's1inv-where-'));
  expect((await cli('console', 'add', '--name', 'lab', '--url', s1.url)).code).toBe(0);
  expect((await cli('sync', '--apis', 'agents', '--token-env', 'S1_TOKEN')).code).toBe(0);
});
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await s1.close();
});

describe('s1inv devices --where', () => {
  it('selects by version, site and findings, as the query says', async () => {
    const all = await devices();
    const older = await devices('--where', 'agent_version<23.4 AND site:"Paris HQ"');
    expect(older.map((r) => r.hostname).sort()).toEqual(
      all
        .filter((r) => r.agentVersion === '22.3.1.7' && r.site === 'Paris HQ')
        .map((r) => r.hostname)
        .sort(),
    );
    expect(older.length).toBeGreaterThan(0);
    expect(all).toHaveLength(60);
    const active = await devices('--where', 'NOT decommissioned');
    expect(active).toHaveLength(all.filter((r) => !r.decommissioned).length);
  });

  it("selects what the grid's filters show, from the text the grid hands out", async () => {
    const grid = {
      ...EVERY_DEVICE,
      include: { site: ['Lyon'] },
      exclude: { agentVersion: ['24.1.2.6'] },
    };
    const text = gridAsText(grid);
    expect(text).toBe('site:Lyon AND agent_version!=24.1.2.6 AND NOT decommissioned');
    const selected = await devices('--where', text);
    const all = await devices();
    expect(selected.length).toBeGreaterThan(0);
    expect(selected.map((r) => r.agentId).sort()).toEqual(
      all
        .filter((r) => r.site === 'Lyon' && r.agentVersion !== '24.1.2.6' && !r.decommissioned)
        .map((r) => r.agentId)
        .sort(),
    );
  });

  it('says so when nothing matches, and refuses a query it cannot read, pointing at it', async () => {
    const none = await cli('devices', '--where', 'hostname:nobody');
    expect(none).toMatchObject({ code: 0, stdout: 'No device matches the query.\n' });
    const bad = await cli('devices', '--where', 'os:windows AND sit:Lyon');
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('There is no field "sit"; did you mean site?');
    expect(bad.stderr).toContain('  os:windows AND sit:Lyon\n                 ^^^');
  });
});

describe('s1inv export --where', () => {
  it('writes only the devices the query selects, and the audit log names the query', async () => {
    const out = join(tempDir(), 'lyon.ndjson');
    const run = await cli(
      'export',
      '--format',
      'ocsf-ndjson',
      '--out',
      out,
      '--where',
      'site:Lyon AND NOT decommissioned',
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const names = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { device: { hostname: string } }).device.hostname)
      .sort();
    const expected = (await devices('--where', 'site:Lyon AND NOT decommissioned'))
      .map((r) => r.hostname)
      .sort();
    expect(names).toEqual(expected);
    expect(names.length).toBeGreaterThan(0);
    const audit = await cli('audit', '--json');
    expect(audit.stdout).toContain('query: site:Lyon AND NOT decommissioned');
  });
});
