/** What a person does at the kiosk, as reusable steps for the e2e specs. */
import { expect, type Page } from '@playwright/test';

/** First visit: the service worker has taken the page and the catalog is stored. */
export async function openKioskOnline(page: Page, url: string, lang: 'fr' | 'ar' = 'fr'): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: lang === 'fr' ? 'Français' : 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
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
