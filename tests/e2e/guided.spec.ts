/**
 * Reading and display help (issue 3, items 6–7) in Chromium: guided reading speaks each
 * question as a step appears and the error list when a step is refused (through the
 * bundled offline voice, headless Chromium having none), the high-contrast theme passes
 * axe's contrast rules, text can be made larger, and the next citizen starts with the
 * defaults.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from '@playwright/test';
import { chooseLanguage, openKioskOnline, startResidenceCertificate } from './support/kiosk.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

test('guided reading speaks each question and the errors; contrast and text size last for the session only', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openKioskOnline(page, process.env.RELAIS_URL!);
  await startResidenceCertificate(page);

  await page.getByTestId('display-button').click();
  await page.locator('[data-display="guided"]').click();
  await page.locator('[data-display="contrast"]').click();
  await page.locator('[data-display="largeText"]').click();
  await expect(page.locator('[data-display="guided"]')).toHaveAttribute('aria-pressed', 'true');
  await page.locator('.dialog .button.primary').click();

  // The step's questions are read in turn, each marked while it is read.
  await expect(page.locator('main .field .label[data-speaking="true"], main h1[data-speaking="true"]').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('#relais-speech-audio')).toHaveCount(1);

  // A refused step: the error list is read.
  await page.getByRole('button', { name: 'Suivant' }).click();
  await expect(page.locator('.error-summary[data-speaking="true"]')).toBeVisible({ timeout: 30_000 });

  // High contrast and larger text, checked by axe's contrast rules and the computed size.
  await expect(page.locator('html')).toHaveClass(/theme-contrast/);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('26px');
  await page.evaluate(axeSource);
  const contrast = (await page.evaluate(`axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast', 'color-contrast-enhanced'] } })`)) as { violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> };
  expect(contrast.violations.filter((v) => v.id === 'color-contrast').map((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);

  // Leaving the form ends the session: the next citizen gets the defaults.
  await page.getByRole('button', { name: 'Retour' }).click();
  await expect(page.locator('html')).not.toHaveClass(/theme-contrast/);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');
  await chooseLanguage(page, 'fr');
  await context.close();
});
