import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConsoleFetcher } from '../../../electron/adapters/sentinelone/fetcher';
import {
  splitBody,
  splitPage,
  TruncatedBodyError,
} from '../../../electron/adapters/sentinelone/page-splitter';
import { CursorLoopError, walkPages } from '../../../electron/adapters/sentinelone/paging';
import { peekNextCursor } from '../../../electron/adapters/sentinelone/next-cursor-peek';

describe('splitPage', () => {
  it('returns the exact text of each element and the parsed envelope', () => {
    const text =
      '{ "data" : [ {"id":"1","data":{"n":111111111111111111}} , {"id":"2","s":"a \\" ] } ,"}, 7, "x", [1,[2]], null ],\n "pagination":{"nextCursor":"abc","totalItems":5}}';
    const page = splitPage(text, '/x');
    expect(page.elements).toEqual([
      '{"id":"1","data":{"n":111111111111111111}}',
      '{"id":"2","s":"a \\" ] } ,"}',
      '7',
      '"x"',
      '[1,[2]]',
      'null',
    ]);
    expect(page.envelope.pagination).toEqual({ nextCursor: 'abc', totalItems: 5 });
  });

  it('handles an empty data array and a data array placed last', () => {
    expect(splitPage('{"data":[]}', '/x').elements).toEqual([]);
    const page = splitPage('{"pagination":{"nextCursor":null},"data":[{"id":"1"}]}', '/x');
    expect(page.elements).toEqual(['{"id":"1"}']);
    expect(page.envelope.pagination).toEqual({ nextCursor: null });
  });

  it.each([
    '{"data":[{"id":"1"},{"id":"2"',
    '{"data":[{"id":"1"}],"pagination":{"nextCur',
    '{"data":[{"id":"1\\"}]}',
    '',
    '<html>',
  ])('calls a cut-off body truncated: %j', (text) => {
    expect(() => splitPage(text, '/agents')).toThrow(TruncatedBodyError);
  });
});

describe('splitBody', () => {
  it('gives text for valid UTF-8 and the exact bytes of an element that is not', () => {
    const bad = Buffer.concat([
      Buffer.from('{"id":"2","n":"a'),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('"}'),
    ]);
    const body = Buffer.concat([
      Buffer.from('{"data":[{"id":"1","n":"café ☕"},'),
      bad,
      Buffer.from('],"pagination":{"nextCursor":"c","totalItems":2}}'),
    ]);
    const page = splitBody(body, '/x');
    expect(page.elements[0]).toBe('{"id":"1","n":"café ☕"}');
    expect(Buffer.isBuffer(page.elements[1])).toBe(true);
    expect((page.elements[1] as Buffer).equals(bad)).toBe(true);
    expect(page.envelope.pagination).toEqual({ nextCursor: 'c', totalItems: 2 });
  });

  it('splits a valid UTF-8 body into strings only', () => {
    const page = splitBody(Buffer.from('{"data":[{"id":"ü"}]}'), '/x');
    expect(page.elements).toEqual(['{"id":"ü"}']);
  });
});

describe('splitBody on any JSON', () => {
  /** A cursor with the bytes that end strings, arrays and objects in it. */
  const CURSOR = 'c\\"]},';
  /** An element's JSON with whitespace where JSON allows it, so the split meets every byte. */
  const spaced = (value: unknown, gap: string) =>
    JSON.stringify(value, null, gap.length > 0 ? gap : undefined);

  it('finds each element of "data" exactly, whatever it holds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { maxLength: 8 }),
        fc.constantFrom('', ' ', '\t', '\n'),
        fc.boolean(),
        (data, gap, dataLast) => {
          const texts = data.map((value) => spaced(value, gap));
          const list = `[${gap}${texts.join(`${gap},${gap}`)}${gap}]`;
          const pagination = `"pagination":${gap}${JSON.stringify({ nextCursor: CURSOR, totalItems: data.length })}`;
          const members = dataLast
            ? [pagination, `"data":${list}`]
            : [`"data":${list}`, pagination];
          const page = splitBody(Buffer.from(`{${gap}${members.join(`,${gap}`)}${gap}}`), '/x');
          expect(page.elements).toEqual(texts);
          expect(page.envelope.pagination).toEqual({
            nextCursor: CURSOR,
            totalItems: data.length,
          });
        },
      ),
    );
  });

  it('calls a body cut anywhere inside "data" truncated', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        (data, cut) => {
          const text = `{"data":${JSON.stringify(data)},"pagination":{"nextCursor":null}}`;
          const end = '{"data":'.length + 1 + (cut % (JSON.stringify(data).length - 1));
          expect(() => splitBody(Buffer.from(text.slice(0, end)), '/x')).toThrow(
            TruncatedBodyError,
          );
        },
      ),
    );
  });
});

/** A page as the fetcher splits it; each datum is the exact text of an element. */
function pageOf(data: string[], nextCursor: unknown) {
  return splitPage(
    `{"data":[${data.join(',')}],"pagination":${JSON.stringify({ nextCursor })}}`,
    '/x',
  );
}

function fakeFetcher(
  pages: Record<string, { data: string[]; nextCursor: unknown }>,
): ConsoleFetcher {
  return {
    page: async (_path: string, query: Record<string, unknown>) => {
      const page = pages[String(query.cursor ?? 'start')];
      if (!page) throw new Error(`no page for cursor ${String(query.cursor)}`);
      return pageOf(page.data, page.nextCursor);
    },
  } as unknown as ConsoleFetcher;
}

async function walk(fetcher: ConsoleFetcher): Promise<string[]> {
  const seen: string[] = [];
  for await (const page of walkPages(fetcher, '/agents', {}))
    seen.push(...page.elements.map(String));
  return seen;
}

describe('walkPages', () => {
  it.each([null, '', 'null', undefined])('ends on nextCursor %j', async (end) => {
    const fetcher = fakeFetcher({
      start: { data: ['a'], nextCursor: 'c1' },
      c1: { data: ['b'], nextCursor: end },
    });
    expect(await walk(fetcher)).toEqual(['a', 'b']);
  });

  it('ends on an empty page even when a cursor is given', async () => {
    const fetcher = fakeFetcher({
      start: { data: ['a'], nextCursor: 'c1' },
      c1: { data: [], nextCursor: 'c2' },
    });
    expect(await walk(fetcher)).toEqual(['a']);
  });

  it('stops on a cursor it has seen before', async () => {
    const fetcher = fakeFetcher({
      start: { data: ['a'], nextCursor: 'c1' },
      c1: { data: ['b'], nextCursor: 'c2' },
      c2: { data: ['c'], nextCursor: 'c1' },
    });
    await expect(walk(fetcher)).rejects.toThrow(CursorLoopError);
  });

  it('hands a page over only once the request for the next one has left', async () => {
    const events: string[] = [];
    const pages: Record<string, { data: string[]; nextCursor: string | null }> = {
      start: { data: ['a'], nextCursor: 'c1' },
      c1: { data: ['b'], nextCursor: null },
    };
    const fetcher = {
      page: async (_path: string, query: Record<string, unknown>, onSend?: () => void) => {
        const key = String(query.cursor ?? 'start');
        // As the rate limiter does: the request leaves on a later turn of the event loop.
        await new Promise((resolve) => setTimeout(resolve, 5));
        events.push(`sent ${key}`);
        onSend?.();
        const page = pages[key]!;
        return pageOf(page.data, page.nextCursor);
      },
    } as unknown as ConsoleFetcher;
    for await (const page of walkPages(fetcher, '/agents', {}))
      events.push(`got ${String(page.elements[0])}`);
    expect(events).toEqual(['sent start', 'sent c1', 'got a', 'got b']);
  });
});

describe('the next cursor, read before the page is split', () => {
  it('is the string the body’s last "nextCursor" names', () => {
    const body = (tail: string) => Buffer.from(`{"data":[{"id":"1"}],"pagination":${tail}}`);
    expect(peekNextCursor(body('{"nextCursor":"eyJvIjox","totalItems":2}'))).toBe('eyJvIjox');
    expect(peekNextCursor(body('{ "nextCursor" :\n "abc" }'))).toBe('abc');
    expect(peekNextCursor(body('{"nextCursor":null}'))).toBeUndefined();
    expect(peekNextCursor(body('{"nextCursor":""}'))).toBeUndefined();
    expect(peekNextCursor(body('{"nextCursor":"a\\"b"}'))).toBeUndefined();
    expect(peekNextCursor(body('{"nextCursor":"cut'))).toBeUndefined();
    expect(peekNextCursor(body('{}'))).toBeUndefined();
  });
});

describe('walkPages with a head start', () => {
  /** Pages served as raw bodies: the walk may guess from the body before the split. */
  function rawFetcher(pages: Record<string, { body: string; nextCursor: string | null }>) {
    const events: string[] = [];
    const fetcher = {
      page: async (
        _path: string,
        query: Record<string, unknown>,
        onSend?: () => void,
        onBody?: (bytes: Buffer) => Promise<void> | void,
      ) => {
        const key = String(query.cursor ?? 'start');
        // A request within the rate limit leaves on this turn; its answer comes later.
        events.push(`sent ${key}`);
        onSend?.();
        const page = pages[key];
        if (!page) throw new Error(`no page for cursor ${key}`);
        await new Promise((resolve) => setTimeout(resolve, 2));
        await onBody?.(Buffer.from(page.body));
        events.push(`split ${key}`);
        return pageOf([key], page.nextCursor);
      },
    } as unknown as ConsoleFetcher;
    return { fetcher, events };
  }
  const envelope = (cursor: string | null) =>
    `{"data":[{"id":"x"}],"pagination":{"nextCursor":${JSON.stringify(cursor)}}}`;

  it('sends the next request before the current page is split', async () => {
    const { fetcher, events } = rawFetcher({
      start: { body: envelope('c1'), nextCursor: 'c1' },
      c1: { body: envelope(null), nextCursor: null },
    });
    expect(await walk(fetcher)).toEqual(['start', 'c1']);
    expect(events).toEqual(['sent start', 'sent c1', 'split start', 'split c1']);
  });

  it('drops a guess the split page contradicts, and follows no guess from it', async () => {
    // A body whose last "nextCursor" is not its envelope's (keys in another order, and an
    // element carrying the name): the guess is asked for, then dropped.
    const misleading = '{"pagination":{"nextCursor":"c1"},"data":[{"nextCursor":"wrong"}]}';
    const { fetcher, events } = rawFetcher({
      start: { body: misleading, nextCursor: 'c1' },
      wrong: { body: envelope('deeper'), nextCursor: 'deeper' },
      c1: { body: envelope(null), nextCursor: null },
    });
    expect(await walk(fetcher)).toEqual(['start', 'c1']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events.filter((event) => event.startsWith('sent'))).toEqual([
      'sent start',
      'sent wrong',
      'sent c1',
    ]);
  });
});
