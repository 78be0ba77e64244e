import { describe, expect, it } from 'vitest';
import { LinkPolicy, type LinkAnswer } from '../../../electron/hosts/desktop/link-policy';

// Issue 27, E9: main opened whatever https link the backend process asked for, adding the link's
// own host to the allow-list. Main now decides by its own list and asks the analyst, naming the
// host, for anything else, so a subverted backend cannot open a page silently.

function policy(answers: LinkAnswer[]) {
  const asked: string[] = [];
  const opened: string[] = [];
  const links = new LinkPolicy({
    confirm: (url) => {
      asked.push(url.hostname);
      return Promise.resolve(answers.shift() ?? 'cancel');
    },
    open: (url) => {
      opened.push(url.href);
      return Promise.resolve();
    },
  });
  return { links, asked, opened };
}

describe("main's link policy", () => {
  it('opens the help pages without asking', async () => {
    const { links, asked, opened } = policy([]);
    expect(await links.open('https://docs.sekoia.io/integration/')).toBe(true);
    expect(asked).toEqual([]);
    expect(opened).toEqual(['https://docs.sekoia.io/integration/']);
  });

  it('asks, naming the host, before opening any other host, and opens nothing on cancel', async () => {
    const { links, asked, opened } = policy(['cancel']);
    expect(await links.open('https://evil.example/phish')).toBe(false);
    expect(asked).toEqual(['evil.example']);
    expect(opened).toEqual([]);
  });

  it('opens once on "open", and without asking again on "trust"', async () => {
    const { links, asked, opened } = policy(['open', 'trust']);
    expect(await links.open('https://acme.sentinelone.net/a')).toBe(true);
    expect(await links.open('https://acme.sentinelone.net/b')).toBe(true);
    expect(await links.open('https://ACME.sentinelone.net/c')).toBe(true);
    expect(asked).toEqual(['acme.sentinelone.net', 'acme.sentinelone.net']);
    expect(opened).toHaveLength(3);
  });

  it.each([
    'http://docs.sekoia.io/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://user:pass@docs.sekoia.io/',
    'not a url',
  ])('refuses %s without asking', async (url) => {
    const { links, asked, opened } = policy(['open']);
    expect(await links.open(url)).toBe(false);
    expect(asked).toEqual([]);
    expect(opened).toEqual([]);
  });
});
