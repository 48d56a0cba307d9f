/**
 * The supervisor's dashboard (issue 5, item 1) against the real server: every enrolled
 * terminal of the relay with what its last heartbeat said (queue, storage, versions, last
 * sync), this terminal's storage against its quota, and a terminal that never reported
 * standing out as stale.
 */
import { expect, test } from '@playwright/test';
import { DEMO_SUPERVISOR, openKioskOnline, signInStaff, terminalIdOf } from './support/kiosk.ts';

test('the dashboard shows each terminal from its heartbeat, and a silent one stands out', async ({ browser }) => {
  const url = process.env.RELAIS_URL!;
  // A terminal enrolled from the back office that has never sent a heartbeat.
  const silent = `silent-${Date.now()}`;
  const enrolled = await fetch(`${url}/api/terminals/enroll`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ terminalId: silent, label: 'Guichet muet', staffId: DEMO_SUPERVISOR.id, pin: DEMO_SUPERVISOR.pin }),
  });
  expect(enrolled.status).toBe(201);

  const context = await browser.newContext();
  const page = await context.newPage();
  await openKioskOnline(page, url); // enrols this terminal; its first heartbeat follows the catalog
  const own = await terminalIdOf(page);
  await signInStaff(page, DEMO_SUPERVISOR.id, DEMO_SUPERVISOR.pin);
  await page.getByRole('button', { name: 'Terminaux du relais' }).click();
  await expect(page.locator('.storage-status')).toContainText('Stockage :');
  await page.locator('#terminals-pin').fill(DEMO_SUPERVISOR.pin);
  await page.getByRole('button', { name: 'Confirmer' }).click();

  const mine = page.locator(`[data-terminal="${own}"]`);
  await expect(mine.locator('.heartbeat')).toContainText('catalogue v1');
  await expect(mine.locator('.heartbeat')).toHaveAttribute('data-queued', '0');
  await expect(mine).toHaveAttribute('data-stale', 'false');
  const quiet = page.locator(`[data-terminal="${silent}"]`);
  await expect(quiet).toHaveAttribute('data-stale', 'true');
  await expect(quiet).toContainText('Aucune nouvelle depuis plus de 30 minutes');
  await expect(quiet.locator('.heartbeat')).toHaveCount(0);

  // "Sync now" from the dashboard sends a fresh heartbeat and reloads the list.
  await page.locator('.this-terminal').getByRole('button', { name: 'Synchroniser' }).click();
  await expect(mine.locator('.heartbeat')).toBeVisible();
  await context.close();
});
