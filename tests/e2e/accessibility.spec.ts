/**
 * axe-core (WCAG 2.x A and AA rules) on every screen a citizen goes through, in Arabic
 * (right to left) and French. A violation fails the test with its rule id and targets.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { openKioskOnline } from './support/kiosk.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function violations(page: Page, screen: string): Promise<string[]> {
  await page.addScriptTag({ content: axeSource }).catch(async () => {
    // The kiosk's CSP forbids inline scripts: evaluate the source instead.
    await page.evaluate(axeSource);
  });
  const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })`)) as {
    violations: Array<{ id: string; nodes: Array<{ target: string[] }> }>;
  };
  return result.violations.map((v) => `${screen}: ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const lang of ['ar', 'fr'] as const) {
  test(`every screen of an application passes axe's WCAG A/AA rules in ${lang}`, async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openKioskOnline(page, process.env.RELAIS_URL!, lang);
    const found: string[] = [];
    found.push(...(await violations(page, 'home')));
    await page.locator('[data-service="residence-certificate"]').click();
    found.push(...(await violations(page, 'service intro')));
    await page.locator('.actions .button.primary').click();
    found.push(...(await violations(page, 'consent')));
    await page.locator('.actions .button.primary').click();
    found.push(...(await violations(page, 'form step')));
    await page.locator('.actions .button.primary').click(); // next with nothing filled: errors
    await expect(page.locator('.error-summary')).toBeFocused();
    found.push(...(await violations(page, 'form step with errors')));
    await page.getByTestId('queue-chip').click();
    found.push(...(await violations(page, 'applications')));
    expect(found).toEqual([]);
    await context.close();
  });
}
