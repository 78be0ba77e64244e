import { userInfo } from 'node:os';
import type { Db } from '../adapters/db/database';

export interface AuditEntryInput {
  action: 'export' | 'push';
  format: string;
  /** What was included: console, entity, filter. */
  scope: Record<string, unknown>;
  recordCount: number;
  sha256?: string;
  destination: string;
  details?: Record<string, unknown>;
}

export interface AuditEntry extends AuditEntryInput {
  id: number;
  at: string;
  osUser: string;
  status: 'complete' | 'failed';
}

interface AuditRow {
  id: number;
  at: string;
  os_user: string;
  action: 'export' | 'push';
  format: string;
  scope: string;
  record_count: number;
  sha256: string | null;
  destination: string;
  details: string | null;
}

/** The OS account name; a machine without one (a container) still gets an entry. */
export function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

/** The audit log of exports and pushes. Append-only: nothing here updates or deletes. */
export class AuditStore {
  constructor(private readonly db: Db) {}

  append(entry: AuditEntryInput, at: Date, user: string = osUser()): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO audit_log (at, os_user, action, format, scope, record_count, sha256, destination, details)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          at.toISOString(),
          user,
          entry.action,
          entry.format,
          JSON.stringify(entry.scope),
          entry.recordCount,
          entry.sha256 ?? null,
          entry.destination,
          entry.details === undefined ? null : JSON.stringify(entry.details),
        ).lastInsertRowid,
    );
  }

  list(): AuditEntry[] {
    const rows = this.db.prepare('SELECT * FROM audit_log ORDER BY id DESC').all() as AuditRow[];
    return rows.map((row) => this.entry(row));
  }

  private entry(row: AuditRow): AuditEntry {
    const details =
      row.details === null ? undefined : (JSON.parse(row.details) as Record<string, unknown>);
    return {
      id: row.id,
      // An export is logged once its file is in place; a push, whether every batch arrived.
      status: row.action === 'push' && details?.state !== 'complete' ? 'failed' : 'complete',
      at: row.at,
      osUser: row.os_user,
      action: row.action,
      format: row.format,
      scope: JSON.parse(row.scope) as Record<string, unknown>,
      recordCount: row.record_count,
      ...(row.sha256 === null ? {} : { sha256: row.sha256 }),
      destination: row.destination,
      ...(details === undefined ? {} : { details }),
    };
  }
}
