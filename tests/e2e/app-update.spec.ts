import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { chooseLanguage, fillResidenceCertificate, openKioskOnline, startResidenceCertificate, submitAndReadReceipt } from './support/kiosk.ts';
import { startServer } from './support/server-process.ts';

test('a new version is offered, and applying it keeps the draft in progress and the queued application', async ({ browser }) => {
  // A server of its own (on PGlite) whose static folder the test can swap for the next build.
  const staticDir = mkdtempSync(join(tmpdir(), 'relais-static-'));
  cpSync('dist', staticDir, { recursive: true });
  const server = await startServer({ STATIC_DIR: staticDir, DATABASE_URL: '' });
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await openKioskOnline(page, server.url);
    const entryBefore = await page.locator('script[type="module"]').getAttribute('src');

    // One application queued offline, and a second one half filled.
    await context.setOffline(true);
    await fillResidenceCertificate(page, 'Fatima Id Ouaziz');
    await submitAndReadReceipt(page);
    await page.getByRole('button', { name: 'Terminé' }).click();
    await chooseLanguage(page, 'fr'); // the next citizen's session starts with the language
    await startResidenceCertificate(page);
    await page.getByLabel('Prénom et nom').fill('Brahim Aznag');

    // The next version is published; the kiosk finds it when the link returns.
    rmSync(staticDir, { recursive: true, force: true });
    cpSync('dist-next', staticDir, { recursive: true });
    await context.setOffline(false);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.getByRole('button', { name: 'Mettre à jour' }).click();

    await page.waitForFunction((before) => document.querySelector('script[type="module"]')?.getAttribute('src') !== before, entryBefore);
    await expect(page.getByLabel('Prénom et nom')).toHaveValue('Brahim Aznag');
    await page.getByTestId('queue-chip').click();
    await expect(page.getByTestId('app-version')).toContainText('Relais next ·');
    await expect(page.locator('.outbox-item')).toHaveCount(1);
  } finally {
    await context.close();
    await server.stop();
    rmSync(staticDir, { recursive: true, force: true });
  }
});
