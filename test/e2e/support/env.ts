import { test as base } from '@playwright/test';

export interface E2eEnv {
  serveUrl: string;
  origin: string;
  dataDir: string;
  s1: { url: string; token: string; agents: number; threats: number; appsPerAgent: number };
  sekoia: { url: string; key: string; inspectUrl: string };
  keychainEnv: Record<string, string>;
}

export const e2eEnv = (): E2eEnv => JSON.parse(process.env.S1INV_E2E!) as E2eEnv;

/** A page signed in to `s1inv serve`: it opened the printed URL, so its tab holds the token. */
export const test = base.extend({
  page: async ({ page }, use) => {
    await page.goto(e2eEnv().serveUrl);
    await use(page);
  },
});
export { expect } from '@playwright/test';

/** This launch's token, from the printed URL's fragment: API calls made from the test send it. */
export const apiHeaders = (): Record<string, string> => ({
  'x-s1inv-token': /#token=([\w-]+)/.exec(e2eEnv().serveUrl)![1]!,
});
