import { describe, expect, it } from 'vitest';
import { completeQuery } from '../../shared/query/query-complete';

// What the query bar offers as the analyst types, and what a choice writes.

const FACETS = {
  site: [
    ['Paris HQ', 5],
    ['Lyon', 3],
  ],
  agentVersion: [
    ['23.4.2.14', 7],
    ['Unknown', 1],
  ],
} as const;

const write = (text: string, caret = text.length) => {
  const { from, to, options } = completeQuery(text, caret, FACETS);
  return options.map((option) => text.slice(0, from) + option.insert + text.slice(to));
};

describe('query completion', () => {
  it('offers fields from their first letters, keywords once typed', () => {
    expect(completeQuery('sit', 3).options[0]).toMatchObject({
      label: 'site:',
      detail: 'SentinelOne site',
    });
    expect(write('os:windows AND agent_v')).toEqual(['os:windows AND agent_version:']);
    expect(write('stal')).toEqual(['stale ']);
    expect(write('o')).toEqual(expect.arrayContaining(['os:', 'out_of_date ', 'OR ']));
    expect(write('(has:vu')).toEqual(['(has:vulnerabilities ']);
  });

  it("offers a field's values with their counts, quoted when they must be", () => {
    const { options } = completeQuery('site:', 5, FACETS);
    expect(options).toEqual([
      { label: 'Paris HQ', insert: 'site:"Paris HQ" ', detail: '5 devices' },
      { label: 'Lyon', insert: 'site:Lyon ', detail: '3 devices' },
    ]);
    expect(write('site:"par')).toEqual(['site:"Paris HQ" ']);
    expect(write('decommissioned:')).toEqual(['decommissioned:true ', 'decommissioned:false ']);
    expect(write('severity>=h')).toEqual(['severity>=High ']);
    expect(write('last_seen>9')).toEqual(['last_seen>90d ']);
    // An ordered comparison is not offered "Unknown", which it cannot compare.
    expect(write('agent_version<')).toEqual(['agent_version<23.4.2.14 ']);
  });

  it('replaces the whole term under the caret, leaving the rest', () => {
    expect(write('site:L AND stale', 6)).toEqual(['site:Lyon AND stale']);
  });
});
