import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import type { CallResult } from '../../../shared/contract/contract';
import { memoryBackend } from '../../support/memory-backend';
import { runS1invInProcess } from '../../support/run-cli';
import { useTempDirs } from '../../support/temp-dir';

// Input that should be refused, each with a message that says what to fix.

const tempDir = useTempDirs();
const UUID = '3f2d2e6a-6b1c-4f7e-9a55-2f7a2b7f0c11';

const backend = () => memoryBackend(tempDir());

describe('refused input', () => {
  it.each([
    ['a zero-width space', 'prod\u200b'],
    ['a right-to-left override', 'prod\u202e'],
    ['a zero-width no-break space inside', 'pr\ufeffod'],
    ['a tag character', 'prod\u{E0041}'],
    ['the Hangul filler', 'prod\u3164'],
    ['a variation selector (VS16)', 'prod\ufe0f'],
  ])('a console name with %s, so "prod" and a look-alike cannot coexist', async (_what, name) => {
    const b = backend();
    expect(
      (await dispatch(b, 'consoles.add', { name: 'prod', url: 'https://a.example.com' })).ok,
    ).toBe(true);
    const lookalike = await dispatch(b, 'consoles.add', { name, url: 'https://b.example.com' });
    expect(lookalike).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(!lookalike.ok && lookalike.error.message).toMatch(/zero-width or text-direction/);
  });

  it.each([
    ['a right-to-left override', 'Laptops\u202e'],
    ['an escape sequence', 'Laptops\u001b[2J'],
    ['a zero-width joiner', 'Lap\u200dtops'],
    ['a newline', 'Laptops\nall devices'],
    ['a tag character', 'Laptops\u{E0041}'],
  ])('a saved view name with %s, saved or renamed or imported', async (_what, name) => {
    const b = backend();
    const state = { quick: ['stale'] };
    const saved = await dispatch(b, 'views.save', { name, state });
    expect(saved).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(!saved.ok && saved.error.message).toMatch(/view name contains a control, zero-width/);
    expect(await dispatch(b, 'views.list', {})).toEqual({ ok: true, value: [] });
    expect((await dispatch(b, 'views.save', { name: 'Laptops', state })).ok).toBe(true);
    const renamed = await dispatch(b, 'views.rename', { name: 'Laptops', to: name });
    expect(renamed).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it.each([
    'eyJraWQiOiJ0b2tlblNpZ25pbmciLCJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbmFseXN0In0.c2lnbmF0dXJl',
    'dGhpc2lzYXNlbnRpbmVsb25lYXBpdG9rZW5vZnNpeHR5Y2hhcmFjdGVycw',
  ])('an API token pasted into the URL field: %s', async (pasted) => {
    const result = await dispatch(backend(), 'consoles.add', { name: 'x', url: pasted });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(!result.ok && result.error.message).toMatch(/looks like an API token/);
    expect(JSON.stringify(result)).not.toContain(pasted);
  });

  it.each([
    ['a newline', 'soc\nprod'],
    ['65 characters', 'x'.repeat(65)],
  ])('a Sekoia target name with %s', async (_what, name) => {
    const result = await dispatch(backend(), 'sekoia.add', { name, connectorUuid: UUID });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('a CA bundle that is a device, a FIFO or too large: refused before it is read', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'bundle.fifo');
    execFileSync('mkfifo', [fifo]);
    const large = join(dir, 'large.pem');
    writeFileSync(large, `-----BEGIN CERTIFICATE-----\n${'A'.repeat(2 * 1024 * 1024)}\n`);
    const b = backend();
    for (const [caBundle, why] of [
      ['/dev/zero', /is not a regular file/],
      [fifo, /is not a regular file/],
      [large, /is larger than 1 MB/],
    ] as const) {
      const added = await dispatch(b, 'consoles.add', {
        name: 'lab',
        url: 'https://lab.example.com',
        caBundle,
      });
      expect(added).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
      expect(!added.ok && added.error.message).toMatch(why);
      const imported = await dispatch(b, 'config.import', {
        json: JSON.stringify({
          format: 's1-inventory-config',
          version: 1,
          consoles: [{ name: 'lab', url: 'https://lab.example.com', caBundle }],
        }),
      });
      expect(imported).toMatchObject({ ok: false });
      expect(!imported.ok && imported.error.message).toMatch(why);
    }
  });

  it('a configuration file that is not valid UTF-8', async () => {
    const dir = tempDir();
    const file = join(dir, 'team.json');
    const json = Buffer.from(
      '{"format":"s1-inventory-config","version":1,"consoles":[{"name":"pr\uFFFF","url":"https://a.example.com"}]}',
    );
    // An invalid byte where a name's character was.
    writeFileSync(
      file,
      Buffer.concat([json.subarray(0, 70), Buffer.from([0xc3, 0x28]), json.subarray(73)]),
    );
    const run = await runS1invInProcess(['--data-dir', dir, 'config', 'import', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is not valid UTF-8 text/);
  });
});

describe('the history setting of a console', () => {
  it('is refused when unreadable, and travels with the configuration', async () => {
    const b = backend();
    const bad = await dispatch(b, 'consoles.add', {
      name: 'prod',
      url: 'https://a.example.com',
      historySince: 'last month',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(!bad.ok && bad.error.message).toMatch(/Give a date \(2025-01-01\), a number of days/);

    const added = await dispatch(b, 'consoles.add', {
      name: 'prod',
      url: 'https://a.example.com',
      historySince: '90d',
    });
    expect(added).toMatchObject({ ok: true, value: { historySince: '90d', history: {} } });
    const exported = await dispatch(b, 'config.export', {});
    const file = exported.ok ? (exported.value as CallResult<'config.export'>).json : '{}';
    expect(JSON.parse(file)).toMatchObject({
      consoles: [{ name: 'prod', historySince: '90d' }],
    });

    const cleared = await dispatch(b, 'consoles.edit', {
      name: 'prod',
      changes: { historySince: '' },
    });
    expect(cleared).toMatchObject({ ok: true });
    expect(cleared.ok && (cleared.value as CallResult<'consoles.edit'>).historySince).toBe(
      undefined,
    );
  });
});

describe('the snapshots a console keeps', () => {
  it('are a whole number from 1 to 100, shown with the default, and travel with the configuration', async () => {
    const b = backend();
    for (const keepSnapshots of [0, 2.5, 101]) {
      const refused = await dispatch(b, 'consoles.add', {
        name: 'prod',
        url: 'https://a.example.com',
        keepSnapshots,
      });
      expect(!refused.ok && refused.error.message).toMatch(
        /Snapshots to keep must be a whole number from 1 to 100/,
      );
    }
    const plain = await dispatch(b, 'consoles.add', {
      name: 'plain',
      url: 'https://b.example.com',
    });
    expect(plain).toMatchObject({ ok: true, value: { keepSnapshots: 2 } });
    await dispatch(b, 'consoles.add', {
      name: 'prod',
      url: 'https://a.example.com',
      keepSnapshots: 10,
    });
    const exported = await dispatch(b, 'config.export', {});
    const file = exported.ok ? (exported.value as CallResult<'config.export'>).json : '{}';
    expect((JSON.parse(file) as { consoles: unknown[] }).consoles).toEqual([
      expect.not.objectContaining({ keepSnapshots: expect.anything() }),
      expect.objectContaining({ name: 'prod', keepSnapshots: 10 }),
    ]);
    const other = backend();
    expect(await dispatch(other, 'config.import', { json: file })).toMatchObject({ ok: true });
    const listed = await dispatch(other, 'consoles.list', {});
    expect(
      listed.ok && (listed.value as CallResult<'consoles.list'>).map((c) => c.keepSnapshots),
    ).toEqual([2, 10]);
  });
});

describe('the same console twice', () => {
  it.each([
    ['http://127.0.0.1:8443', 'http://localhost:8443'],
    ['http://[::1]:8443', 'http://localhost:8443'],
    ['https://acme.sentinelone.net', 'https://ACME.sentinelone.net:443/web/api/v2.1'],
  ])('%s and %s are refused as one console, listing every device twice', async (first, second) => {
    const b = backend();
    expect((await dispatch(b, 'consoles.add', { name: 'one', url: first })).ok).toBe(true);
    const twice = await dispatch(b, 'consoles.add', { name: 'two', url: second });
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!twice.ok && twice.error.message).toMatch(/already configured as "one"/);
  });

  it('is refused in a configuration import too', async () => {
    const b = backend();
    const json = JSON.stringify({
      format: 's1-inventory-config',
      version: 1,
      consoles: [
        { name: 'a', url: 'http://127.0.0.1:9443' },
        { name: 'b', url: 'http://localhost:9443' },
      ],
    });
    const imported = await dispatch(b, 'config.import', { json });
    expect(imported.ok).toBe(false);
    expect(!imported.ok && imported.error.message).toMatch(/is also \$\.consoles\[0\]/);
  });
});
