/**
 * axe-core (WCAG 2.x A and AA rules) on every screen a citizen goes through, in each of
 * the nine languages (Arabic right to left, Tifinagh and Latin Amazigh), and on the staff
 * screens. A violation fails the test with its rule id and targets.
 */
import { expect, test } from '@playwright/test';
import { UI_LANGUAGES } from '../../src/core/i18n/languages.ts';
import { violations } from './support/axe.ts';
import { DEMO_SUPERVISOR, openKioskOnline, signInStaff } from './support/kiosk.ts';

for (const lang of UI_LANGUAGES) {
  test(`every screen of an application passes axe's WCAG A/AA rules in ${lang}`, async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openKioskOnline(page, process.env.RELAIS_URL!, lang);
    const found: string[] = [];
    found.push(...(await violations(page, 'home')));
    await page.getByTestId('language-button').click();
    found.push(...(await violations(page, 'language dialog')));
    await page.locator('.dialog .actions .button').click();
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

test("the welcome screen and the supervisor's screens pass axe's WCAG A/AA rules", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openKioskOnline(page, process.env.RELAIS_URL!);
  await page.reload();
  const found: string[] = [...(await violations(page, 'welcome'))];
  await page.locator('.welcome .language-button[data-lang="fr"]').click();
  await signInStaff(page, DEMO_SUPERVISOR.id, DEMO_SUPERVISOR.pin);
  await page.getByRole('button', { name: 'Terminaux du relais' }).click();
  found.push(...(await violations(page, 'terminals, PIN')));
  await page.locator('#terminals-pin').fill(DEMO_SUPERVISOR.pin);
  await page.getByRole('button', { name: 'Confirmer' }).click();
  await expect(page.locator('.terminal-item')).not.toHaveCount(0);
  found.push(...(await violations(page, 'terminals')));
  await page.getByRole('button', { name: 'Retour' }).click();
  await page.getByRole('button', { name: 'Traductions' }).click();
  await expect(page.locator('tr[data-lang]')).toHaveCount(9);
  found.push(...(await violations(page, 'translations')));
  await page.getByRole('button', { name: 'Retour' }).click();
  await page.getByTestId('figures-button').click(); // the PIN was confirmed on the terminals screen
  await expect(page.locator('.bar-chart canvas')).toHaveCount(5);
  found.push(...(await violations(page, 'figures')));
  expect(found).toEqual([]);
  await context.close();
});
