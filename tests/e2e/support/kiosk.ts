/** What a person does at the kiosk, as reusable steps for the e2e specs. */
import { expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';

/** The demo supervisor the server creates with a fresh relay configuration (server/relay/relay-config.ts). */
export const DEMO_SUPERVISOR = { id: 'supervisor-demo', pin: '135790' };

/**
 * A supervisor enrols this terminal from the home screen's banner (the server checks the
 * PIN and hands the terminal its device token); the catalog then arrives.
 */
export async function enrollTerminal(page: Page, label = 'Guichet 1', supervisor = DEMO_SUPERVISOR): Promise<void> {
  await page.locator('.enrollment-banner button').click();
  await page.locator('#enroll-staff').fill(supervisor.id);
  await page.locator('#enroll-pin').fill(supervisor.pin);
  await page.locator('#enroll-label').fill(label);
  await page.locator('.enroll-form button[type="submit"]').click();
  await expect(page.locator('.enrollment-banner')).toHaveCount(0);
}

/** On the welcome screen each session starts with, the citizen picks a language. */
export async function chooseLanguage(page: Page, lang: string): Promise<void> {
  await page.locator(`.welcome .language-button[data-lang="${lang}"]`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** Mid-session, from the top bar's language dialog: nothing entered is lost. */
export async function switchLanguage(page: Page, lang: string): Promise<void> {
  await page.getByTestId('language-button').click();
  await page.locator(`.dialog .language-button[data-lang="${lang}"]`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.locator('.dialog')).toHaveCount(0);
}

/** First visit: enrolled, the service worker has taken the page and the catalog is stored. */
export async function openKioskOnline(page: Page, url: string, lang = 'fr'): Promise<void> {
  await page.goto(url);
  await chooseLanguage(page, lang);
  await expect(page.locator('.enrollment-banner')).toHaveAttribute('data-enrollment', 'not-enrolled');
  await enrollTerminal(page);
  await expect(page.locator('[data-service="residence-certificate"]')).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Opens the residence certificate and accepts the consent notice (law 09-08). */
export async function startResidenceCertificate(page: Page): Promise<void> {
  await page.locator('[data-service="residence-certificate"]').click();
  await page.getByRole('button', { name: 'Commencer la demande' }).click();
  await expect(page.getByRole('heading', { name: 'Vos données personnelles' })).toBeVisible();
  await page.getByRole('button', { name: 'J’accepte' }).click();
}

/** Fills the residence-certificate form the way a citizen would, screen by screen. */
export async function fillResidenceCertificate(page: Page, fullName = 'Aicha Ait Brahim'): Promise<void> {
  await startResidenceCertificate(page);
  await page.getByLabel('Prénom et nom').fill(fullName);
  await page.getByLabel('Numéro de la CNIE').fill('jb 123456');
  await page.getByLabel('Date de naissance').fill('1984-05-17');
  await finishResidenceCertificate(page);
}

/** From the first step, filled: the address and purpose steps, up to the review screen. */
export async function finishResidenceCertificate(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByLabel('Douar ou quartier').fill('Douar Tafraout');
  await page.getByLabel('Commune').fill('Tafraout');
  await page.getByLabel('Vous habitez à cette adresse depuis le').fill('2010-09-01');
  await page.locator('input[name="housingStatus"][value="owner"]').check();
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.locator('input[name="purpose"][value="bank"]').check();
  await page.getByLabel('Numéro de téléphone').fill('06 61 23 45 67');
  await page.getByRole('button', { name: 'Suivant' }).click();
  await expect(page.getByRole('heading', { name: 'Vérifiez vos réponses' })).toBeVisible();
}

/** Opens the ID-card appointment and fills it up to its photo and signature step. */
export async function fillCnieAppointmentToPhotos(page: Page): Promise<void> {
  await page.locator('[data-service="cnie-appointment"]').click();
  await page.getByRole('button', { name: 'Commencer la demande' }).click();
  await page.getByRole('button', { name: 'J’accepte' }).click();
  await page.locator('input[name="reason"][value="first"]').check();
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByLabel('Prénom et nom').fill('Youssef Ait Lahcen');
  await page.getByLabel('Date de naissance').fill('1990-04-02');
  await page.getByLabel('Adresse (douar, commune)').fill('Douar Tagmoute, Tafraout');
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByLabel('Disponible à partir du').fill(new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10));
  await page.locator('input[name="timeSlots"][value="morning"]').check();
  await page.getByLabel('Numéro de téléphone').fill('06 12 34 56 78');
  await page.getByRole('button', { name: 'Suivant' }).click();
  await expect(page.getByText('Photo de la CNIE (recto)')).toBeVisible();
}

/** Submits from the review screen and returns the application's id and tracking code. */
export async function submitAndReadReceipt(page: Page): Promise<{ id: string; trackingCode: string }> {
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(page.getByRole('heading', { name: 'Demande enregistrée' })).toBeVisible();
  const trackingCode = (await page.getByTestId('tracking-code').textContent())!.trim();
  const id = await page.evaluate(async () => {
    const open = indexedDB.open('relais');
    const dbh: IDBDatabase = await new Promise((ok, ko) => ((open.onsuccess = () => ok(open.result)), (open.onerror = () => ko(open.error))));
    const all: Array<{ id: string; queuedAt: number }> = await new Promise((ok) => {
      const req = dbh.transaction('outbox').objectStore('outbox').getAll();
      req.onsuccess = () => ok(req.result);
    });
    dbh.close();
    return all.sort((a, b) => b.queuedAt - a.queuedAt)[0]!.id;
  });
  return { id, trackingCode };
}

/** Signs a staff member in with the keypad (the PIN check takes a moment: 600,000 PBKDF2 rounds). */
export async function signInStaff(page: Page, staffId: string, pin: string): Promise<void> {
  await page.getByTestId('staff-button').click();
  await page.locator(`[data-staff="${staffId}"]`).click();
  for (const digit of pin) await page.locator('.keypad').getByRole('button', { name: digit, exact: true }).click();
  await page.locator('.pin-form button[type="submit"]').click();
  await expect(page.locator('.keypad button:disabled')).toHaveCount(0);
}

/** The id this terminal made for itself (and was enrolled under), read from its IndexedDB. */
export async function terminalIdOf(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const open = indexedDB.open('relais');
    const dbh: IDBDatabase = await new Promise((ok, ko) => ((open.onsuccess = () => ok(open.result)), (open.onerror = () => ko(open.error))));
    const row: { value: string } = await new Promise((ok) => {
      const req = dbh.transaction('meta').objectStore('meta').get('terminalId');
      req.onsuccess = () => ok(req.result);
    });
    dbh.close();
    return row.value;
  });
}

/** Two kiosks of the relay, each in its own browser context, both enrolled and online. */
export async function twoTerminals(browser: Browser, url: string, optionsA: BrowserContextOptions = {}) {
  const a = await browser.newContext(optionsA);
  const b = await browser.newContext();
  const pageA = await a.newPage();
  const pageB = await b.newPage();
  await openKioskOnline(pageA, url);
  await openKioskOnline(pageB, url);
  return { a, b, pageA, pageB, terminalB: await terminalIdOf(pageB) };
}

/** Citizens fill and submit the residence certificate `count` times (e.g. offline): the applications' ids. */
export async function queueApplications(page: Page, count: number, namePrefix = 'Citoyenne'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    await fillResidenceCertificate(page, `${namePrefix} ${i + 1} Ait Ali`);
    ids.push((await submitAndReadReceipt(page)).id);
    await expect(page.locator('.delivery-status')).toHaveAttribute('data-status', 'queued');
    await page.getByRole('button', { name: 'Terminé' }).click();
    await chooseLanguage(page, 'fr'); // the next citizen's session starts with the language
  }
  return ids;
}

/** The demo supervisor signs in and opens the store-and-forward screen (src/ui/bundle). */
export async function openBundleScreen(page: Page): Promise<void> {
  await signInStaff(page, DEMO_SUPERVISOR.id, DEMO_SUPERVISOR.pin);
  await page.getByTestId('bundles-button').click();
  await expect(page.getByRole('heading', { name: 'Paquets hors ligne (clé USB, codes QR)' })).toBeVisible();
}
