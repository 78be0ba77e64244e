// The Changes screen at fleet scale (issue 29): two syncs of a 100,000-agent console between
// which 5% of the agents changed (version, address, site), 1% left and 1% enrolled, then the
// comparison the screen asks for (`diff.run`), timed in the backend as a host calls it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { dispatch } from '../../electron/backend/dispatch';
import type { ConsoleDiff } from '../../shared/contract/views';
import { FakeS1Console } from '../../test/support/fake-s1/server';
import { invalidate } from '../../test/support/fake-s1/listing';
import { generateAgent } from '../../test/support/generate/agents';
import { memoryBackend } from '../../test/support/memory-backend';

export interface ChangesBenchResult {
  devices: number;
  changed: number;
  added: number;
  removed: number;
  compareMs: number;
}

const REPEATS = 3;

export async function benchChanges(devices = 100_000): Promise<ChangesBenchResult> {
  const token = 'bench-changes';
  const s1 = (await FakeS1Console.start()).addToken(token, { scope: 'global' });
  const now = Date.now();
  const agents = Array.from({ length: devices }, (_, i) => generateAgent(i, { nowMs: now }));
  s1.put(s1.agents, agents);
  const dataDir = mkdtempSync(join(tmpdir(), 's1inv-bench-changes-'));
  const backend = memoryBackend(dataDir, { now: new Date(now) });
  try {
    await dispatch(backend, 'consoles.add', { name: 'bench', url: s1.url, token });
    await dispatch(backend, 'sync.run', { names: ['bench'], apis: ['agents'] });
    const step = 20;
    s1.put(
      s1.agents,
      agents
        .filter((_a, i) => i % step === 0)
        .map((agent, n) => ({
          ...agent,
          agentVersion: '24.2.1.1',
          siteName: n % 2 ? 'Moved' : agent.siteName,
        })),
    );
    for (let i = 1; i < devices; i += 100) s1.agents.delete(String(agents[i]!.id));
    invalidate(s1.agents);
    s1.put(
      s1.agents,
      Array.from({ length: devices / 100 }, (_, i) => generateAgent(devices + i, { nowMs: now })),
    );
    await dispatch(backend, 'sync.run', { names: ['bench'], apis: ['agents'] });
    const samples: number[] = [];
    let diff: ConsoleDiff | undefined;
    for (let i = 0; i < REPEATS; i += 1) {
      const started = performance.now();
      const result = (await dispatch(backend, 'diff.run', { console: 'bench' })) as {
        ok: boolean;
        value: ConsoleDiff[];
      };
      samples.push(performance.now() - started);
      diff = result.value[0];
    }
    return {
      devices,
      changed: diff?.changed.length ?? 0,
      added: diff?.added.length ?? 0,
      removed: diff?.removed.length ?? 0,
      compareMs: [...samples].sort((a, b) => a - b)[REPEATS >> 1]!,
    };
  } finally {
    await backend.close();
    await s1.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const TARGET_MS = 1_000;

export function printChangesResult(r: ChangesBenchResult): void {
  console.log(
    `Changes between two syncs of ${r.devices.toLocaleString('en')} devices (${r.changed.toLocaleString('en')} changed, ${r.added.toLocaleString('en')} new, ${r.removed.toLocaleString('en')} gone)`,
  );
  console.log(
    `  comparison ${Math.round(r.compareMs)} ms, median of ${REPEATS} (target < ${TARGET_MS.toLocaleString('en')} ms: ${r.compareMs < TARGET_MS ? 'met' : 'MISSED'})`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printChangesResult(await benchChanges(Number(process.argv[2] ?? 100_000)));
}
