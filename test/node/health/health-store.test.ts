import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/adapters/db/database';
import { HealthStore } from '../../../electron/storage/health-store';
import { RunStore } from '../../../electron/storage/run-store';
import { redact } from '../../../electron/adapters/logging/redact';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

/** A fresh database holding one console, c1. */
function dbWithConsole() {
  const db = openDatabase(tempDir());
  db.prepare(
    `INSERT INTO consoles (id, name, url, created_at, updated_at) VALUES ('c1', 'prod', 'https://x', 't', 't')`,
  ).run();
  return db;
}

describe('health events', () => {
  it('counts repeats of the newest event instead of adding rows', () => {
    const db = dbWithConsole();
    const health = new HealthStore(db);
    const event = {
      consoleId: 'c1',
      api: 'agents',
      errorClass: 'ThirdPartyGeneric' as const,
      severity: 'warning' as const,
      message: 'Retrying GET /agents after: HTTP 429',
    };
    health.record(event, new Date('2026-11-23T10:00:00Z'));
    health.record(event, new Date('2026-11-23T10:01:00Z'));
    health.record({ ...event, message: 'other' }, new Date('2026-11-23T10:02:00Z'));
    health.record(event, new Date('2026-11-23T10:03:00Z'));
    const events = health.list('c1');
    expect(events.map((e) => [e.message, e.count])).toEqual([
      ['Retrying GET /agents after: HTTP 429', 1],
      ['other', 1],
      ['Retrying GET /agents after: HTTP 429', 2],
    ]);
    expect(events[2]).toMatchObject({
      firstAt: '2026-11-23T10:00:00.000Z',
      lastAt: '2026-11-23T10:01:00.000Z',
    });
  });

  it('counts only the problems since the latest sync began, so a badge clears once one goes through', () => {
    const db = dbWithConsole();
    const health = new HealthStore(db);
    const runs = new RunStore(db);
    const failure = {
      consoleId: 'c1',
      api: 'agents',
      errorClass: 'ThirdPartyGeneric' as const,
      severity: 'error' as const,
      message: 'The agents sync stopped: connection refused.',
    };
    runs.start('c1', 'agents', new Date('2026-11-23T10:00:00Z'));
    health.record(failure, new Date('2026-11-23T10:05:00Z'));
    expect(health.counts('c1')).toEqual({ errors: 1, warnings: 0 });

    // The next sync retries: the old error is history, its retries show as warnings.
    runs.start('c1', 'agents', new Date('2026-11-23T11:00:00Z'));
    expect(health.counts('c1')).toEqual({ errors: 0, warnings: 0 });
    health.record(
      { ...failure, severity: 'warning', message: 'Retrying GET /agents after: ECONNREFUSED' },
      new Date('2026-11-23T11:00:30Z'),
    );
    expect(health.counts('c1')).toEqual({ errors: 0, warnings: 1 });
    expect(health.list('c1')).toHaveLength(2);
  });

  it('never stores a secret, named or shaped like one', () => {
    const db = dbWithConsole();
    const health = new HealthStore(db, () => ['tok-SECRET-9f8e']);
    health.record(
      {
        consoleId: 'c1',
        errorClass: 'ThirdPartyConfig',
        severity: 'error',
        message: 'failed with tok-SECRET-9f8e and Authorization: ApiToken abc.def.ghi',
        details: { apiToken: 'zzz-other-secret', header: 'Bearer qqq-key' },
      },
      new Date(),
    );
    const stored = JSON.stringify(db.prepare('SELECT * FROM health_events').all());
    for (const secret of ['tok-SECRET-9f8e', 'abc.def.ghi', 'zzz-other-secret', 'qqq-key']) {
      expect(stored).not.toContain(secret);
    }
    expect(stored).toContain('[redacted]');
  });

  it('redact leaves ordinary text alone', () => {
    expect(redact('GET /agents answered HTTP 503: Internal server error')).toBe(
      'GET /agents answered HTTP 503: Internal server error',
    );
  });

  it('redact tells a field named by its path from a field assigned a value', () => {
    expect(redact('$.consoles[2].apiToken: secrets are never imported')).toBe(
      '$.consoles[2].apiToken: secrets are never imported',
    );
    expect(redact('body {"apiToken": "tok-1234"} token=abcd1234')).toBe(
      'body {"apiToken": "[redacted]"} token=[redacted]',
    );
  });
});
