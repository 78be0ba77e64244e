// The Devices screen at fleet scale (issue 7): a real `s1inv serve` over a 100,000-device
// inventory, driven in Debian's Chromium. Measures the time from opening the Devices screen to
// its first rows, and from a quick-search keystroke to the updated grid. Every device has its
// applications and CVEs read and the "Software and CVEs" columns shown (issue 31), so each
// step also carries the enrichments and their facet.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from '@playwright/test';
import { gridFilesOf } from '../../electron/storage/grid-files';
import { run as runApps } from './apps';
import { benchGridServe } from './grid-serve';

export interface GridBenchResult {
  devices: number;
  firstRowsMs: number;
  allCountedMs: number;
  /** From serve's start until it had read the inventory (in a process of its own). */
  serveLoadMs: number;
  searchMs: number;
  sortMs: number;
  chipMs: number;
  facetMs: number;
  severityFacetMs: number;
  queryMs: number;
}

/** Applications per device: enough for every device to carry some CVEs, little for the fake. */
const APPS_PER_DEVICE = 10;

/** Times each action is repeated; the median is reported. */
const REPEATS = 5;

const firstLine = (child: ChildProcess) =>
  new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`exited early (${code})`)));
  });

export async function benchGrid(devices = 100_000): Promise<GridBenchResult> {
  const token = 'demo-token';
  const fake = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/bench/fake-console.ts',
      String(devices),
      '0',
      '0',
      String(APPS_PER_DEVICE),
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const dataDir = mkdtempSync(join(tmpdir(), 's1inv-bench-grid-'));
  let serve: ChildProcess | undefined;
  try {
    const url = await firstLine(fake);
    const cli = (...args: string[]) =>
      execFileSync(process.execPath, ['bin/s1inv.js', '--data-dir', dataDir, ...args], {
        env: { ...process.env, S1INV_BENCH_TOKEN: token },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    cli('console', 'add', '--name', 'bench', '--url', url, '--apis', 'agents');
    cli('sync', 'bench', '--token-env', 'S1INV_BENCH_TOKEN', '--json');
    // Applications and CVEs at the fake's own pace: at the API's, 100,000 agents take an hour.
    runApps('unpaced', url, dataDir);
    serve = spawn(process.execPath, ['bin/s1inv.js', '--data-dir', dataDir, 'serve'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const serveStarted = performance.now();
    const serveUrl = await firstLine(serve);
    // serve reads the inventory apart as it starts, without holding its pages back: the screen
    // is timed once that read is in (it writes the columns beside the database), as before.
    const { columns } = gridFilesOf(join(dataDir, 'inventory.sqlite'));
    while (!existsSync(columns)) await sleep(100);
    const serveLoadMs = performance.now() - serveStarted;
    const browser = await chromium.launch({
      executablePath: process.env.S1INV_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(serveUrl);
      await page.getByRole('heading', { name: 'Consoles' }).waitFor();
      /**
       * Arms the page to note when the next input event of `kind` reaches it (capture phase,
       * before the app's own handlers): a step is timed from there to the frame that shows its
       * effect, as the analyst sees it. Playwright's own work before it delivers the event
       * (finding the element, checking it is visible and still) is not the screen's, and took
       * 30–60 ms of each step measured from the test's side.
       */
      const arm = (kind: 'click' | 'keydown') =>
        page.evaluate((type) => {
          const w = window as unknown as { __stepStart?: number; __stepEnd?: number };
          w.__stepStart = undefined;
          w.__stepEnd = undefined;
          document.addEventListener(type, () => (w.__stepStart ??= performance.now()), {
            capture: true,
            once: true,
          });
        }, kind);
      const elapsed = () =>
        page.evaluate(() => {
          const w = window as unknown as { __stepStart?: number; __stepEnd?: number };
          return w.__stepEnd! - w.__stepStart!;
        });
      /**
       * Runs an action, then waits until the grid shows its effect: the footer's count has
       * changed, and the grid holds the rows of that answer (AG Grid's `aria-rowcount` is the
       * rows the data source returned, plus the header row).
       */
      const timed = async (kind: 'click' | 'keydown', action: () => Promise<void>) => {
        const before = await page.evaluate(
          () => document.querySelector('[data-testid="grid-footer"]')?.textContent ?? '',
        );
        await arm(kind);
        await action();
        await page.waitForFunction(
          (text) => {
            const footer = document.querySelector('[data-testid="grid-footer"]')?.textContent ?? '';
            const shown = /^Showing ([\d,]+)/.exec(footer)?.[1]?.replaceAll(',', '');
            const rowCount = document
              .querySelector('[aria-rowcount]')
              ?.getAttribute('aria-rowcount');
            const done =
              footer !== text && shown !== undefined && Number(rowCount) === Number(shown) + 1;
            if (done) (window as unknown as { __stepEnd?: number }).__stepEnd = performance.now();
            return done;
          },
          before,
          { polling: 'raf' },
        );
        return elapsed();
      };

      const opened = performance.now();
      await page
        .getByRole('navigation', { name: 'Screens' })
        .getByRole('button', { name: 'Devices' })
        .click();
      await page.locator('.ag-row').first().waitFor();
      const firstRowsMs = performance.now() - opened;
      await page.waitForFunction(
        () =>
          document.querySelector('[data-testid="grid-footer"]')?.textContent?.startsWith('Showing'),
        undefined,
        { polling: 'raf' },
      );
      const allCountedMs = performance.now() - opened;
      await page.getByRole('button', { name: 'Columns' }).click();
      await page.getByRole('menuitem', { name: 'Software and CVEs' }).click();
      await page.locator('.ag-header-cell[col-id="highestSeverity"]').waitFor();

      // Each action is timed several times (on, off, on…) and its median reported: one sample
      // on a shared machine says more about the machine than the screen.
      const median = (values: number[]) => [...values].sort((x, y) => x - y)[values.length >> 1]!;
      const repeat = async (times: number, action: (i: number) => Promise<number>) => {
        const samples: number[] = [];
        for (let i = 0; i < times; i += 1) samples.push(await action(i));
        return median(samples);
      };
      const search = page.getByLabel('Quick search');
      await search.focus();
      const searchMs = await repeat(REPEATS, (i) =>
        timed('keydown', () => page.keyboard.press(i % 2 === 0 ? '7' : 'Backspace')),
      );
      await search.fill('');
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="grid-footer"]')?.textContent?.startsWith('Showing'),
      );
      // A query typed in the query bar and applied with Enter (docs/query.md), two in turn.
      const bar = page.getByRole('combobox', { name: 'Query' });
      const queries = [
        'agent_version<23.4 AND NOT decommissioned',
        'last_seen>30d OR severity>=high',
      ];
      const queryMs = await repeat(REPEATS, async (i) => {
        await bar.fill(queries[i % 2]!);
        return timed('keydown', () => bar.press('Enter'));
      });
      await page
        .getByRole('group', { name: 'Active filters' })
        .getByRole('button', { name: 'Clear all filters' })
        .click();
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="grid-footer"]')?.textContent?.startsWith('Showing'),
      );
      const header = page.locator('.ag-header-cell[col-id="hostname"]');
      const sortMs = await repeat(REPEATS, async (i) => {
        // Ascending, descending, none: the header says which once the grid has drawn its rows.
        const next = ['ascending', 'descending', null][i % 3];
        await arm('click');
        await header.locator('.ag-header-cell-label').click();
        await page.waitForFunction(
          (want) => {
            const sort = document
              .querySelector('.ag-header-cell[col-id="hostname"]')
              ?.getAttribute('aria-sort');
            const done = (sort ?? null) === want || (want === null && sort === 'none');
            if (done) (window as unknown as { __stepEnd?: number }).__stepEnd = performance.now();
            return done;
          },
          next,
          { polling: 'raf' },
        );
        return elapsed();
      });
      const chip = page.getByRole('button', { name: /^Infected/ });
      const chipMs = await repeat(REPEATS, () => timed('click', () => chip.click()));
      const facet = page
        .getByRole('complementary', { name: 'Filters' })
        .getByRole('checkbox', { name: /^Site: / })
        .first();
      const facetMs = await repeat(REPEATS, () => timed('click', () => facet.click()));
      const severity = page
        .getByRole('complementary', { name: 'Filters' })
        .getByRole('checkbox', { name: /^Highest severity: Critical/ });
      const severityFacetMs = await repeat(REPEATS, () => timed('click', () => severity.click()));
      return {
        devices,
        firstRowsMs,
        allCountedMs,
        serveLoadMs,
        searchMs,
        sortMs,
        chipMs,
        facetMs,
        severityFacetMs,
        queryMs,
      };
    } finally {
      await browser.close();
    }
  } finally {
    serve?.kill('SIGTERM');
    fake.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Issue 29: at 100,000 devices, each step in under 150 ms (issue 7 asked 200). */
const ACTION_TARGET_MS = 150;
const met = (ms: number, target: number) => (ms <= target ? 'met' : 'MISSED');

export function printGridResult(r: GridBenchResult): void {
  console.log(
    `Devices screen in Chromium over s1inv serve (${r.devices.toLocaleString('en')} devices, ${APPS_PER_DEVICE} applications each and their CVEs, "Software and CVEs" columns shown)`,
  );
  console.log(
    `  first rows ${Math.round(r.firstRowsMs)} ms after opening (target < 1,000 ms: ${met(r.firstRowsMs, 1000)}); every device loaded and counted ${Math.round(r.allCountedMs)} ms; serve read the inventory ${Math.round(r.serveLoadMs)} ms after it started`,
  );
  for (const [label, ms] of [
    ['quick-search keystroke', r.searchMs],
    ['sort by hostname', r.sortMs],
    ['one-click filter (Infected)', r.chipMs],
    ['facet value (a site)', r.facetMs],
    ['facet value (Highest severity: Critical)', r.severityFacetMs],
    ['query applied (Enter in the query bar)', r.queryMs],
  ] as const) {
    console.log(
      `  ${label} to updated grid ${Math.round(ms)} ms, median of ${REPEATS} (target < ${ACTION_TARGET_MS} ms: ${met(ms, ACTION_TARGET_MS)})`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printGridResult(await benchGrid(Number(process.argv[2] ?? 100_000)));
  // Issue 29's million, as serve holds it: `npm run bench:grid` prints both sizes' targets.
  await benchGridServe(1_000_000);
}
