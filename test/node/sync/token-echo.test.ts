import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import type { Backend } from '../../../electron/backend/backend';
import { FakeS1Console } from '../../support/fake-s1/server';
import { memoryBackend } from '../../support/memory-backend';
import { useTempDirs } from '../../support/temp-dir';

// A console that echoes the token in an error's title (issue 27, H9): the token reaches no run,
// no health event, no result and no event.

const TOKEN = 'tok-echoed-4c1d9e2f7a';
const tempDir = useTempDirs();
let s1: FakeS1Console;
let backend: Backend;

beforeAll(async () => {
  s1 = await FakeS1Console.start({
    override: (request) =>
      request.path.includes('/agents') || request.path.includes('/threats')
        ? {
            status: 400,
            contentType: 'application/json',
            body: JSON.stringify({
              errors: [
                { code: 4000010, title: `Invalid token ${TOKEN} for this scope`, detail: null },
              ],
            }),
          }
        : undefined,
  });
  s1.addToken(TOKEN, { scope: 'global' });
  backend = memoryBackend(tempDir());
});
afterAll(async () => {
  await backend.close();
  await s1.close();
});

describe('a console that echoes the token', () => {
  it('has it redacted from the run, the health events, the result and the events', async () => {
    const events: unknown[] = [];
    backend.events.subscribe((name, payload) => events.push({ name, payload }));
    expect(
      (await dispatch(backend, 'consoles.add', { name: 'echo', url: s1.url, token: TOKEN })).ok,
    ).toBe(true);
    const result = await dispatch(backend, 'sync.run', {
      names: ['echo'],
      apis: ['agents', 'threats'],
    });
    expect(result.ok).toBe(true);
    const text = JSON.stringify(result);
    expect(text).toContain('Invalid token [redacted] for this scope');
    expect(text).not.toContain(TOKEN);
    const report = await dispatch(backend, 'health.report', { name: 'echo' });
    const health = await dispatch(backend, 'health.list', { name: 'echo' });
    expect(JSON.stringify([report, health, events])).not.toContain(TOKEN);
    const runs = backend.storage.runs.latest(backend.consoles.get('echo').id);
    expect(runs.length).toBeGreaterThan(0);
    expect(JSON.stringify(runs)).not.toContain(TOKEN);
  });
});
