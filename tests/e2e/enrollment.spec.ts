/**
 * Terminal enrollment and revocation (issue 4, item 4) in Chromium against the real
 * server: two terminals enrolled by the demo supervisor; the supervisor revokes one from
 * the other; the revoked terminal keeps its application queued (sealed) and says why;
 * enrolled again, it delivers that application once.
 */
import { expect, test } from '@playwright/test';
import { chooseLanguage, DEMO_SUPERVISOR, enrollTerminal, fillResidenceCertificate, signInStaff, submitAndReadReceipt, twoTerminals } from './support/kiosk.ts';
import { storedSubmissions } from './support/server-rows.ts';

test('a supervisor revokes a terminal; its application waits, sealed, until the terminal is enrolled again', async ({ browser }) => {
  const url = process.env.RELAIS_URL!;
  const { a, b, pageA, pageB, terminalB } = await twoTerminals(browser, url);

  // On terminal A, the supervisor signs in, confirms the PIN with the server, and revokes B.
  await signInStaff(pageA, DEMO_SUPERVISOR.id, DEMO_SUPERVISOR.pin);
  await pageA.getByRole('button', { name: 'Terminaux du relais' }).click();
  await pageA.locator('#terminals-pin').fill(DEMO_SUPERVISOR.pin);
  await pageA.getByRole('button', { name: 'Confirmer' }).click();
  const rowB = pageA.locator(`[data-terminal="${terminalB}"]`);
  await expect(rowB).toContainText('Guichet 1');
  await expect(rowB).toContainText('Actif');
  await expect(pageA.locator('.terminal-item', { hasText: '(ce terminal)' })).toHaveCount(1);
  await rowB.getByRole('button', { name: 'Révoquer' }).click();
  await rowB.getByRole('button', { name: 'Oui, révoquer' }).click();
  await expect(pageA.getByRole('status').filter({ hasText: 'est révoqué' })).toBeVisible();
  await expect(rowB).toHaveAttribute('data-revoked', 'true');

  // Terminal B, revoked, still serves citizens from its cache; the application stays queued.
  await fillResidenceCertificate(pageB, 'Itto Ait Ali');
  const { id } = await submitAndReadReceipt(pageB);
  await expect(pageB.locator('.delivery-status')).not.toHaveAttribute('data-status', 'delivered');
  await pageB.getByRole('button', { name: 'Terminé' }).click();
  await chooseLanguage(pageB, 'fr'); // the next citizen's session starts with the language
  await expect(pageB.locator('.enrollment-banner')).toHaveAttribute('data-enrollment', 'device-token-revoked');
  await pageB.getByTestId('queue-chip').click();
  const item = pageB.locator(`.outbox-item[data-id="${id}"]`);
  await expect(item).toHaveAttribute('data-status', 'queued');
  await expect(item).toContainText('L’accès de ce terminal a été révoqué');
  expect(await storedSubmissions(id)).toHaveLength(0);

  // Enrolled again, B sends what waited, once.
  await pageB.getByRole('button', { name: 'Retour' }).click();
  await enrollTerminal(pageB, 'Guichet 2');
  await expect.poll(async () => (await storedSubmissions(id)).length, { timeout: 20_000 }).toBe(1);
  await pageB.getByTestId('queue-chip').click();
  await expect(item).toHaveAttribute('data-status', 'delivered');
  await a.close();
  await b.close();
});

test('enrollment refuses a wrong PIN and an agent, with a clear message', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(process.env.RELAIS_URL!);
  await chooseLanguage(page, 'fr');
  await page.locator('.enrollment-banner button').click();
  await page.locator('#enroll-staff').fill('agent-demo');
  await page.locator('#enroll-pin').fill('246810');
  await page.getByRole('button', { name: 'Enrôler', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Seul un superviseur peut enrôler un terminal.');
  await page.locator('#enroll-staff').fill('supervisor-demo');
  await page.locator('#enroll-pin').fill('000000');
  await page.getByRole('button', { name: 'Enrôler', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Identifiant ou code incorrect.');
  await context.close();
});
