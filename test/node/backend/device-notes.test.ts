import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import type { Backend } from '../../../electron/backend/backend';
import type { Envelope } from '../../../shared/contract/contract';
import type { DeviceDetail, GridRow } from '../../../shared/contract/views';
import { FakeS1Console } from '../../support/fake-s1/server';
import { generateAgent } from '../../support/generate/agents';
import { memoryBackend } from '../../support/memory-backend';
import { useTempDirs } from '../../support/temp-dir';
import { runS1invInProcess, jsonValue } from '../../support/run-cli';
import type { OcsfDeviceInventoryInfo } from '../../../shared/ocsf/types';
import { errorsOf, validateDeviceInventoryInfo } from '../../../shared/ocsf/validator';
import { EVERY_DEVICE, gridQuery } from '../../support/grid-query';

// The analyst's notes on a device (issue 29 item 3): tags, a note and a triage state, stored
// locally, in the grid and its query language, in the CSV, and gone with their console.

const TOKEN = 'tok-notes-8d21';
const tempDir = useTempDirs();
let s1: FakeS1Console;
let backend: Backend;
let agentId: string;
let dataDir: string;

const ok = async <T>(name: string, args: object): Promise<T> => {
  const result = (await dispatch(backend, name as never, args as never)) as Envelope<T>;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const where = (text: string) =>
  gridQuery(backend, { query: { ...EVERY_DEVICE, where: text }, offset: 0, limit: 100 });

beforeEach(async () => {
  s1 = (await FakeS1Console.start()).addToken(TOKEN, { scope: 'global' });
  s1.put(
    s1.agents,
    Array.from({ length: 8 }, (_, i) => ({ ...generateAgent(i), isDecommissioned: false })),
  );
  dataDir = tempDir();
  backend = memoryBackend(dataDir);
  await ok('consoles.add', { name: 'lab', url: s1.url, token: TOKEN });
  await ok('sync.run', { names: ['lab'], apis: ['agents'] });
  agentId = (await ok<{ rows: GridRow[] }>('devices.list', {})).rows[2]!.agentId;
});
afterEach(async () => {
  await backend.close();
  await s1.close();
});

describe('device notes', () => {
  it('are stored, shown, and selected by the query language and the triage facet', async () => {
    const notes = {
      tags: ['escalated', 'vip', 'vip'],
      note: 'Owner on leave until March.',
      triage: 'needs action',
    };
    expect(await ok('devices.setNotes', { console: 'lab', agentId, notes })).toEqual({
      ...notes,
      tags: ['escalated', 'vip'],
    });
    const detail = await ok<DeviceDetail>('devices.detail', { console: 'lab', agentId });
    expect(detail.notes).toEqual({ ...notes, tags: ['escalated', 'vip'] });

    expect((await where('triage:"needs action"')).rows.map((r) => r.agentId)).toEqual([agentId]);
    expect((await where('tag:VIP AND note:*leave*')).rows.map((r) => r.agentId)).toEqual([agentId]);
    const all = await where('');
    expect(Object.fromEntries(all.facets.triage!)).toEqual({ unreviewed: 7, 'needs action': 1 });
    expect((await where('triage:unreviewed')).shown).toBe(7);

    // Notes that say nothing are no notes.
    await ok('devices.setNotes', {
      console: 'lab',
      agentId,
      notes: { tags: [], note: '', triage: 'unreviewed' },
    });
    expect((await where('triage:"needs action"')).shown).toBe(0);
  });

  it('are written in the CSV export, one column each', async () => {
    await ok('devices.setNotes', {
      console: 'lab',
      agentId,
      notes: { tags: ['vip'], note: '=HYPERLINK("x")', triage: 'reviewed' },
    });
    const out = join(tempDir(), 'devices.csv');
    await backend.exportFile({ format: 'csv', out });
    const [header, ...lines] = parse(readFileSync(out, 'utf8'), { bom: true }) as string[][];
    const column = (name: string) => header!.indexOf(name);
    const line = lines.find((l) => l[column('Agent ID')] === agentId)!;
    expect([line[column('Triage')], line[column('Tags')], line[column('Note')]]).toEqual([
      'reviewed',
      'vip',
      // A formula stays text in a spreadsheet.
      '\'=HYPERLINK("x")',
    ]);
    expect(lines.filter((l) => l[column('Triage')] === 'unreviewed')).toHaveLength(7);
  });

  it('are carried in OCSF metadata (labels and tags), and the record stays valid', async () => {
    await ok('devices.setNotes', {
      console: 'lab',
      agentId,
      notes: { tags: ['vip', 'escalated'], note: 'Owner on leave.', triage: 'needs action' },
    });
    const out = join(tempDir(), 'devices.ndjson');
    await backend.exportFile({ format: 'ocsf-ndjson', out });
    const records = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as OcsfDeviceInventoryInfo & { metadata: Record<string, unknown> },
      );
    const noted = records.find((r) => r.device.uid_alt === agentId)!;
    expect(noted.metadata.labels).toEqual(['vip', 'escalated', 'triage:needs action']);
    expect(noted.unmapped).toMatchObject({ 's1inventory.note': 'Owner on leave.' });
    expect(errorsOf(validateDeviceInventoryInfo(noted))).toEqual([]);
    expect(records.filter((r) => r.metadata.labels !== undefined)).toHaveLength(1);
  });

  it('are read and changed with s1inv notes, by hostname or agent id', async () => {
    const hostname = (await ok<DeviceDetail>('devices.detail', { console: 'lab', agentId })).row
      .hostname!;
    const cli = (...args: string[]) => runS1invInProcess(['--data-dir', dataDir, 'notes', ...args]);
    const set = await cli(
      hostname.toUpperCase(),
      '--triage',
      'reviewed',
      '--tag',
      'vip',
      '--tag',
      'lab',
      '--note',
      'Checked.',
    );
    expect(set).toMatchObject({ code: 0, stderr: '' });
    expect(set.stdout).toContain('Triage: reviewed\nTags: vip, lab\nNote: Checked.\n');
    const untagged = await cli(agentId, '--untag', 'lab', '--json');
    expect(jsonValue(untagged)).toEqual({
      console: 'lab',
      agentId,
      tags: ['vip'],
      note: 'Checked.',
      triage: 'reviewed',
    });
    expect((await where('triage:reviewed AND tag:vip')).rows.map((r) => r.agentId)).toEqual([
      agentId,
    ]);
    const bad = await cli(agentId, '--triage', 'urgent');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Allowed choices are unreviewed, reviewed, needs action');
  });

  it('go into a configuration file only when asked, and come back with it', async () => {
    const notes = { tags: ['vip'], note: 'Owner on leave.', triage: 'needs action' };
    await ok('devices.setNotes', { console: 'lab', agentId, notes });
    const plain = await ok<{ json: string; notes: number }>('config.export', {});
    expect(plain.notes).toBe(0);
    expect(JSON.parse(plain.json)).not.toHaveProperty('notes');
    const withNotes = await ok<{ json: string; notes: number }>('config.export', {
      withNotes: true,
    });
    expect(JSON.parse(withNotes.json).notes).toEqual([{ console: 'lab', agentId, ...notes }]);

    // Gone with the console's data; the file brings the console and the notes back.
    await ok('consoles.remove', { name: 'lab', deleteData: true });
    expect(
      JSON.parse((await ok<{ json: string }>('config.export', { withNotes: true })).json),
    ).not.toHaveProperty('notes');
    const summary = await ok<{ added: string[]; notes: number }>('config.import', {
      json: withNotes.json,
    });
    expect(summary).toMatchObject({ added: ['lab'], notes: 1 });
    expect(
      JSON.parse((await ok<{ json: string }>('config.export', { withNotes: true })).json).notes,
    ).toEqual([{ console: 'lab', agentId, ...notes }]);

    // A note for a console the file does not name and that is not here: nothing is imported.
    const stray = JSON.parse(withNotes.json) as {
      consoles: unknown[];
      notes: { console: string }[];
    };
    stray.consoles = [];
    stray.notes[0]!.console = 'elsewhere';
    const refused = await dispatch(backend, 'config.import', { json: JSON.stringify(stray) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(!refused.ok && refused.error.message).toContain(
      '$.notes[0].console: "elsewhere" is neither in this file nor configured here',
    );
  });

  it('refuses what is not a note, and go with their console', async () => {
    const bad = await dispatch(backend, 'devices.setNotes', {
      console: 'lab',
      agentId,
      notes: { tags: [], note: '', triage: 'urgent' },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    const tooMany = await dispatch(backend, 'devices.setNotes', {
      console: 'lab',
      agentId,
      notes: { tags: Array.from({ length: 21 }, (_, i) => `t${i}`), note: '', triage: 'reviewed' },
    });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    await ok('devices.setNotes', {
      console: 'lab',
      agentId,
      notes: { tags: ['x'], note: '', triage: 'reviewed' },
    });
    await ok('consoles.remove', { name: 'lab', deleteData: true });
    await ok('consoles.add', { name: 'lab', url: s1.url, token: TOKEN });
    await ok('sync.run', { names: ['lab'], apis: ['agents'] });
    const detail = await ok<DeviceDetail>('devices.detail', { console: 'lab', agentId });
    expect(detail.notes).toEqual({ tags: [], note: '', triage: 'unreviewed' });
  });
});
