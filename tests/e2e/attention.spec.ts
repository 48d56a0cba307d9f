/**
 * Applications the server refuses (issue 5, item 2), against the real server: the kiosk
 * takes a bidi override character in a name (no keyboard of ours types one, but a pasted
 * text can hold it) and the server refuses it (422, field error 'pattern'). The supervisor
 * sees it with its localized reason and either discards it — a reason is required, then a
 * confirmation, and the server's audit log gets the reason — or hands it back; a signed-in
 * agent then finds it under "corrections to make", enters it again with the citizen, and
 * the corrected application reaches the server carrying `corrects`, the original shown as
 * replaced.
 */
import { expect, test, type Page } from '@playwright/test';
import { chooseLanguage, DEMO_SUPERVISOR, fillResidenceCertificate, finishResidenceCertificate, openKioskOnline, signInStaff, submitAndReadReceipt } from './support/kiosk.ts';
import { serverQuery, storedSubmissions } from './support/server-rows.ts';
import { violations } from './support/axe.ts';

const DEMO_AGENT = { id: 'agent-demo', pin: '246810' };
const REFUSED_NAME = 'Aicha \u202EAit Brahim'; // U+202E RIGHT-TO-LEFT OVERRIDE: the server refuses it in an answer

const auditRows = (applicationId: string) =>
  serverQuery<{ action: string; actor: string; reason: string | null; note: string | null }>('SELECT action, actor, reason, note FROM audit_events WHERE application_id = $1 ORDER BY at, action', [applicationId]);

/** What this terminal's outbox holds for one application (status, and whether the sealed answers are still there). */
async function outboxItem(page: Page, id: string): Promise<{ status: string; sealed: boolean } | null> {
  return page.evaluate(async (appId) => {
    const open = indexedDB.open('relais');
    const dbh: IDBDatabase = await new Promise((ok) => (open.onsuccess = () => ok(open.result)));
    const item: { status: string; request: { payload?: unknown } } | undefined = await new Promise((ok) => {
      const req = dbh.transaction('outbox').objectStore('outbox').get(appId);
      req.onsuccess = () => ok(req.result);
    });
    dbh.close();
    return item ? { status: item.status, sealed: item.request.payload !== undefined } : null;
  }, id);
}

/** A citizen's application the server refuses: queued, sent, and back as "needs attention". */
async function refusedApplication(page: Page): Promise<{ id: string; trackingCode: string }> {
  await fillResidenceCertificate(page, REFUSED_NAME);
  const sent = await submitAndReadReceipt(page);
  await expect(page.locator('.delivery-status')).toHaveAttribute('data-status', 'needs-attention');
  await expect(page.locator('.reasons')).toContainText('Prénom et nom');
  await page.getByRole('button', { name: 'Terminé' }).click();
  expect(await storedSubmissions(sent.id)).toEqual([]);
  return sent;
}

async function openAttention(page: Page): Promise<void> {
  await signInStaff(page, DEMO_SUPERVISOR.id, DEMO_SUPERVISOR.pin);
  await page.getByRole('button', { name: 'Terminaux du relais' }).click();
  await page.getByTestId('open-attention').click();
  await expect(page.getByRole('heading', { name: 'Demandes à revoir' })).toBeVisible();
}

test('a refused application is shown with its reason; discarding it needs a reason and a confirmation, and is audited on the server', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await openKioskOnline(page, process.env.RELAIS_URL!);
    const { id, trackingCode } = await refusedApplication(page);
    await openAttention(page);

    const item = page.locator(`.attention-list [data-id="${id}"]`);
    await expect(item).toHaveAttribute('data-status', 'needs-attention');
    await expect(item).toContainText(trackingCode);
    await expect(item.getByTestId('attention-reasons')).toContainText('Prénom et nom : le format n’est pas reconnu.');
    await expect(item).toHaveAttribute('data-correctable', 'true');
    const found = await violations(page, 'needs attention');

    await item.getByRole('button', { name: 'Écarter…' }).click();
    const next = item.getByRole('button', { name: 'Continuer' });
    await expect(next).toBeDisabled(); // no reason, no discard
    await item.getByLabel('Le citoyen renonce').check();
    await item.getByLabel('Précision (facultatif, sans donnée personnelle)').fill('Ne reviendra pas.');
    found.push(...(await violations(page, 'discard reason')));
    await next.click();
    await expect(item).toContainText(`Écarter définitivement la demande ${trackingCode} ?`);
    found.push(...(await violations(page, 'discard confirmation')));
    expect(found).toEqual([]);
    expect((await outboxItem(page, id))?.status).toBe('needs-attention'); // nothing happens before the confirmation
    await item.getByRole('button', { name: 'Oui, écarter' }).click();
    await expect(page.getByTestId('attention-message')).toHaveText(`Demande ${trackingCode} écartée.`);
    await expect(item).toHaveCount(0);
    expect(await outboxItem(page, id)).toEqual({ status: 'discarded', sealed: false });

    await page.locator('.top-bar').getByRole('button', { name: 'Synchroniser' }).click();
    await expect.poll(async () => (await auditRows(id)).find((r) => r.action === 'discarded') ?? null, { timeout: 30_000 }).toEqual({
      action: 'discarded',
      actor: DEMO_SUPERVISOR.id,
      reason: 'citizen-withdrew',
      note: 'Ne reviendra pas.',
    });
    // Still listed on the terminal, saying what became of it.
    await page.getByTestId('queue-chip').click();
    await expect(page.locator(`.outbox-item[data-id="${id}"]`)).toHaveAttribute('data-status', 'discarded');
    await expect(page.locator(`.outbox-item[data-id="${id}"]`)).toContainText('Le citoyen renonce');
  } finally {
    await context.close();
  }
});

test('handed back, an agent enters it again with the citizen: the correction arrives with `corrects` and the original is replaced', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await openKioskOnline(page, process.env.RELAIS_URL!);
    const original = await refusedApplication(page);
    await openAttention(page);
    const item = page.locator(`.attention-list [data-id="${original.id}"]`);
    await item.getByRole('button', { name: 'Rendre à un agent pour correction' }).click();
    await expect(item).toHaveAttribute('data-status', 'handed-back');
    await expect(item).toContainText('Rendue à un agent par supervisor-demo');
    await page.getByTestId('staff-button').click(); // the supervisor signs out

    await signInStaff(page, DEMO_AGENT.id, DEMO_AGENT.pin);
    const corrections = page.getByTestId('corrections');
    await expect(corrections).toContainText('Corrections à faire');
    const toCorrect = corrections.locator(`[data-id="${original.id}"]`);
    await expect(toCorrect).toContainText(original.trackingCode);
    await expect(toCorrect).toContainText('Prénom et nom : le format n’est pas reconnu.');
    expect(await violations(page, 'corrections to make')).toEqual([]);
    await toCorrect.getByRole('button', { name: 'Refaire la demande avec le citoyen' }).click();
    await expect(page.getByRole('heading', { name: 'Vos données personnelles' })).toBeVisible();
    await page.getByRole('button', { name: 'J’accepte' }).click();
    await page.getByLabel('Prénom et nom').fill('Aicha Ait Brahim');
    await page.getByLabel('Numéro de la CNIE').fill('jb 123456');
    await page.getByLabel('Date de naissance').fill('1984-05-17');
    await finishResidenceCertificate(page);
    const correction = await submitAndReadReceipt(page);
    expect(correction.id).not.toBe(original.id);
    await expect(page.locator('.delivery-status')).toHaveAttribute('data-status', 'delivered');

    const stored = await serverQuery<{ corrects: string | null; assisted_by: string | null }>('SELECT corrects::text AS corrects, assisted_by FROM submissions WHERE id = $1', [correction.id]);
    expect(stored).toEqual([{ corrects: original.id, assisted_by: DEMO_AGENT.id }]);
    expect(await storedSubmissions(original.id)).toEqual([]);
    expect(await outboxItem(page, original.id)).toEqual({ status: 'replaced', sealed: false });

    await page.getByRole('button', { name: 'Terminé' }).click();
    await chooseLanguage(page, 'fr'); // the next citizen's session; the agent is still signed in
    await expect(page.getByTestId('staff-button')).toContainText('Agent');
    await expect(page.getByTestId('corrections')).toHaveCount(0); // nothing left to correct
    await page.getByTestId('queue-chip').click();
    const replaced = page.locator(`.outbox-item[data-id="${original.id}"]`);
    await expect(replaced).toHaveAttribute('data-status', 'replaced');
    await expect(replaced).toContainText(`Remplacée par la demande corrigée ${correction.trackingCode}`);
    await page.locator('.top-bar').getByRole('button', { name: 'Synchroniser' }).click();
    await expect.poll(async () => (await auditRows(original.id)).map((r) => [r.action, r.actor]), { timeout: 30_000 }).toEqual(
      expect.arrayContaining([
        ['handed-back', DEMO_SUPERVISOR.id],
        ['replaced', DEMO_AGENT.id],
      ]),
    );
  } finally {
    await context.close();
  }
});
