import type { ColumnState } from 'ag-grid-community';
import type { SavedView } from '../../../shared/contract/views';
import type { GridSort } from '../../../shared/devices/grid-order';

/**
 * What a saved view holds: the grid's columns (order, width, sort, hidden), and the filters the
 * address names (search, one-click filters, facets), as a query string.
 * The backend stores it as it is (views.save), shared by the app and every `serve` launch.
 */
export interface ViewContent {
  columns: ColumnState[];
  query: string;
}

export function contentOf(view: SavedView): ViewContent {
  const state = view.state as Partial<ViewContent>;
  return {
    columns: Array.isArray(state.columns) ? state.columns : [],
    query: typeof state.query === 'string' ? state.query : '',
  };
}

/**
 * A view's columns shown under another order: the one the address names when a reload or a link
 * opens the view, so the view brings its columns and the address keeps its sort (issue 29).
 * With no order named, the view's own sort stands.
 */
export function columnsSortedBy(columns: ColumnState[], sort: GridSort | undefined): ColumnState[] {
  if (!sort) return columns;
  const sorted = columns.map((column) =>
    column.colId === sort.column
      ? { ...column, sort: sort.direction, sortIndex: 0 }
      : { ...column, sort: null, sortIndex: null },
  );
  return sorted.some((column) => column.colId === sort.column)
    ? sorted
    : [...sorted, { colId: sort.column, sort: sort.direction, sortIndex: 0 }];
}

/** Views this browser kept in localStorage before they moved to the database. */
const LEGACY_KEY = 's1inv.devices.views';

interface LegacyView {
  name: string;
  columns?: ColumnState[];
  quick?: string[];
  search?: string;
  staleDays?: number;
}

/** Takes the views a page kept in localStorage (once): they are saved to the database. */
export function takeLegacyViews(): { name: string; content: ViewContent }[] {
  let legacy: LegacyView[];
  try {
    legacy = JSON.parse(localStorage.getItem(LEGACY_KEY) ?? '[]') as LegacyView[];
  } catch {
    legacy = [];
  }
  localStorage.removeItem(LEGACY_KEY);
  localStorage.removeItem('s1inv.devices.defaultView');
  return legacy
    .filter((view) => typeof view?.name === 'string' && view.name.trim() !== '')
    .map((view) => {
      const query = new URLSearchParams();
      if (view.search) query.set('q', view.search);
      if (view.quick?.length) query.set('quick', view.quick.join(','));
      if (view.staleDays) query.set('stale', String(view.staleDays));
      return {
        name: view.name.trim(),
        content: {
          columns: view.columns ?? [],
          query: query.toString(),
        },
      };
    });
}
