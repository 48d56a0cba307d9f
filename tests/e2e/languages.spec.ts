/**
 * Languages in Chromium (issue 3, item 1): the welcome screen's nine languages, Tifinagh
 * drawn with the bundled font, Arabic laid out right to left, a language switch in the
 * middle of a form that keeps every answer, Amazigh dates from our own month names, and
 * the supervisor's translation status.
 */
import { expect, test } from '@playwright/test';
import { monthNames } from '../../src/core/i18n/calendar.ts';
import { DEMO_SUPERVISOR, chooseLanguage, fillResidenceCertificate, openKioskOnline, signInStaff, startResidenceCertificate, switchLanguage } from './support/kiosk.ts';

test('the welcome screen offers every language by its own name; Tifinagh is drawn with the bundled font', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openKioskOnline(page, process.env.RELAIS_URL!);
  await page.reload(); // a fresh start shows the welcome screen
  const buttons = page.locator('.welcome .language-button');
  await expect(buttons).toHaveText(['العربية', 'Français', 'ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵏⴰⵡⴰⵢⵜ', 'ⵜⴰⵛⵍⵃⵉⵜ', 'Tacelḥit', 'ⵜⴰⵎⴰⵣⵉⵖⵜ ⵏ ⵡⴰⵟⵍⴰⵙ', 'Tamaziɣt n Waṭlas', 'ⵜⴰⵔⵉⴼⵉⵜ', 'Tarifit']);
  await expect(page.locator('.welcome .language-button[data-lang="shi-Tfng"]')).toHaveAttribute('lang', 'shi-Tfng');

  await chooseLanguage(page, 'shi-Tfng');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ⵙⵜⵉ ⵢⴰⵜ ⵜⴰⵎⵀⵍⵜ');
  const font = await page.evaluate(async () => {
    await document.fonts.ready;
    const faces = [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Noto Sans Tifinagh' && f.status === 'loaded');
    return { loaded: faces.length, check: document.fonts.check('24px "Noto Sans Tifinagh"', 'ⵜⴰⵛⵍⵃⵉⵜ'), family: getComputedStyle(document.querySelector('h1')!).fontFamily };
  });
  expect(font.loaded).toBeGreaterThan(0);
  expect(font.check).toBe(true);
  expect(font.family).toContain('Noto Sans Tifinagh');
  // The citizen's strings are all drafted (no notice); the demo catalog's text is in Arabic and
  // French only, and each such title carries its own language so it is read and drawn as such.
  await expect(page.locator('.fallback-notice')).toHaveCount(0);
  await expect(page.locator('.service-grid [lang="ar"]').first()).toBeVisible();
  await context.close();
});

test('Arabic is laid out right to left', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openKioskOnline(page, process.env.RELAIS_URL!, 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const layout = await page.evaluate(() => {
    const home = document.querySelector('.top-bar button')!.getBoundingClientRect();
    return { direction: getComputedStyle(document.body).direction, homeOnTheRight: home.left > window.innerWidth / 2 };
  });
  expect(layout).toEqual({ direction: 'rtl', homeOnTheRight: true });
  await context.close();
});

test('switching language in the middle of a form keeps every answer, and an Amazigh receipt dates with Amazigh month names', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openKioskOnline(page, process.env.RELAIS_URL!);
  await startResidenceCertificate(page);
  await page.getByLabel('Prénom et nom').fill('Yamna Ait Lhaj');
  await page.getByLabel('Numéro de la CNIE').fill('JB123456');
  await switchLanguage(page, 'shi-Latn');
  await expect(page.locator('#field-fullName')).toHaveValue('Yamna Ait Lhaj');
  await expect(page.locator('#field-cnie')).toHaveValue('JB123456');
  await switchLanguage(page, 'fr');
  await expect(page.getByLabel('Prénom et nom')).toHaveValue('Yamna Ait Lhaj');
  await page.getByRole('button', { name: 'Retour' }).click(); // leave the form: the draft is discarded
  await chooseLanguage(page, 'fr');

  await fillResidenceCertificate(page, 'Yamna Ait Lhaj');
  await switchLanguage(page, 'shi-Latn');
  await page.locator('main .actions .button.primary').click(); // "Azn asuter"
  await expect(page.getByTestId('tracking-code')).toBeVisible();
  const month = monthNames('shi-Latn')[Number(new Intl.DateTimeFormat('en', { month: 'numeric', timeZone: 'Africa/Casablanca' }).format(new Date())) - 1]!;
  await expect(page.locator('main')).toContainText(month);
  await context.close();
});

test('the supervisor sees how much of each language is translated and reviewed', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openKioskOnline(page, process.env.RELAIS_URL!);
  await signInStaff(page, DEMO_SUPERVISOR.id, DEMO_SUPERVISOR.pin);
  await page.getByRole('button', { name: 'Traductions' }).click();
  await expect(page.locator('tr[data-lang]')).toHaveCount(9);
  const fr = page.locator('tr[data-lang="fr"] td[data-translated]');
  const total = Number(/sur (\d+)/.exec((await fr.textContent())!)![1]);
  await expect(fr).toHaveText(`${total} sur ${total}`);
  const shi = page.locator('tr[data-lang="shi-Latn"]');
  const translated = Number(await shi.locator('td[data-translated]').getAttribute('data-translated'));
  expect(translated).toBeGreaterThanOrEqual(561); // common, errors and the staff-only namespaces are drafted (a staff key added since may not be yet)
  expect(translated).toBeLessThanOrEqual(total);
  await expect(shi.locator('td[data-reviewed]')).toHaveText(`0 sur ${translated}`); // drafts: nobody has reviewed them yet
  await context.close();
});
