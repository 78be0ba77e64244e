import { s1Error } from './errors';
import type { FakeReply } from './server';

// List endpoints as SentinelOne serves them: filters, sortBy/sortOrder, limit 1..1000, opaque
// cursors, totalItems over all pages, nextCursor null on the last page (reference §4–§6).

export interface StoredItem {
  value: object;
  /** Exactly what the API sends for this object (bytes where they are not valid UTF-8). */
  text: string | Buffer;
}
export type Collection = Map<string, StoredItem>;

export interface ListSpec {
  filters: Record<string, (item: object, value: string) => boolean>;
  sortFields: Record<string, (item: object) => string>;
}

const PAGING_KEYS = new Set([
  'limit',
  'cursor',
  'sortBy',
  'sortOrder',
  'skipCount',
  'countOnly',
  'skip',
]);

// Walks re-ask for the same filtered and sorted list page after page; keep it per query.
const views = new WeakMap<Collection, { size: number; byKey: Map<string, StoredItem[]> }>();

function view(collection: Collection, key: string, build: () => StoredItem[]): StoredItem[] {
  let cache = views.get(collection);
  if (!cache || cache.size !== collection.size) {
    cache = { size: collection.size, byKey: new Map() };
    views.set(collection, cache);
  }
  let items = cache.byKey.get(key);
  if (!items) {
    items = build();
    cache.byKey.set(key, items);
  }
  return items;
}

/**
 * Each view's pages as served, by offset and limit. A console's CPU is not the analyst's: the
 * fake runs on the same cores as the code a benchmark measures, and joining a 1.3 MB page anew
 * for every request (and collecting it after) cost it ~6 ms a page, taken from the sync.
 */
const servedPages = new WeakMap<StoredItem[], Map<string, string | Buffer>>();

function pageText(items: StoredItem[], offset: number, limit: number, tail: string) {
  let pages = servedPages.get(items);
  if (!pages) servedPages.set(items, (pages = new Map()));
  const key = `${offset}:${limit}:${tail}`;
  let text = pages.get(key);
  if (text === undefined) {
    const head = '{"data":[';
    const parts = items.slice(offset, offset + limit).map((item) => item.text);
    text = parts.every((part) => typeof part === 'string')
      ? `${head}${parts.join(',')}${tail}`
      : Buffer.concat([
          Buffer.from(head),
          ...parts.flatMap((part, i) => [Buffer.from(i > 0 ? ',' : ''), Buffer.from(part)]),
          Buffer.from(tail),
        ]);
    pages.set(key, text);
  }
  return text;
}

/** Call after changing items in place, so cached views are rebuilt. */
export function invalidate(collection: Collection): void {
  views.delete(collection);
}

export function listPage(
  collection: Collection,
  query: Record<string, string>,
  spec: ListSpec,
): FakeReply {
  const limit = query.limit === undefined ? 10 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    return s1Error(400, 'Validation Error', 'limit: Must be between 1 and 1000.');
  }
  for (const key of Object.keys(query)) {
    if (!PAGING_KEYS.has(key) && !(key in spec.filters)) {
      return s1Error(400, 'Validation Error', `${key}: Unknown field.`);
    }
  }
  const sortBy = query.sortBy ?? 'id';
  const sortKey = spec.sortFields[sortBy];
  if (!sortKey)
    return s1Error(
      400,
      'Validation Error',
      `sortBy: Must be one of ${Object.keys(spec.sortFields).join(', ')}.`,
    );
  const descending = query.sortOrder === 'desc';
  const filterEntries = Object.entries(query).filter(([key]) => key in spec.filters);
  const key = JSON.stringify([filterEntries, sortBy, descending]);
  const items = view(collection, key, () => {
    const kept = [...collection.values()].filter((item) =>
      filterEntries.every(([name, value]) => spec.filters[name]!(item.value, value)),
    );
    kept.sort((a, b) => {
      const order =
        sortKey(a.value) < sortKey(b.value) ? -1 : sortKey(a.value) > sortKey(b.value) ? 1 : 0;
      return descending ? -order : order;
    });
    return kept;
  });

  if (query.countOnly === 'true') {
    return {
      status: 200,
      body: { data: [], pagination: { nextCursor: null, totalItems: items.length } },
    };
  }
  let offset = 0;
  if (query.cursor !== undefined) {
    try {
      const decoded = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8')) as {
        o: number;
        k: string;
      };
      if (decoded.k !== key) throw new Error('cursor of another query');
      offset = decoded.o;
    } catch {
      return s1Error(400, 'Validation JSONError', 'Invalid cursor value received');
    }
  }
  const next =
    offset + limit < items.length
      ? Buffer.from(JSON.stringify({ o: offset + limit, k: key })).toString('base64url')
      : null;
  const tail = `],"pagination":{"nextCursor":${JSON.stringify(next)},"totalItems":${items.length}}}`;
  return { status: 200, body: undefined, text: pageText(items, offset, limit, tail) };
}
