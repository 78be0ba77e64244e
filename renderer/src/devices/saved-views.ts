import type { ColumnState } from 'ag-grid-community';
import type { QuickFilterId } from './quick-filters';

/** A way of looking at the grid an analyst wants back: columns, order, sort and filters. */
export interface SavedView {
  name: string;
  columns: ColumnState[];
  filters: Record<string, unknown>;
  quick: QuickFilterId[];
  search: string;
  staleDays: number;
}

const KEY = 's1inv.devices.views';
const DEFAULT_KEY = 's1inv.devices.defaultView';

export function loadViews(): SavedView[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as SavedView[];
  } catch {
    return [];
  }
}

export function saveViews(views: SavedView[]): void {
  localStorage.setItem(KEY, JSON.stringify(views));
}

export function defaultViewName(): string | undefined {
  return localStorage.getItem(DEFAULT_KEY) ?? undefined;
}

export function setDefaultViewName(name: string | undefined): void {
  if (name === undefined) localStorage.removeItem(DEFAULT_KEY);
  else localStorage.setItem(DEFAULT_KEY, name);
}
