import type { Db } from '../adapters/db/database';
import type { Clock } from '../adapters/platform/clock';
import { AppError } from '../../shared/errors/app-error';
import type { SavedView, ViewState } from '../../shared/contract/views';

export class ViewNotFoundError extends AppError {
  override readonly name = 'ViewNotFoundError';
  readonly code = 'not_found';
  constructor(readonly view: string) {
    super(`There is no saved view named "${view}". Choose one from the Views menu.`);
  }
}

export class ViewNameTakenError extends AppError {
  override readonly name = 'ViewNameTakenError';
  readonly code = 'conflict';
  constructor(readonly view: string) {
    super(`A view named "${view}" already exists. Choose another name, or delete that view first.`);
  }
}

interface ViewRow {
  name: string;
  state: string;
  isDefault: number;
}

/** The Devices grid's saved views (migration 11); names are unique, ignoring case. */
export class ViewStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  list(): SavedView[] {
    const rows = this.db
      .prepare(
        'SELECT name, state, is_default AS isDefault FROM saved_views ORDER BY name COLLATE NOCASE',
      )
      .all() as ViewRow[];
    return rows.map(toView);
  }

  /** Saves a view under its name, replacing one of the same name; optionally as the default. */
  save(name: string, state: ViewState, makeDefault = false): SavedView {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO saved_views (name, state, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET name = excluded.name, state = excluded.state,
             updated_at = excluded.updated_at`,
        )
        .run(name, JSON.stringify(state), this.clock.now().toISOString());
      if (makeDefault) this.setDefault(name);
    })();
    return this.get(name);
  }

  rename(name: string, to: string): SavedView {
    this.db.transaction(() => {
      this.get(name);
      const taken = this.find(to);
      if (taken && taken.name.toLowerCase() !== name.toLowerCase())
        throw new ViewNameTakenError(to);
      this.db
        .prepare('UPDATE saved_views SET name = ?, updated_at = ? WHERE name = ?')
        .run(to, this.clock.now().toISOString(), name);
    })();
    return this.get(to);
  }

  delete(name: string): string {
    const view = this.get(name);
    this.db.prepare('DELETE FROM saved_views WHERE name = ?').run(name);
    return view.name;
  }

  /** Makes a view the one the Devices screen opens with; no name: none is. */
  setDefault(name: string | undefined): string | undefined {
    this.db.transaction(() => {
      if (name !== undefined) this.get(name);
      this.db.prepare('UPDATE saved_views SET is_default = 0 WHERE is_default = 1').run();
      if (name !== undefined) {
        this.db.prepare('UPDATE saved_views SET is_default = 1 WHERE name = ?').run(name);
      }
    })();
    return name === undefined ? undefined : this.get(name).name;
  }

  get(name: string): SavedView {
    const view = this.find(name);
    if (!view) throw new ViewNotFoundError(name);
    return view;
  }

  private find(name: string): SavedView | undefined {
    const row = this.db
      .prepare('SELECT name, state, is_default AS isDefault FROM saved_views WHERE name = ?')
      .get(name) as ViewRow | undefined;
    return row && toView(row);
  }
}

function toView(row: ViewRow): SavedView {
  return {
    name: row.name,
    state: JSON.parse(row.state) as ViewState,
    isDefault: row.isDefault === 1,
  };
}
