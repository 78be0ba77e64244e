import { request } from 'undici';

/** Where `npm run demo` serves its fake console, and its published (demo-only) token. */
export const DEMO_CONSOLE = { url: 'http://127.0.0.1:8089', token: 'demo-token' };

/**
 * The demo console if it answers right now; a short timeout keeps start-up snappy.
 * `S1INV_DEMO_URL` points elsewhere (the demo on another port, the browser tests).
 */
export async function findDemoConsole(
  demo = { ...DEMO_CONSOLE, url: process.env.S1INV_DEMO_URL ?? DEMO_CONSOLE.url },
): Promise<{ url: string; token: string } | undefined> {
  try {
    const response = await request(`${demo.url}/web/api/v2.1/system/info`, {
      headers: { authorization: `ApiToken ${demo.token}` },
      headersTimeout: 500,
      bodyTimeout: 500,
    });
    await response.body.dump();
    return response.statusCode === 200 ? demo : undefined;
  } catch {
    return undefined;
  }
}
