import { defineConfig } from '@playwright/test';

// `npm run test:electron`: the real Electron shell through Playwright's _electron driver. Runs
// wherever the Electron binary is installed (not on machines that skip its download).
export default defineConfig({
  testDir: 'test/electron',
  outputDir: 'test-results/electron',
  workers: 1,
  retries: 0,
  reporter: [['list']],
});
