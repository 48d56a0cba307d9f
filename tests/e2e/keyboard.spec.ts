/**
 * The on-screen keyboard in real Chromium, on the residence certificate: each field gets
 * the keys it expects, keys type at the caret without taking the focus from the field, the
 * value reaches the review screen, and the form with the keyboard open passes axe.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { chooseLanguage, DEMO_SUPERVISOR, openKioskOnline, signInStaff, startResidenceCertificate, switchLanguage } from './support/kiosk.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe violations (WCAG 2.x A/AA) on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })`)) as {
    violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const osk = (page: Page, field: string) => page.locator(`#field-${field}-osk`);
const key = (keyboard: Locator, text: string) => keyboard.locator(`.osk-key[data-key="${text}"]`);

async function clickKeys(keyboard: Locator, texts: string[]): Promise<void> {
  for (const text of texts) await key(keyboard, text).click();
}

test('typing a name in Tifinagh and a phone number on the digit pad, through to the review screen (fr)', async ({ page }) => {
  await openKioskOnline(page, process.env.RELAIS_URL!, 'fr');
  await startResidenceCertificate(page);

  const name = page.locator('#field-fullName');
  await expect(osk(page, 'fullName')).toHaveCount(0);
  await page.locator('#field-fullName-osk-toggle').click();
  const keyboard = osk(page, 'fullName');
  await expect(keyboard).toBeVisible();
  await expect(page.locator('#field-fullName-osk-toggle')).toHaveAttribute('aria-expanded', 'true');
  // A French UI opens on the Latin layout; switch to Tifinagh.
  await expect(keyboard).toHaveAttribute('data-layout', 'latin');
  await keyboard.getByRole('button', { name: /ⵜⵉⴼⵉⵏⴰⵖ/ }).click();
  await expect(keyboard).toHaveAttribute('data-layout', 'tifinagh');
  await expect(keyboard.getByRole('button', { name: /ⵜⵉⴼⵉⵏⴰⵖ/ })).toHaveAttribute('aria-pressed', 'true');

  await clickKeys(keyboard, ['ⴰ', 'ⵣ', 'ⵓ', 'ⵍ']);
  await expect(name).toHaveValue('ⴰⵣⵓⵍ');
  // The keys never took the focus from the field.
  await expect(name).toBeFocused();

  // Keys type at the caret: put it after ⴰ and type ⵔ, then take it back.
  await name.evaluate((el: HTMLInputElement) => el.setSelectionRange(1, 1));
  await key(keyboard, 'ⵔ').click();
  await expect(name).toHaveValue('ⴰⵔⵣⵓⵍ');
  expect(await name.evaluate((el: HTMLInputElement) => el.selectionStart)).toBe(2);
  await keyboard.getByRole('button', { name: 'Effacer le caractère avant le curseur' }).click();
  await expect(name).toHaveValue('ⴰⵣⵓⵍ');

  // Over a selection, a key replaces it: select ⵣⵓ, type Shift+ⵣ (the emphatic ⵥ).
  await name.evaluate((el: HTMLInputElement) => el.setSelectionRange(1, 3));
  const shift = keyboard.getByRole('button', { name: 'Lettres emphatiques' });
  await shift.click();
  await expect(shift).toHaveAttribute('aria-pressed', 'true');
  await key(keyboard, 'ⵥ').click();
  await expect(name).toHaveValue('ⴰⵥⵍ');
  await expect(shift).toHaveAttribute('aria-pressed', 'false'); // Shift is for one letter
  await expect(key(keyboard, 'ⵣ')).toBeVisible();
  await keyboard.getByRole('button', { name: 'Effacer le caractère avant le curseur' }).click();
  await clickKeys(keyboard, ['ⵣ', 'ⵓ']);
  await name.evaluate((el: HTMLInputElement) => el.setSelectionRange(el.value.length, el.value.length));
  await expect(name).toHaveValue('ⴰⵣⵓⵍ');

  // The Arabic layout is there too, and lays its keys out right to left.
  await keyboard.getByRole('button', { name: /عربي/ }).click();
  await expect(keyboard).toHaveAttribute('data-layout', 'arabic');
  await expect(keyboard.locator('.osk-row').first()).toHaveAttribute('dir', 'rtl');
  const first = (await key(keyboard, 'ض').boundingBox())!;
  const second = (await key(keyboard, 'ص').boundingBox())!;
  expect(first.x).toBeGreaterThan(second.x);
  await keyboard.getByRole('button', { name: /ⵜⵉⴼⵉⵏⴰⵖ/ }).click();

  // Keys are large enough for a finger.
  for (const box of await keyboard.locator('.osk-key').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ w: r.width, h: r.height })))) {
    expect(box.w).toBeGreaterThanOrEqual(44);
    expect(box.h).toBeGreaterThanOrEqual(44);
  }

  // axe, with the keyboard open on the form: nothing serious or critical.
  expect(await seriousViolations(page)).toEqual([]);

  // Another text field: the keyboard follows the focus; the first one closes.
  await page.getByRole('button', { name: 'Fermer le clavier' }).click();
  await expect(keyboard).toHaveCount(0);
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('ⴰⵣⵓⵍ');

  // The ID card number: capitals and digits only.
  await page.locator('#field-cnie-osk-toggle').click();
  const cnie = osk(page, 'cnie');
  await expect(cnie).toHaveAttribute('data-layout', 'cnie');
  const cnieKeys = await cnie.locator('.osk-key[data-key]').evaluateAll((els) => els.map((el) => el.getAttribute('data-key')!));
  expect(cnieKeys.every((k) => /^[A-Z0-9]$/.test(k))).toBe(true);
  await clickKeys(cnie, [...'JB123456']);
  await expect(page.locator('#field-cnie')).toHaveValue('JB123456');
  // A native date input keeps its own picker: no on-screen keyboard button.
  await expect(page.locator('#field-birthDate-osk-toggle')).toHaveCount(0);
  await page.locator('#field-birthDate').fill('1984-05-17');
  await page.getByRole('button', { name: 'Suivant' }).click();

  // A physical keyboard keeps working with the on-screen one open.
  await page.locator('#field-douar-osk-toggle').click();
  await expect(osk(page, 'douar')).toBeVisible();
  await page.keyboard.type('Douar Tafraout');
  await expect(page.locator('#field-douar')).toHaveValue('Douar Tafraout');
  // Focusing the next text field moves the open keyboard there.
  await page.locator('#field-commune').focus();
  await expect(osk(page, 'douar')).toHaveCount(0);
  await expect(osk(page, 'commune')).toBeVisible();
  await clickKeys(osk(page, 'commune'), ['T', 'a', 'f', 'r', 'a', 'o', 'u', 't']); // Shift came on by itself for the first letter
  await expect(page.locator('#field-commune')).toHaveValue('Tafraout');
  await page.getByRole('button', { name: 'Fermer le clavier' }).click();
  await page.locator('#field-residentSince').fill('2010-09-01');
  await page.locator('input[name="housingStatus"][value="owner"]').check();
  await page.getByRole('button', { name: 'Suivant' }).click();

  // The phone number: the digit pad and nothing else.
  await page.locator('input[name="purpose"][value="bank"]').check();
  await page.locator('#field-phone-osk-toggle').click();
  const pad = osk(page, 'phone');
  await expect(pad).toHaveAttribute('data-layout', 'phone');
  const padKeys = await pad.locator('.osk-key[data-key]').evaluateAll((els) => els.map((el) => el.getAttribute('data-key')!));
  expect(padKeys.sort()).toEqual([...'+0123456789'].sort());
  await expect(pad.locator('.osk-layout')).toHaveCount(0); // no switching to letters
  await expect(pad.locator('.osk-space')).toHaveCount(0);
  await clickKeys(pad, [...'06612345677']);
  await pad.getByRole('button', { name: 'Effacer le caractère avant le curseur' }).click();
  await expect(page.locator('#field-phone')).toHaveValue('0661234567');
  await expect(page.locator('#field-phone')).toBeFocused();
  await page.getByRole('button', { name: 'Suivant' }).click();

  await expect(page.getByRole('heading', { name: 'Vérifiez vos réponses' })).toBeVisible();
  await expect(page.locator('.review-row', { hasText: 'Prénom et nom' }).locator('dd')).toHaveText('ⴰⵣⵓⵍ');
  await expect(page.locator('.review-row', { hasText: 'Numéro de la CNIE' }).locator('dd')).toContainText('JB123456');
  await expect(page.locator('.review-row', { hasText: 'Commune' }).locator('dd')).toHaveText('Tafraout');
  await expect(page.locator('.review-row', { hasText: 'Numéro de téléphone' }).locator('dd')).toContainText('61 23 45 67');
});

test('in Arabic the keyboard opens on the Arabic layout, right to left, and passes axe', async ({ page }) => {
  await openKioskOnline(page, process.env.RELAIS_URL!, 'ar');
  await page.locator('[data-service="residence-certificate"]').click();
  await page.locator('.actions .button.primary').click();
  await page.locator('.actions .button.primary').click();
  await page.locator('#field-fullName-osk-toggle').click();
  const keyboard = osk(page, 'fullName');
  await expect(keyboard).toHaveAttribute('data-layout', 'arabic');
  await expect(keyboard.locator('.osk-row').first()).toHaveAttribute('dir', 'rtl');
  await expect(key(keyboard, 'ض')).toHaveAttribute('lang', 'ar');
  await clickKeys(keyboard, ['ع', 'ا', 'ئ', 'ش', 'ة']);
  await keyboard.getByRole('button', { name: 'مسافة' }).click();
  await expect(page.locator('#field-fullName')).toHaveValue('عائشة ');
  await keyboard.getByRole('button', { name: 'حذف الحرف قبل المؤشر' }).click();
  await expect(page.locator('#field-fullName')).toHaveValue('عائشة');
  expect(await seriousViolations(page)).toEqual([]);
  // Opening another field's keyboard closes this one.
  await page.locator('#field-cnie-osk-toggle').click();
  await expect(osk(page, 'cnie')).toHaveAttribute('data-layout', 'cnie');
  await expect(keyboard).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
});

test('an Amazigh UI language opens text fields on Tifinagh, or on Latin when it is written in Latin', async ({ page }) => {
  await openKioskOnline(page, process.env.RELAIS_URL!, 'fr');
  await startResidenceCertificate(page);
  await switchLanguage(page, 'zgh');
  const toggle = page.locator('#field-fullName-osk-toggle');
  await toggle.click();
  const keyboard = osk(page, 'fullName');
  await expect(keyboard).toHaveAttribute('data-layout', 'tifinagh');
  await expect(key(keyboard, 'ⴰ')).toHaveAttribute('lang', 'zgh');
  await clickKeys(keyboard, ['ⴰ', 'ⵣ', 'ⵓ', 'ⵍ']);
  await expect(page.locator('#field-fullName')).toHaveValue('ⴰⵣⵓⵍ');
  expect(await seriousViolations(page)).toEqual([]);
  // Tachelhit in Latin script: the Latin layout with the Amazigh letters; the value stays.
  await switchLanguage(page, 'shi-Latn');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(keyboard).toHaveAttribute('data-layout', 'latin');
  await expect(page.locator('#field-fullName')).toHaveValue('ⴰⵣⵓⵍ');
  await page.locator('#field-fullName').fill('');
  await clickKeys(keyboard, ['Ɣ', 'ṛ', 'ɛ']);
  await expect(page.locator('#field-fullName')).toHaveValue('Ɣṛɛ');
  await expect(key(keyboard, 'ɛ')).toHaveAttribute('lang', 'zgh-Latn');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the service search box has the keyboard: typed keys filter the services; an ID card’s MRZ gets its own keys and a PIN the digit pad', async ({ page }) => {
  await openKioskOnline(page, process.env.RELAIS_URL!, 'fr');
  const box = page.locator('#service-search-input');
  await page.locator('#service-search-input-osk-toggle').click();
  const keyboard = page.locator('#service-search-input-osk');
  await expect(keyboard).toHaveAttribute('data-layout', 'latin');
  await clickKeys(keyboard, ['R', 'e', 's', 'i', 'd']);
  await expect(box).toHaveValue('Resid');
  await expect(box).toBeFocused();
  await expect(page.locator('[data-service="residence-certificate"]')).toBeVisible();
  await expect(page.locator('[data-service="life-certificate"]')).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  // In Standard Amazigh the box's keyboard is Tifinagh.
  await switchLanguage(page, 'zgh');
  if ((await page.locator('#service-search-input-osk-toggle').getAttribute('aria-expanded')) !== 'true') await page.locator('#service-search-input-osk-toggle').click();
  await expect(keyboard).toHaveAttribute('data-layout', 'tifinagh');
  await switchLanguage(page, 'fr');

  // The MRZ lines of an ID card: capitals, digits and <, no other layout.
  await box.fill('');
  await startResidenceCertificate(page);
  await page.getByRole('button', { name: 'Lire la carte d’identité (MRZ)' }).click();
  await page.locator('#mrz-input-osk-toggle').click();
  const mrz = page.locator('#mrz-input-osk');
  await expect(mrz).toHaveAttribute('data-layout', 'mrz');
  await expect(mrz.locator('.osk-switch')).toHaveCount(0);
  await clickKeys(mrz, ['I', 'D', 'M', 'A', 'R', '<']);
  await expect(page.locator('#mrz-input')).toHaveValue('IDMAR<');

  // A supervisor's PIN (here, to open the relay's terminals) is typed on the digit pad.
  await page.getByRole('button', { name: 'Retour' }).click(); // leaving the form ends the session
  await chooseLanguage(page, 'fr');
  await signInStaff(page, DEMO_SUPERVISOR.id, DEMO_SUPERVISOR.pin);
  await page.getByRole('button', { name: 'Terminaux du relais' }).click();
  const pinToggle = page.locator('.osk-toggle').first();
  await pinToggle.click();
  const pad = page.locator('.osk[data-layout="pin"]');
  await expect(pad).toBeVisible();
  await clickKeys(pad, [...DEMO_SUPERVISOR.pin]);
  await expect(page.locator('input[type="password"]')).toHaveValue(DEMO_SUPERVISOR.pin);
});

test('by keyboard alone: Tab reaches the toggle and the keys, Enter types, Escape closes', async ({ page }) => {
  await openKioskOnline(page, process.env.RELAIS_URL!, 'fr');
  await startResidenceCertificate(page);
  const name = page.locator('#field-fullName');
  await name.focus();
  await page.keyboard.type('Ali');
  await page.keyboard.press('Tab');
  await expect(page.locator('#field-fullName-osk-toggle')).toBeFocused();
  await page.keyboard.press('Enter');
  const keyboard = osk(page, 'fullName');
  await expect(keyboard).toBeVisible();
  // Into the keyboard: the auto-open setting first, then the close button, then the keys.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const focused = keyboard.locator('.osk-key:focus');
  await expect(focused).toHaveAttribute('data-key', 'a');
  // The focus is visible.
  expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(name).toHaveValue('Aliaa');
  await page.keyboard.press('Escape');
  await expect(keyboard).toHaveCount(0);
  await expect(name).toBeFocused();
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true });

  test('touching a text field opens the keyboard; touching keys types without losing the field; the setting turns it off', async ({ page }) => {
    await openKioskOnline(page, process.env.RELAIS_URL!, 'fr');
    await startResidenceCertificate(page);
    const name = page.locator('#field-fullName');
    await name.tap();
    const keyboard = osk(page, 'fullName');
    await expect(keyboard).toBeVisible();
    await expect(name).toBeFocused();
    // The system's own touch keyboard is kept away while ours is open.
    await expect(name).toHaveAttribute('inputmode', 'none');
    await keyboard.getByRole('button', { name: /ⵜⵉⴼⵉⵏⴰⵖ/ }).tap();
    for (const text of ['ⴰ', 'ⵣ', 'ⵓ', 'ⵍ']) await key(keyboard, text).tap();
    await expect(name).toHaveValue('ⴰⵣⵓⵍ');
    await expect(name).toBeFocused();

    // "Open on touch" off: remembered, and touching a field no longer opens the keyboard.
    await keyboard.getByLabel('Ouvrir le clavier au toucher d’un champ').uncheck();
    expect(await page.evaluate(() => localStorage.getItem('relais.osk'))).toBe('off');
    await page.getByRole('button', { name: 'Fermer le clavier' }).tap();
    await expect(keyboard).toHaveCount(0);
    await page.locator('#field-cnie').tap();
    await expect(osk(page, 'cnie')).toHaveCount(0);
    // The button still opens it.
    await page.locator('#field-cnie-osk-toggle').tap();
    await expect(osk(page, 'cnie')).toBeVisible();
    await page.evaluate(() => localStorage.removeItem('relais.osk'));
  });
});
