import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * The critical and serious axe-core violations inside `selector` (a dialog, a drawer, a card),
 * as "rule: target" lines, so a failing test names what to fix.
 */
export async function seriousA11yViolations(page: Page, selector: string): Promise<string[]> {
  // After MUI's enter transitions (225 ms): a menu fading in has every colour washed out.
  await page.waitForTimeout(350);
  const { violations } = await new AxeBuilder({ page }).include(selector).analyze();
  return violations
    .filter((violation) => violation.impact === 'critical' || violation.impact === 'serious')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
    );
}
