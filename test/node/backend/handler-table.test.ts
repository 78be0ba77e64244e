import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../../shared/contract/contract';
import { combineHandlers, HANDLERS } from '../../../electron/backend/handler-table';

const handler = () => ({});

describe('the handler table', () => {
  it('has exactly one handler per contract call', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual([...CALL_NAMES].sort());
  });

  it('refuses a call registered by two groups', () => {
    const all = Object.fromEntries(CALL_NAMES.map((name) => [name, handler]));
    expect(() => combineHandlers([all, { 'sync.start': handler }])).toThrow(
      'The call "sync.start" has two handlers.',
    );
  });

  it('refuses a table that leaves a call without a handler, or handles an unknown one', () => {
    const all = Object.fromEntries(CALL_NAMES.map((name) => [name, handler]));
    const { 'audit.list': _dropped, ...partial } = all;
    expect(() => combineHandlers([partial])).toThrow('No handler for: audit.list.');
    expect(() => combineHandlers([all, { 'audit.purge': handler }])).toThrow('audit.purge');
  });

  it('keeps each group beside its domain: a call named prefix.x lives in domains/prefix/', () => {
    for (const name of CALL_NAMES) {
      const [prefix] = name.split('.');
      const source = readFileSync(`electron/domains/${prefix}/handlers.ts`, 'utf8');
      expect(source, name).toContain(`'${name}'`);
    }
  });
});
