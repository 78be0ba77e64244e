import { describe, expect, it } from 'vitest';
import { PageStoreQueue } from '../../../electron/domains/sync/page-store-queue';

// The walk's pages are stored in walk order, only when the walk asks (right after a request has
// left), and a page whose preparation failed fails the walk when its turn comes.

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('PageStoreQueue', () => {
  it('stores ready pages in walk order, no more than asked, never one behind an unready page', async () => {
    const stored: string[] = [];
    const queue = new PageStoreQueue<string, number>((page, n) => stored.push(`${page}:${n}`));
    const [a, b, c, d] = [
      deferred<number>(),
      deferred<number>(),
      deferred<number>(),
      deferred<number>(),
    ];
    queue.add('a', a.promise);
    queue.add('b', b.promise);
    queue.add('c', c.promise);
    queue.add('d', d.promise);
    b.resolve(2);
    c.resolve(3);
    await settle();
    expect(queue.storeReady(2)).toBe(0); // b and c wait for a
    a.resolve(1);
    await settle();
    expect(queue.storeReady(2)).toBe(2);
    expect(stored).toEqual(['a:1', 'b:2']);
    expect(queue.size).toBe(2);
    const all = queue.storeAll();
    d.resolve(4);
    await all;
    expect(stored).toEqual(['a:1', 'b:2', 'c:3', 'd:4']);
    expect(queue.size).toBe(0);
  });

  it('fails with the preparation error when the failed page is next, after the pages before it', async () => {
    const stored: string[] = [];
    const queue = new PageStoreQueue<string, number>((page) => stored.push(page));
    queue.add('a', Promise.resolve(1));
    queue.add('b', Promise.reject(new Error('worker died')));
    queue.add('c', Promise.resolve(3));
    await settle();
    expect(() => queue.storeReady(3)).toThrow('worker died');
    expect(stored).toEqual(['a']);
    await queue.storeAll();
    expect(stored).toEqual(['a', 'c']);
  });

  it('waits for the head page when asked to store the next one', async () => {
    const stored: string[] = [];
    const queue = new PageStoreQueue<string, number>((page) => stored.push(page));
    const a = deferred<number>();
    queue.add('a', a.promise);
    const next = queue.storeNext();
    await settle();
    expect(stored).toEqual([]);
    a.resolve(1);
    await next;
    expect(stored).toEqual(['a']);
  });
});
