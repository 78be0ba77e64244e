import { hostname } from 'node:os';
import { processAlive } from '../adapters/platform/process-alive';
import type { Db } from '../adapters/db/database';

export interface LockHolder {
  host: string;
  pid: number;
  acquiredAt: string;
}

/**
 * The per-console sync lock in SQLite, shared by every process on one data directory. Taking
 * it is one transaction: free, or held by a dead process on this host, and it is ours; held by
 * a live process (or one on another host, which we cannot check), and the holder is returned.
 */
export class SyncLocks {
  constructor(
    private readonly db: Db,
    private readonly alive: (pid: number) => boolean = processAlive,
    private readonly host = hostname(),
  ) {}

  acquire(consoleId: string, at: Date): LockHolder | undefined {
    return this.db
      .transaction(() => {
        const holder = this.db
          .prepare(
            'SELECT host, pid, acquired_at AS acquiredAt FROM sync_locks WHERE console_id = ?',
          )
          .get(consoleId) as LockHolder | undefined;
        const ours = holder?.host === this.host && holder.pid === process.pid;
        if (holder && !ours && (holder.host !== this.host || this.alive(holder.pid))) return holder;
        this.db
          .prepare(
            `INSERT INTO sync_locks (console_id, host, pid, acquired_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (console_id) DO UPDATE SET host = excluded.host, pid = excluded.pid, acquired_at = excluded.acquired_at`,
          )
          .run(consoleId, this.host, process.pid, at.toISOString());
        return undefined;
      })
      .immediate();
  }

  release(consoleId: string): void {
    this.db
      .prepare('DELETE FROM sync_locks WHERE console_id = ? AND host = ? AND pid = ?')
      .run(consoleId, this.host, process.pid);
  }
}
