import { describe, expect, it } from 'vitest';
import { answered, shownFor } from '../../renderer/src/backend/query-state';

// Issue 27, N17: when the next device's detail failed, the drawer showed the previous device's
// details under the next one's agent id.

const failure = {
  ok: false as const,
  error: { name: 'RecordTooDeepError', code: 'remote_rejected' as const, message: 'deep' },
};

describe('a query answer', () => {
  it('never shows one argument set the answer of another', () => {
    const first = answered({}, 'device-a', { ok: true, value: 'details of a' });
    expect(shownFor(first, 'device-a').data).toBe('details of a');
    // Stepping to b: nothing of a while b loads, and nothing of a when b fails.
    expect(shownFor(first, 'device-b')).toEqual({});
    const failed = answered(first, 'device-b', failure);
    expect(shownFor(failed, 'device-b')).toEqual({ data: undefined, error: failure.error });
  });

  it('keeps the same arguments last answer when a reload fails', () => {
    const first = answered({}, 'device-a', { ok: true, value: 'details of a' });
    const reloaded = answered(first, 'device-a', failure);
    expect(shownFor(reloaded, 'device-a')).toEqual({ data: 'details of a', error: failure.error });
  });
});
