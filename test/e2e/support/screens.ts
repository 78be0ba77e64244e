import type { Page } from '@playwright/test';

// What every walk does with a screen: look at it, move to another, read the grid's footer.

/** After MUI's enter transitions (225 ms), so a person sees the screen as it settles. */
export const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(350);
  await page.screenshot({ path: `artifacts/screenshots/${name}.png`, fullPage: false });
};

export const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name }).click();

export const footer = (page: Page) => page.getByTestId('grid-footer');

/** Scrolls the device grid to its right-hand columns (the enrichments), hostname still pinned. */
export const scrollGridRight = (page: Page) =>
  page.locator('.ag-body-horizontal-scroll-viewport').evaluate((bar) => {
    bar.scrollLeft = bar.scrollWidth;
  });
