import type { Db } from '../adapters/db/database';
import { redact } from '../adapters/logging/redact';
import type { ErrorClass } from '../adapters/sentinelone/error-class';

export type HealthSeverity = 'error' | 'warning' | 'info';

export interface HealthEventInput {
  consoleId: string;
  api?: string;
  errorClass: ErrorClass | 'Malformed';
  severity: HealthSeverity;
  message: string;
  details?: Record<string, unknown>;
}

export interface HealthEvent extends Omit<HealthEventInput, 'details'> {
  id: number;
  details?: Record<string, unknown>;
  firstAt: string;
  lastAt: string;
  count: number;
}

interface HealthRow {
  id: number;
  console_id: string;
  api: string | null;
  error_class: string;
  severity: HealthSeverity;
  message: string;
  details: string | null;
  first_at: string;
  last_at: string;
  count: number;
}

/**
 * Health events as Sumo reports them, persisted: a repeat of the newest event for the same
 * console, API, class and message bumps its count instead of adding a row. Messages and
 * details pass through redaction, with the secrets of the run named explicitly.
 */
/** An event is current from its console's latest sync start on (all are, before the first). */
const SINCE_LATEST_SYNC =
  "last_at >= COALESCE((SELECT MAX(started_at) FROM sync_runs WHERE console_id = ?), '')";

export class HealthStore {
  constructor(
    private readonly db: Db,
    private readonly secrets: () => readonly string[] = () => [],
  ) {}

  record(event: HealthEventInput, at: Date): void {
    const message = redact(event.message, this.secrets());
    const details =
      event.details === undefined ? null : redact(JSON.stringify(event.details), this.secrets());
    const now = at.toISOString();
    const latest = this.db
      .prepare(
        `SELECT id FROM health_events WHERE console_id = ? AND api IS ? AND error_class = ? AND message = ?
         AND id = (SELECT MAX(id) FROM health_events WHERE console_id = ? AND api IS ?)`,
      )
      .get(
        event.consoleId,
        event.api ?? null,
        event.errorClass,
        message,
        event.consoleId,
        event.api ?? null,
      ) as { id: number } | undefined;
    if (latest) {
      this.db
        .prepare(
          'UPDATE health_events SET count = count + 1, last_at = ?, details = ? WHERE id = ?',
        )
        .run(now, details, latest.id);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO health_events (console_id, api, error_class, severity, message, details, first_at, last_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        event.consoleId,
        event.api ?? null,
        event.errorClass,
        event.severity,
        message,
        details,
        now,
        now,
      );
  }

  /**
   * The console's newest current problem (an error before a warning), as `counts` scopes them;
   * warnings whose message starts with `passedPrefix` left out (retries, once none runs).
   */
  currentProblem(consoleId: string, passedPrefix?: string): HealthEvent | undefined {
    const passed =
      passedPrefix === undefined
        ? ''
        : `AND NOT (severity = 'warning' AND substr(message, 1, ${passedPrefix.length}) = ?)`;
    const row = this.db
      .prepare(
        `SELECT * FROM health_events WHERE console_id = ?
           AND ${SINCE_LATEST_SYNC} ${passed}
         ORDER BY severity = 'error' DESC, last_at DESC, id DESC LIMIT 1`,
      )
      .get(consoleId, consoleId, ...(passedPrefix === undefined ? [] : [passedPrefix])) as
      HealthRow | undefined;
    return row && eventOf(row);
  }

  list(consoleId?: string, limit = 100): HealthEvent[] {
    const rows = (
      consoleId === undefined
        ? this.db
            .prepare('SELECT * FROM health_events ORDER BY last_at DESC, id DESC LIMIT ?')
            .all(limit)
        : this.db
            .prepare(
              'SELECT * FROM health_events WHERE console_id = ? ORDER BY last_at DESC, id DESC LIMIT ?',
            )
            .all(consoleId, limit)
    ) as HealthRow[];
    return rows.map(eventOf);
  }

  /**
   * The console's current problems: events since its latest sync began (all of them before its
   * first). A badge so clears once a sync goes through, and turns amber while one retries; the
   * events themselves stay listed as history.
   */
  counts(consoleId: string): { errors: number; warnings: number } {
    return this.db
      .prepare(
        `SELECT COALESCE(SUM(severity = 'error'), 0) AS errors, COALESCE(SUM(severity = 'warning'), 0) AS warnings
         FROM health_events WHERE console_id = ?
           AND ${SINCE_LATEST_SYNC}`,
      )
      .get(consoleId, consoleId) as { errors: number; warnings: number };
  }
}

function eventOf(row: HealthRow): HealthEvent {
  return {
    id: row.id,
    consoleId: row.console_id,
    ...(row.api === null ? {} : { api: row.api }),
    errorClass: row.error_class as HealthEvent['errorClass'],
    severity: row.severity,
    message: row.message,
    ...(row.details === null
      ? {}
      : { details: JSON.parse(row.details) as Record<string, unknown> }),
    firstAt: row.first_at,
    lastAt: row.last_at,
    count: row.count,
  };
}
