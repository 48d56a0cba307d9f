import { expect, test } from '@playwright/test';
import { chooseLanguage, fillResidenceCertificate, openKioskOnline, startResidenceCertificate, submitAndReadReceipt } from './support/kiosk.ts';
import { storedSubmissions } from './support/server-rows.ts';
import { findTraces } from './support/trace-search.ts';

const marker = () => `Zz${Math.random().toString(36).slice(2, 10)}Marker`;

test('after "done", nothing the citizen typed is left anywhere on the terminal, and the server opened the sealed application', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openKioskOnline(page, process.env.RELAIS_URL!);
  const name = marker();

  await context.setOffline(true);
  await fillResidenceCertificate(page, name);
  expect(await findTraces(page, name)).toContain('DOM'); // the probe does find it while it is on screen
  const { id } = await submitAndReadReceipt(page);
  // Queued offline: stored sealed, so even now the marker is nowhere in storage.
  expect((await findTraces(page, name)).filter((where) => !where.startsWith('DOM'))).toEqual([]);

  await context.setOffline(false);
  await expect(page.locator('.delivery-status')).toHaveAttribute('data-status', 'delivered');
  await page.getByRole('button', { name: 'Terminé' }).click();
  await chooseLanguage(page, 'fr'); // the next citizen's session starts with the language
  await expect(page.getByRole('heading', { name: 'Choisissez une démarche' })).toBeVisible();

  expect(await findTraces(page, name)).toEqual([]);
  // The server, which holds the private key, read the citizen's answers.
  const rows = await storedSubmissions(id);
  expect(rows).toHaveLength(1);
  expect(rows[0]!.answers).toMatchObject({ fullName: name });
  await context.close();
});

test('a citizen who walks away is warned, can stay with one tap, and is wiped when the warning runs out', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openKioskOnline(page, process.env.RELAIS_URL!);
  await page.evaluate(() => {
    localStorage.setItem('relais.idleSeconds', '2');
    localStorage.setItem('relais.idleWarningSeconds', '3');
  });
  const name = marker();
  await startResidenceCertificate(page);
  await page.getByLabel('Prénom et nom').fill(name);

  // The warning comes, and one tap keeps the session and its answers.
  await expect(page.getByRole('alertdialog')).toBeVisible({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Je suis là, continuer' }).click();
  await expect(page.getByRole('alertdialog')).toBeHidden();
  await expect(page.getByLabel('Prénom et nom')).toHaveValue(name);

  // A reload in the middle keeps the (encrypted) draft: the session is still alive.
  await page.reload();
  await expect(page.getByLabel('Prénom et nom')).toHaveValue(name);
  expect((await findTraces(page, name)).filter((where) => !where.startsWith('DOM'))).toEqual([]);

  // Nobody touches the screen any more: warning, then the wipe.
  await expect(page.getByRole('alertdialog')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('heading', { name: 'Choisissez votre langue' })).toBeVisible({ timeout: 10_000 }); // the next citizen's welcome
  expect(await findTraces(page, name)).toEqual([]);
  await context.close();
});
