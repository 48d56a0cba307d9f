import { expect, test, type Page } from '@playwright/test';
import { fillResidenceCertificate, openKioskOnline, submitAndReadReceipt } from './support/kiosk.ts';
import { storedSubmissions } from './support/server-rows.ts';

async function typePin(page: Page, pin: string) {
  for (const digit of pin) await page.locator('.keypad').getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Se connecter' }).click();
  // The check (600,000 PBKDF2 rounds) takes a moment; the keypad is disabled until it answers.
  await expect(page.locator('.keypad button:disabled')).toHaveCount(0);
}

test('an agent signs in offline with a PIN, and the application records who assisted', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openKioskOnline(page, process.env.RELAIS_URL!);
  await context.setOffline(true); // the PIN is checked against the cached relay configuration

  await page.getByTestId('staff-button').click();
  await page.locator('[data-staff="agent-demo"]').click();
  await typePin(page, '246810');
  await expect(page.getByTestId('staff-button')).toContainText('Avec l’aide de Agent (démo)');

  await fillResidenceCertificate(page, 'Mohamed Ait Lahcen');
  const { id } = await submitAndReadReceipt(page);
  await context.setOffline(false);
  await expect(page.locator('.delivery-status')).toHaveAttribute('data-status', 'delivered');
  const rows = await storedSubmissions(id);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ assisted_by: 'agent-demo', consent_version: 'consent-2026-11-v1' });
  await context.close();
});

test('after three wrong PINs the member is locked out for a while, even across a reload', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openKioskOnline(page, process.env.RELAIS_URL!);
  await page.getByTestId('staff-button').click();
  await page.locator('[data-staff="supervisor-demo"]').click();
  await typePin(page, '111111');
  await expect(page.getByRole('alert')).toHaveText('Code incorrect.');
  await typePin(page, '222222');
  await typePin(page, '333333');
  await expect(page.getByRole('alert')).toContainText('Trop d’essais');

  await page.reload();
  await page.getByTestId('staff-button').click();
  await page.locator('[data-staff="supervisor-demo"]').click();
  await typePin(page, '135790'); // the right PIN, but still locked
  await expect(page.getByRole('alert')).toContainText('Trop d’essais');
  await expect(page.getByTestId('staff-button')).toHaveText('Espace agent');
  await context.close();
});
