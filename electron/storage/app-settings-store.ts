import type { Db } from '../adapters/db/database';

/** The app's settings, with their defaults: what a fresh install does. */
export interface AppSettings {
  /** Ask s1inventory.io once per launch whether a newer version exists (off: audit laptops). */
  updateCheck: boolean;
}

export const DEFAULT_APP_SETTINGS: AppSettings = { updateCheck: false };

/** Settings stored as JSON values by key; a key absent, or unreadable, reads as its default. */
export class AppSettingsStore {
  constructor(private readonly db: Db) {}

  get(): AppSettings {
    const rows = this.db.prepare('SELECT key, value FROM app_settings').all() as {
      key: string;
      value: string;
    }[];
    const stored = new Map(rows.map((row) => [row.key, row.value]));
    const updateCheck = stored.get('updateCheck');
    return {
      updateCheck:
        updateCheck === undefined ? DEFAULT_APP_SETTINGS.updateCheck : updateCheck === 'true',
    };
  }

  set(changes: Partial<AppSettings>): AppSettings {
    const upsert = this.db.prepare(
      'INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(changes)) upsert.run(key, JSON.stringify(value));
    })();
    return this.get();
  }
}
