import { expect, test } from '@playwright/test';
import { chooseLanguage, fillResidenceCertificate, openKioskOnline, submitAndReadReceipt } from './support/kiosk.ts';
import { storedSubmissions } from './support/server-rows.ts';

const kioskUrl = () => process.env.RELAIS_URL!;

test('an application filled with no network is queued, then arrives exactly once when the network returns', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openKioskOnline(page, kioskUrl());

  await context.setOffline(true);
  await page.reload(); // served by the service worker from the precache
  await expect(page.getByText('Hors ligne')).toBeVisible();
  await chooseLanguage(page, 'fr'); // a fresh start begins on the welcome screen
  await expect(page.locator('[data-service="residence-certificate"]')).toBeVisible();

  await fillResidenceCertificate(page);
  const { id, trackingCode } = await submitAndReadReceipt(page);
  await expect(page.locator('.delivery-status')).toHaveAttribute('data-status', 'queued');
  await expect(page.getByText('Enregistrée sur ce poste, en attente du réseau')).toBeVisible();
  expect(trackingCode).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  expect(await storedSubmissions(id)).toHaveLength(0);

  // Power cut while offline: the queued application survives a reload.
  await page.reload();
  await expect(page.getByTestId('queue-chip')).toContainText('1 demande en attente');

  await context.setOffline(false); // fires `online`: the sync loop delivers by itself
  await expect(page.getByTestId('queue-chip')).toContainText('0 demande en attente');
  const rows = await storedSubmissions(id);
  expect(rows).toHaveLength(1);
  expect(rows[0]!.tracking_code).toBe(trackingCode);
  expect(rows[0]!.answers).toMatchObject({ fullName: 'Aicha Ait Brahim', cnie: 'JB123456', phone: '+212661234567' });

  await page.getByTestId('queue-chip').click();
  await expect(page.locator(`[data-id="${id}"]`)).toHaveAttribute('data-status', 'delivered');
  await context.close();
});

test('the receipt turns from waiting to delivered by itself, with the tracking code the server confirms', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openKioskOnline(page, kioskUrl());
  await context.setOffline(true);
  await fillResidenceCertificate(page, 'Youssef Oubella');
  const { id, trackingCode } = await submitAndReadReceipt(page);
  await expect(page.locator('.delivery-status')).toHaveAttribute('data-status', 'queued');
  await context.setOffline(false);
  await expect(page.locator('.delivery-status')).toHaveAttribute('data-status', 'delivered');
  await expect(page.getByText('Confirmé par l’administration.')).toBeVisible();
  await expect(page.getByTestId('tracking-code')).toHaveText(trackingCode);
  expect(await storedSubmissions(id)).toHaveLength(1);
  await context.close();
});
