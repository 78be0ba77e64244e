import { defineConfig } from '@playwright/test';

// Browser tests drive the real renderer in Debian's Chromium: Playwright's own browser
// downloads are never used (they cannot be fetched on these machines).
const CHROMIUM = process.env.S1INV_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  // Tests run against the real `s1inv serve` with fake remote services (see global-setup).
  globalSetup: './test/e2e/global-setup.ts',
  use: {
    launchOptions: {
      executablePath: CHROMIUM,
      // Without these, Chromium keeps dialing out on a closed network.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'off',
  },
});
