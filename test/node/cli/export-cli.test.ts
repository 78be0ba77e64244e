import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeS1Console } from '../../support/fake-s1/server';
import { generateAgent } from '../../support/generate/agents';
import { readParquet } from '../../support/parquet-reader';
import { runS1invInProcess as runS1inv, jsonValue } from '../../support/run-cli';

// `s1inv export` for scripts (issue 30): `--out -` to standard output, and `--format
// ocsf-parquet --layout security-lake`, the folder a custom source's bucket takes as it is, with
// the usage errors that name what is missing.

const TOKEN = 'tok-cli-lake-51c2';
const env = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/s1inv-bus', S1_TOKEN: TOKEN };
let s1: FakeS1Console;
let dataDir: string;
const cli = (...args: string[]) => runS1inv(['--data-dir', dataDir, ...args], { env });
/** An ocsf-parquet export to `out`, with more flags. */
const parquetTo = (out: string, ...args: string[]) =>
  cli('export', '--format', 'ocsf-parquet', '--out', out, ...args);
const LAKE = [
  '--lake-source',
  'sentinelone-devices',
  '--lake-region',
  'eu-west-1',
  '--lake-account',
  '210987654321',
];

beforeAll(async () => {
  s1 = (await FakeS1Console.start()).addToken(TOKEN, { scope: 'global' });
  s1.put(
    s1.agents,
    Array.from({ length: 25 }, (_, i) => generateAgent(i)),
  );
  dataDir = mkdtempSync(join(tmpdir(), 's1inv-lake-'));
  expect((await cli('console', 'add', '--name', 'lab', '--url', s1.url)).code).toBe(0);
  expect((await cli('sync', '--apis', 'agents', '--token-env', 'S1_TOKEN')).code).toBe(0);
});
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await s1.close();
});

describe('s1inv export --layout security-lake', () => {
  it('writes the partitions of a custom source into the folder', async () => {
    const out = join(dataDir, 'lake');
    const run = await parquetTo(out, '--layout', 'security-lake', ...LAKE);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const files = readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(out, join(entry.parentPath, entry.name)));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(
      /^ext\/sentinelone-devices\/region=eu-west-1\/accountId=210987654321\/eventDay=\d{8}\/device_inventory_info-\d{8}T\d{6}Z\.parquet$/,
    );
    const { records } = await readParquet(join(out, files[0]!));
    expect(records).toHaveLength(25);
  });

  it('is a usage error (exit 2) without the source, Region and account, or with them and no layout', async () => {
    const out = join(dataDir, 'nowhere');
    const missing = await parquetTo(out, '--layout', 'security-lake', '--lake-region', 'eu-west-1');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/give --lake-source, --lake-region and --lake-account/);
    const stray = await parquetTo(out, '--lake-region', 'eu-west-1');
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(/go with --layout security-lake/);
    const unknown = await parquetTo(out, '--layout', 'hive');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown layout "hive"\. Choose one of: file, security-lake/);
    expect(existsSync(out)).toBe(false);
  });

  it('writes to standard output with --out -, saying what it wrote on standard error', async () => {
    const run = await cli('export', '--format', 'ocsf-ndjson', '--out', '-');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(25);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ class_uid: 5001 });
    expect(run.stderr).toMatch(
      /^Wrote 25 record\(s\) as ocsf-ndjson to standard output\nsha256 [0-9a-f]{64}\n$/,
    );
    const audit = jsonValue(await cli('audit', '--json')) as {
      format: string;
      destination: string;
    }[];
    expect(audit.find((entry) => entry.format === 'ocsf-ndjson')!.destination).toBe(
      'standard output',
    );
  });

  it('writes a binary export to a pipe as its bytes, and refuses what --out - cannot go with', async () => {
    const xlsx = await cli('export', '--format', 'xlsx', '--out', '-');
    expect(xlsx.code).toBe(0);
    // A zip: the workbook's first bytes.
    expect(xlsx.stdoutBytes!.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const json = await cli('export', '--format', 'csv', '--out', '-', '--json');
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(/leave out one of them/);
    const lake = await parquetTo('-', '--layout', 'security-lake', ...LAKE);
    expect(lake.code).toBe(2);
    expect(lake.stderr).toMatch(/give --out DIR, not -/);
  });

  it('keeps only the --columns asked for, in their order: devices, csv and xlsx', async () => {
    const table = await cli('devices', '--columns', 'hostname,agentId,lastSeen');
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^HOSTNAME +AGENT ID +LAST SEEN$/);
    const rows = jsonValue<Record<string, unknown>[]>(
      await cli('devices', '--columns', 'agentId,HOSTNAME', '--json'),
    );
    expect(rows).toHaveLength(25);
    // A device with no hostname has none here either, as in the full row.
    for (const row of rows)
      expect(['agentId,hostname', 'agentId']).toContain(Object.keys(row).join(','));
    const csv = await cli(
      'export',
      '--format',
      'csv',
      '--out',
      '-',
      '--columns',
      'agentId,hostname,ips',
    );
    expect(csv.code).toBe(0);
    const lines = csv.stdout
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('"Agent ID","Hostname","IPs"');
    expect(lines).toHaveLength(26);
    expect(lines[1]).toBe(
      `"${rows[0]!.agentId}","${rows[0]!.hostname}",${lines[1]!.split(',')[2]}`,
    );
  });

  it('refuses a column that does not exist, saying the nearest, and --columns where every attribute goes', async () => {
    const typo = await cli('devices', '--columns', 'hostname,lastseen,agentVerson');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(
      /There is no device column "agentVerson"; did you mean agentVersion\?/,
    );
    const ocsf = await cli(
      'export',
      '--format',
      'ocsf-ndjson',
      '--out',
      '-',
      '--columns',
      'hostname',
    );
    expect(ocsf.code).toBe(2);
    expect(ocsf.stderr).toMatch(/ocsf-ndjson holds every attribute/);
  });
});
