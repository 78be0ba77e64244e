import { request } from 'undici';
import semver from 'semver';
import { z } from 'zod';
import { createDispatcher } from '../../adapters/http/dispatcher';
import type { UpdateCheckView } from '../../../shared/contract/views';

// The opt-in "a newer version exists" check (issue 28). Audit laptops should not update
// themselves or call home unasked: it is off until the analyst turns it on, it downloads
// nothing, and it sends nothing but one GET of a public feed, once per launch, with no version,
// identifier or cookie (the comparison is made here). The answer only ever offers a link to the
// release page on s1inventory.io.

export const RELEASE_FEED = 'https://s1inventory.io/releases/latest.json';
export const RELEASES_PAGE = 'https://s1inventory.io/releases';
const RELEASE_HOST = new URL(RELEASES_PAGE).hostname;
/** A feed is a few hundred bytes; anything much larger is not one. */
const MAX_FEED_BYTES = 64 * 1024;

const Feed = z.object({ version: z.string().max(64), url: z.string().max(2_000).optional() });

/** GETs a JSON document; the product's reads the feed over the app's HTTP settings (proxies). */
export type FetchJson = (url: string) => Promise<unknown>;

export const fetchFeedJson: FetchJson = async (url) => {
  // One request per launch: its own dispatcher (the app's proxies and CAs), closed after it.
  const dispatcher = createDispatcher();
  try {
    const response = await request(url, {
      method: 'GET',
      headers: { accept: 'application/json', 'user-agent': 's1-inventory' },
      dispatcher,
    });
    if (response.statusCode !== 200) {
      await response.body.dump();
      throw new Error(`the release feed answered HTTP ${response.statusCode}`);
    }
    const chunks: Buffer[] = [];
    let bytes = 0;
    for await (const chunk of response.body) {
      bytes += (chunk as Buffer).length;
      if (bytes > MAX_FEED_BYTES) throw new Error('the release feed is too large');
      chunks.push(chunk as Buffer);
    }
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } finally {
    await dispatcher.close();
  }
};

export class UpdateChecker {
  private checked: Promise<UpdateCheckView> | undefined;

  constructor(
    private readonly current: string,
    private readonly fetchJson: FetchJson = fetchFeedJson,
    private readonly feedUrl: string = RELEASE_FEED,
  ) {}

  /** The answer of this launch's one request; a failed one is asked again next time. */
  check(): Promise<UpdateCheckView> {
    this.checked ??= this.ask().then((view) => {
      if (view.state === 'unknown') this.checked = undefined;
      return view;
    });
    return this.checked;
  }

  private async ask(): Promise<UpdateCheckView> {
    const current = this.current;
    let feed: z.infer<typeof Feed>;
    try {
      const parsed = Feed.safeParse(await this.fetchJson(this.feedUrl));
      if (!parsed.success) throw new Error('the release feed is not in the expected form');
      feed = parsed.data;
    } catch (error) {
      return {
        state: 'unknown',
        current,
        reason: `${error instanceof Error ? error.message : String(error)}. The check runs again at the next launch.`,
      };
    }
    const latest = semver.valid(feed.version);
    if (!latest) return { state: 'unknown', current, reason: 'the release feed names no version.' };
    if (!semver.gt(latest, current)) return { state: 'current', current, latest };
    return { state: 'newer', current, latest, url: releasePage(feed.url) };
  }
}

/** The feed's link when it is an https page on the release host; the releases page otherwise. */
function releasePage(url: string | undefined): string {
  try {
    const parsed = new URL(url ?? '');
    if (parsed.protocol === 'https:' && parsed.hostname === RELEASE_HOST && !parsed.username)
      return parsed.href;
  } catch {
    // not a URL: the releases page
  }
  return RELEASES_PAGE;
}
