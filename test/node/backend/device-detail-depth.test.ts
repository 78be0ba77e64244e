import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import type { Backend } from '../../../electron/backend/backend';
import type { Envelope } from '../../../shared/contract/contract';
import type { DeviceDetail } from '../../../shared/contract/views';
import { jsonDepth } from '../../../shared/json-depth';
import { FakeS1Console } from '../../support/fake-s1/server';
import { generateThreat } from '../../support/generate/threats';
import { memoryBackend } from '../../support/memory-backend';
import { fleet } from '../../support/sync-fixture';
import { useTempDirs } from '../../support/temp-dir';

// Issue 27, N17: a threat nested 5,000 deep made the device detail answer an unlogged 500 (the
// answer could not be serialised), and the drawer kept the previous device's details.

const TOKEN = 'tok-deep-6d1f';
const tempDir = useTempDirs();
let s1: FakeS1Console;
let backend: Backend;
let agents: string[];
const logged: string[] = [];

const nested = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

beforeAll(async () => {
  s1 = (await FakeS1Console.start()).addToken(TOKEN, { scope: 'global' });
  fleet(s1, { agents: 3, threats: 0, activities: 0 });
  agents = [...s1.agents.values()].map((item) => (item.value as { id: string }).id);
  const deep = (i: number, agentId: string) => {
    const threat = generateThreat(i, { agents: 3, updatedMs: Date.now() }) as {
      id: string;
      agentRealtimeInfo: { agentId: string };
    };
    threat.agentRealtimeInfo.agentId = agentId;
    return threat;
  };
  // Device 0: one ordinary threat and one nested 5,000 deep.
  const ordinary = deep(0, agents[0]!);
  s1.put(s1.threats, [ordinary]);
  const pathological = deep(1, agents[0]!);
  s1.putRaw(
    s1.threats,
    pathological.id,
    JSON.stringify(pathological).replace(/}$/, `,"deep":${nested(5_000)}}`),
  );
  // Device 1: its own record nested 5,000 deep.
  const agentEntry = s1.agents.get(agents[1]!)!;
  s1.putRaw(
    s1.agents,
    agents[1]!,
    (agentEntry.text as string).replace(/}$/, `,"deep":${nested(5_000)}}`),
  );
  const dataDir = tempDir();
  backend = memoryBackend(dataDir, {
    log: {
      log: (level, message, data) => logged.push(`${level} ${message} ${JSON.stringify(data)}`),
      close: () => Promise.resolve(),
    },
  });
  await dispatch(backend, 'consoles.add', { name: 'lab', url: s1.url, token: TOKEN });
  await dispatch(backend, 'sync.run', { names: ['lab'] });
});
afterAll(async () => {
  await backend.close();
  await s1.close();
});

const detail = async (agentId: string) =>
  (await dispatch(backend, 'devices.detail', {
    console: 'lab',
    agentId,
  })) as Envelope<DeviceDetail>;

describe('the device detail of a pathological record', () => {
  it('measures depth without parsing, strings and escapes aside', () => {
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('{"a":[{"b":"}}}]]\\"{{{"}]}')).toBe(3);
    expect(jsonDepth(nested(5_000))).toBe(5_000);
  });

  it('shows the device, withholds the deep threat with why, and answers what can be serialised', async () => {
    const answer = await detail(agents[0]!);
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(() => JSON.stringify(answer)).not.toThrow();
    expect(answer.value.threats).toHaveLength(1);
    expect(answer.value.withheld).toHaveLength(1);
    expect(answer.value.withheld[0]).toMatch(/A stored threat nests 5001 levels deep/);
    expect(answer.value.withheld[0]).toMatch(/raw-json/);
  });

  it('refuses a device whose own record is that deep with a named error, logged', async () => {
    const answer = await detail(agents[1]!);
    expect(answer).toMatchObject({ ok: false, error: { code: 'remote_rejected' } });
    if (answer.ok) return;
    expect(answer.error.message).toMatch(/Device .* nests 5001 levels deep/);
    expect(logged.join('\n')).toMatch(/warn devices\.detail failed .*nests 5001 levels/);
    expect(logged.join('\n')).toMatch(
      /warn devices\.detail withheld a record .*RecordTooDeepError/,
    );
  });
});
