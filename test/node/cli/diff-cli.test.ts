import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleDiff } from '../../../shared/contract/views';
import { invalidate } from '../../support/fake-s1/listing';
import { FakeS1Console } from '../../support/fake-s1/server';
import { generateAgent } from '../../support/generate/agents';
import { runS1invInProcess as runS1inv, jsonValue } from '../../support/run-cli';
import { useTempDirs } from '../../support/temp-dir';

// `s1inv diff` (PRODUCT.md): devices new, gone and changed between the last two complete
// snapshots of each console, in the analyst's columns.

const TOKEN = 'tok-cli-diff-5e1f';
const env = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/s1inv-bus', S1_TOKEN: TOKEN };
const tempDir = useTempDirs();
let s1: FakeS1Console;

beforeAll(async () => {
  s1 = (await FakeS1Console.start()).addToken(TOKEN, { scope: 'global' });
  s1.put(
    s1.agents,
    Array.from({ length: 50 }, (_, i) => ({
      ...generateAgent(i),
      computerName: `host-${i}`,
      agentVersion: '23.4.2.14',
    })),
  );
});
afterAll(() => s1.close());

const cli = (dataDir: string, ...args: string[]) =>
  runS1inv(['--data-dir', dataDir, ...args], { env });

describe('s1inv diff', () => {
  it('shows a hostile hostname as text: escapes never reach the terminal, and widths stay bounded', async () => {
    const dataDir = tempDir();
    expect((await cli(dataDir, 'console', 'add', '--name', 'lab', '--url', s1.url)).code).toBe(0);
    const sync = () => cli(dataDir, 'sync', '--apis', 'agents', '--token-env', 'S1_TOKEN');
    expect((await sync()).code).toBe(0);
    const retitle = '\u001b]0;pwned\u0007\u001b[2Jhost-x\u009b31m';
    s1.put(s1.agents, [
      { ...generateAgent(901), computerName: retitle },
      { ...generateAgent(902), computerName: `huge-${'h'.repeat(1_000_000)}` },
    ]);
    expect((await sync()).code).toBe(0);
    for (const command of [['devices'], ['diff']]) {
      const run = await cli(dataDir, ...command);
      expect(run.code).toBe(0);
      // eslint-disable-next-line no-control-regex -- no control character may be printed
      expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(run.stdout).toContain('\\u001b]0;pwned');
      expect(Math.max(...run.stdout.split('\n').map((line) => line.length))).toBeLessThan(1_000);
    }
    s1.agents.delete(String(generateAgent(901).id));
    s1.agents.delete(String(generateAgent(902).id));
    invalidate(s1.agents);
  });

  it('names the devices new, gone and changed, with the columns that changed', async () => {
    const dataDir = tempDir();
    expect((await cli(dataDir, 'console', 'add', '--name', 'lab', '--url', s1.url)).code).toBe(0);
    const sync = () => cli(dataDir, 'sync', '--apis', 'agents', '--token-env', 'S1_TOKEN');
    expect((await sync()).code).toBe(0);

    const once = await cli(dataDir, 'diff');
    expect(once.stdout).toBe(
      'lab: Only one complete snapshot so far: sync again to see what changed.\n',
    );

    const upgraded = generateAgent(3);
    s1.put(s1.agents, [
      { ...upgraded, computerName: 'host-3', agentVersion: '24.1.0.5' },
      { ...generateAgent(900), computerName: 'new-host' },
    ]);
    s1.agents.delete(String(generateAgent(7).id));
    invalidate(s1.agents);
    expect((await sync()).code).toBe(0);

    const run = await cli(dataDir, 'diff', '--json');
    expect(run.code).toBe(0);
    const [diff] = jsonValue(run) as ConsoleDiff[];
    expect(diff).toMatchObject({
      console: 'lab',
      from: { devices: 50 },
      to: { devices: 50 },
      added: [{ agentId: String(generateAgent(900).id), hostname: 'new-host' }],
      removed: [{ agentId: String(generateAgent(7).id), hostname: 'host-7' }],
      changed: [
        {
          agentId: String(upgraded.id),
          hostname: 'host-3',
          fields: [{ field: 'Agent version', before: '23.4.2.14', after: '24.1.0.5' }],
        },
      ],
    });

    const human = await cli(dataDir, 'diff', '--console', 'lab');
    expect(human.stdout).toContain(': 1 new, 1 gone, 1 changed');
    expect(human.stdout).toContain('  + new-host (');
    expect(human.stdout).toContain('  ~ host-3 (');
    expect(human.stdout).toContain('Agent version 23.4.2.14 → 24.1.0.5');
  });

  it('lists the applications each device installed and removed', async () => {
    const dataDir = tempDir();
    expect((await cli(dataDir, 'console', 'add', '--name', 'lab', '--url', s1.url)).code).toBe(0);
    const agent = String(generateAgent(3).id);
    const chrome = { name: 'Google Chrome', publisher: 'Google LLC', version: '120.0.6099.71' };
    s1.applications.set(agent, [chrome]);
    const sync = () =>
      cli(dataDir, 'sync', '--apis', 'agents,applications', '--token-env', 'S1_TOKEN');
    expect((await sync()).code).toBe(0);
    s1.applications.set(agent, [{ ...chrome, version: '121.0.6167.85' }]);
    expect((await sync()).code).toBe(0);
    s1.applications.delete(agent);

    const human = await cli(dataDir, 'diff');
    expect(human.stdout).toContain(', 1 with applications installed or removed');
    expect(human.stdout).toContain(
      '  ~ host-3 (' + agent + '): + Google Chrome 121.0.6167.85; - Google Chrome 120.0.6099.71',
    );
    const [diff] = jsonValue(await cli(dataDir, 'diff', '--json')) as ConsoleDiff[];
    expect(diff!.software).toEqual([
      {
        agentId: agent,
        hostname: 'host-3',
        installed: [{ name: 'Google Chrome', vendor: 'Google LLC', version: '121.0.6167.85' }],
        removed: [{ name: 'Google Chrome', vendor: 'Google LLC', version: '120.0.6099.71' }],
      },
    ]);
  });

  it('says what to do for a console never synced, and refuses an unknown one', async () => {
    const dataDir = tempDir();
    await cli(dataDir, 'console', 'add', '--name', 'lab', '--url', s1.url);
    expect((await cli(dataDir, 'diff')).stdout).toBe(
      'lab: Not synced yet: sync it twice to see what changed.\n',
    );
    const unknown = await cli(dataDir, 'diff', '--console', 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/nope/);
  });

  it('compares any two snapshots the console keeps, and says which can be chosen', async () => {
    const dataDir = tempDir();
    const add = ['console', 'add', '--name', 'lab', '--url', s1.url];
    expect((await cli(dataDir, ...add, '--keep-snapshots', '3')).code).toBe(0);
    const sync = () => cli(dataDir, 'sync', '--apis', 'agents', '--token-env', 'S1_TOKEN');
    const versionOf = (index: number, agentVersion: string) => {
      s1.put(s1.agents, [{ ...generateAgent(index), computerName: `host-${index}`, agentVersion }]);
      invalidate(s1.agents);
    };
    // Four syncs, each upgrading one more device: the oldest of the four is pruned.
    expect((await sync()).code).toBe(0);
    for (const index of [11, 12, 13]) {
      versionOf(index, '25.1.0.1');
      expect((await sync()).code).toBe(0);
    }
    const listed = jsonValue(await cli(dataDir, 'diff', '--json')) as ConsoleDiff[];
    const kept = listed[0]!.snapshots.map((snapshot) => snapshot.id);
    expect(kept).toHaveLength(3);
    const [newest, , oldest] = kept as [number, number, number];
    // The last two by default: one device changed.
    expect(listed[0]).toMatchObject({ from: { id: kept[1] }, to: { id: newest } });
    expect(listed[0]!.changed.map((c) => c.hostname)).toEqual(['host-13']);

    // The oldest kept and the newest: both later upgrades, whichever way round they are named.
    for (const [from, to] of [
      [oldest, newest],
      [newest, oldest],
    ]) {
      const run = await cli(
        dataDir,
        ...['diff', '--console', 'lab', '--from', String(from), '--to', String(to), '--json'],
      );
      expect(run.code).toBe(0);
      const [diff] = jsonValue(run) as ConsoleDiff[];
      expect(diff).toMatchObject({ from: { id: oldest }, to: { id: newest } });
      expect(diff!.changed.map((c) => c.hostname).sort()).toEqual(['host-12', 'host-13']);
    }

    const pruned = await cli(dataDir, 'diff', '--console', 'lab', '--from', String(oldest - 1));
    expect(pruned.code).toBe(1);
    expect(pruned.stderr).toContain(`Choose among ${kept.join(', ')}`);
    const noConsole = await cli(dataDir, 'diff', '--from', String(oldest));
    expect(noConsole.code).toBe(1);
    expect(noConsole.stderr).toContain('name it as well (--console NAME)');
    const same = await cli(dataDir, 'diff', '--console', 'lab', '--from', String(newest));
    expect(same.stderr).toContain('Choose two different snapshots');
    // The human output names the snapshots that can be chosen; a --from that is not a number
    // is a usage error saying what fits.
    const human = await cli(dataDir, 'diff', '--console', 'lab');
    expect(human.stdout).toContain(`snapshots kept (--from/--to): ${newest} (`);
    const typo = await cli(dataDir, 'diff', '--console', 'lab', '--from', 'first');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('"first" is not a whole number');
  });

  it('keeps the current snapshot and the one before it unless told otherwise', async () => {
    const dataDir = tempDir();
    await cli(dataDir, 'console', 'add', '--name', 'lab', '--url', s1.url);
    for (let i = 0; i < 3; i += 1)
      expect((await cli(dataDir, 'sync', '--apis', 'agents', '--token-env', 'S1_TOKEN')).code).toBe(
        0,
      );
    const [diff] = jsonValue(await cli(dataDir, 'diff', '--json')) as ConsoleDiff[];
    expect(diff!.snapshots).toHaveLength(2);
    const refused = await cli(
      dataDir,
      'console',
      'add',
      '--name',
      'b',
      '--url',
      'https://b.example',
      '--keep-snapshots',
      '0',
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Snapshots to keep must be a whole number from 1 to 100');
  });

  it('takes the default from S1INV_KEEP_SNAPSHOTS, within the same bounds as a console’s own', async () => {
    const dataDir = tempDir();
    await cli(dataDir, 'console', 'add', '--name', 'lab', '--url', s1.url);
    const keptWith = async (value: string) => {
      const run = await runS1inv(['--data-dir', dataDir, 'console', 'list', '--json'], {
        env: { ...env, S1INV_KEEP_SNAPSHOTS: value },
      });
      return (jsonValue(run) as { keepSnapshots: number }[])[0]!.keepSnapshots;
    };
    expect(await keptWith('5')).toBe(5);
    expect(await keptWith('500')).toBe(2);
    expect(await keptWith('none')).toBe(2);
  });
});
