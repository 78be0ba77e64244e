// The sync's tuning constants, in one place: each bounds time, memory or load, and says which.
// Every layer may read them (this is the lowest Node layer). Change one, then measure with
// `npm run bench:sync` (and `bench:scale` for memory): docs/sync.md explains the pipeline.

/** Items asked for per list request: the API's maximum, so a 100k fleet is 100 requests. */
export const PAGE_LIMIT = 1_000;

/**
 * How far a walk may go past the count the console gave before it is stopped: the fleet may
 * grow during the walk, and a console lists an id twice now and then, but never by more than a
 * page or a tenth. Bounds what a hostile console can make the app hold (issue 27, R20).
 */
export const WALK_MARGIN = { items: PAGE_LIMIT, fraction: 0.1 } as const;

/** The largest answer read; more is refused (~20 pages of agents): bounds one response's memory. */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** How long a connection may take, and then each wait for headers or the next body chunk. */
export const CONNECT_TIMEOUT_MS = 10_000;
export const READ_TIMEOUT_MS = 60_000;

/**
 * Requests per second and burst, per endpoint of one console's token (reference §9): the pace
 * of every walk. `/agents/count` shares `/agents`.
 */
export const RATE_LIMITS = {
  '/agents': { perSecond: 25, burst: 1 },
  '/threats': { perSecond: 10, burst: 50 },
  '/activities': { perSecond: 10, burst: 30 },
  // Documented for /application-management/inventory; the risks calls have no documented
  // limit (reference apps §9), so they keep the same pace.
  '/application-management': { perSecond: 3, burst: 1 },
  '/user': { perSecond: 2, burst: 5 },
  default: { perSecond: 2, burst: 1 },
} as const;

/** How long a failing request is retried, and how its waits grow (Sumo: 90 minutes). */
export const RETRY = {
  /** Give up after this long. */
  maxRetryTimeMs: 90 * 60_000,
  /** The first backoff, doubling up to the next. */
  minTimeoutMs: 1_000,
  maxTimeoutMs: 60_000,
  /** The longest Retry-After honoured. */
  maxRetryAfterMs: 10 * 60_000,
  /** The wait after a 429 without Retry-After (reference: ~5 s). */
  default429Ms: 5_000,
} as const;

/** Worker threads that prepare pages and map agents: at most this many, one per core. */
export const MAX_WORKER_THREADS = 3;

/**
 * A worker's heap: near what one page needs, not what V8 would grow to over a long walk; the
 * old generation still holds the largest page a console may send (64 MB), parsed.
 */
export const WORKER_HEAP_MB = { young: 64, old: 256 } as const;

/** Idle workers end after this long, so a pool left open never keeps a process alive. */
export const WORKER_IDLE_MS = 2_000;

/** Agents a walk maps on its own thread before it starts workers: a small fleet needs none. */
export const MAP_INLINE_FIRST = 5_000;

/**
 * Pages of a walk downloaded but not yet stored, per worker thread (~1.3 MB each at 1,000
 * agents): room for those that queue while workers warm up, so the walk keeps its pace.
 */
export const PAGES_IN_FLIGHT_PER_WORKER = 8;

/**
 * Pages stored after each /agents request: one keeps up with the walk, the second drains a
 * backlog; two stores take 20–30 ms of the 40 ms between two requests.
 */
export const STORES_PER_REQUEST = 2;

/** Precompute batches in flight per worker thread: the sync waits for room, bounding memory. */
export const BATCHES_IN_FLIGHT_PER_WORKER = 2;

/**
 * Requests of a per-agent walk (installed applications) in flight at once: the rate limit
 * paces them, and a few overlapping keep that pace when one answer takes longer than the gap
 * between two requests (40 ms at 25/s).
 */
export const PER_AGENT_IN_FLIGHT = 8;

/** Applications one agent may list: far above any real machine, far below what hurts. */
export const MAX_APPLICATIONS_PER_AGENT = 20_000;

/** Sekoia push batches in flight at once after the first is accepted. */
export const PUSH_CONCURRENCY = 4;
