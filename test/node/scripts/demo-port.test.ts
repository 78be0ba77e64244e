import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenForDemo } from '../../../scripts/demo-port';
import { FakeS1Console } from '../../support/fake-s1/server';

// `npm run demo` when its port is taken (issue 30, item 5): a free port and a sentence, or, for a
// port the analyst named, an error that says what to do; never an EADDRINUSE stack.

let blocker: Server;
let takenPort: number;
const started: FakeS1Console[] = [];
const start = async (port: number) => {
  const s1 = await FakeS1Console.start({ port });
  started.push(s1);
  return s1;
};

beforeAll(async () => {
  blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  takenPort = (blocker.address() as AddressInfo).port;
});
afterAll(async () => {
  for (const s1 of started) await s1.close();
  blocker.close();
});

describe('the demo console port', () => {
  it('keeps a named free port', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const free = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const { server, note } = await listenForDemo(String(free), start);
    expect(server.url).toBe(`http://127.0.0.1:${free}`);
    expect(note).toBeUndefined();
  });

  it('refuses a named port that is taken, saying what to do', async () => {
    await expect(listenForDemo(String(takenPort), start)).rejects.toThrow(
      `Port ${takenPort} (S1INV_DEMO_PORT) is taken by another program: choose another port, or unset S1INV_DEMO_PORT`,
    );
    await expect(listenForDemo('80a', start)).rejects.toThrow(/give a port number/);
  });

  it('moves to a free port when its usual one is taken, and says so', async () => {
    // Its usual port, as the test finds it: taken here by the blocker.
    const usualTaken = async (port: number) => start(port === 8089 ? takenPort : port);
    const { server, note } = await listenForDemo(undefined, usualTaken);
    expect(server.url).not.toBe(`http://127.0.0.1:${takenPort}`);
    expect(note).toMatch(/Port 8089 is taken .*free port instead/);
    expect((await fetch(`${server.url}/web/api/v2.1/system/info`)).status).toBeLessThan(500);
  });
});
