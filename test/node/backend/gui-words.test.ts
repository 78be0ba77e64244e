import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../../electron/backend/backend';
import { dispatch } from '../../../electron/backend/dispatch';
import { openDatabase, type Db } from '../../../electron/adapters/db/database';
import { ServePlatform } from '../../../electron/hosts/serve/serve-platform';
import type { CallArgs, CallName } from '../../../shared/contract/contract';
import { nextStepSentence } from '../../../shared/errors/next-step';
import { FakeS1Console } from '../../support/fake-s1/server';
import { MemorySecretStore } from '../../support/memory-secret-store';
import { useTempDirs } from '../../support/temp-dir';

// What the GUI shows of an error is its message and the GUI's words for its next step. No CLI
// command, flag or internal class name may reach it, whichever error path led there.

const CLI_WORDS = /s1inv|--[a-z]|ThirdParty|FirstParty/;
const tempDir = useTempDirs();
const secrets = new MemorySecretStore();
let s1: FakeS1Console;
let db: Db;
let backend: Backend;

beforeAll(async () => {
  s1 = (await FakeS1Console.start()).addToken('tok-good-1234567890', { scope: 'global' });
  const dataDir = tempDir();
  db = openDatabase(dataDir);
  backend = new Backend({
    db,
    secrets,
    clock: { now: () => new Date('2027-03-01T00:00:00Z') },
    dataDir,
    platform: new ServePlatform(),
  });
  await dispatch(backend, 'consoles.add', { name: 'lab', url: s1.url });
  await dispatch(backend, 'consoles.add', {
    name: 'prod',
    url: 'http://localhost:9',
    token: 'tok-bad-0987654321',
  });
  await dispatch(backend, 'sekoia.add', {
    name: 'soc',
    connectorUuid: '3f2d2e6a-6b1c-4f7e-9a55-2f7a2b7f0c11',
  });
});
afterAll(async () => {
  await backend.close();
  db.close();
  await s1.close();
});

async function guiText<K extends CallName>(name: K, args: CallArgs<K>): Promise<string> {
  const envelope = await dispatch(backend, name, args);
  if (envelope.ok) {
    const value = envelope.value as { message?: string; nextStep?: string };
    return `${value.message ?? ''} ${value.nextStep ?? ''}`;
  }
  const { message, nextStep } = envelope.error;
  return `${message} ${nextStep ? nextStepSentence(nextStep) : ''}`;
}

describe('error messages in the GUI speak the GUI’s words', () => {
  it.each<[string, () => Promise<string>]>([
    ['an unknown console', () => guiText('consoles.test', { name: 'nope' })],
    ['a console without a token', () => guiText('sync.start', { name: 'lab' })],
    ['a console without a token, tested', () => guiText('consoles.test', { name: 'lab' })],
    ['a duplicate console', () => guiText('consoles.add', { name: 'LAB', url: s1.url })],
    ['a refused URL', () => guiText('consoles.add', { name: 'x', url: 'ftp://example.com' })],
    ['an unreachable console', () => guiText('consoles.test', { name: 'prod' })],
    [
      'a target without a key',
      () => guiText('push.run', { target: 'soc', scope: {}, resume: false }),
    ],
    ['nothing to resume', () => guiText('push.run', { target: 'soc', scope: {}, resume: true })],
    ['an unknown target', () => guiText('sekoia.remove', { name: 'nope' })],
  ])('%s', async (_what, run) => {
    const text = await run();
    expect(text.trim().length).toBeGreaterThan(20);
    expect(text).not.toMatch(CLI_WORDS);
  });

  it('a keychain that cannot be reached', async () => {
    secrets.unavailable = true;
    try {
      const text = await guiText('consoles.setToken', { name: 'lab', token: 'tok-new-1234567' });
      expect(text).toContain('keychain');
      expect(text).not.toMatch(CLI_WORDS);
    } finally {
      secrets.unavailable = false;
    }
  });
});
