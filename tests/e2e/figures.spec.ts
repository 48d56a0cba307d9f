/**
 * The relay's figures (issue 5, item 6) against the real server: after applications were
 * delivered, a supervisor opens the figures; the charts are drawn (canvas) by a library
 * the page fetched only when that screen opened, and the tables beside them hold the
 * server's own counts. Offline, the same screen shows this terminal's figures from its
 * outbox, labelled as such.
 */
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { DEMO_SUPERVISOR, chooseLanguage, fillResidenceCertificate, openKioskOnline, signInStaff, submitAndReadReceipt } from './support/kiosk.ts';
import { storedSubmissions } from './support/server-rows.ts';

/** Submitted applications per service and per language, and all of them, as the server stores them. */
async function serverCounts(): Promise<{ residence: number; french: number; all: number }> {
  const client = new pg.Client({ connectionString: process.env.RELAIS_DATABASE_URL });
  await client.connect();
  try {
    // Every row of this run's store was submitted minutes ago, by a terminal of the demo relay: all fall in the period.
    const { rows } = await client.query(
      `SELECT count(*) FILTER (WHERE service_id = 'residence-certificate')::int AS residence, count(*) FILTER (WHERE language = 'fr')::int AS french, count(*)::int AS "all"
         FROM submissions WHERE submitted_at > now() - interval '1 day'`,
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

const cell = (page: Page, figure: string, key: string) => page.locator(`table[data-figure="${figure}"] tr[data-key="${key}"] td`);

async function applyAndFinish(page: Page, name: string): Promise<string> {
  await fillResidenceCertificate(page, name);
  const { id } = await submitAndReadReceipt(page);
  await page.getByRole('button', { name: 'Terminé' }).click();
  await chooseLanguage(page, 'fr');
  return id;
}

test("a supervisor sees the relay's figures, with charts loaded only on that screen, and this terminal's own offline", async ({ browser }) => {
  const url = process.env.RELAIS_URL!;
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await openKioskOnline(page, url);

  const delivered = [await applyAndFinish(page, 'Aicha Ait Brahim'), await applyAndFinish(page, 'Brahim Ait Ali')];
  for (const id of delivered) await expect.poll(async () => (await storedSubmissions(id)).length).toBe(1);
  await expect(page.getByTestId('queue-chip')).toContainText('0 demande en attente'); // the kiosk knows both are delivered

  await signInStaff(page, DEMO_SUPERVISOR.id, DEMO_SUPERVISOR.pin);
  const chartChunk = (path: string) => /^\/assets\/FiguresScreen-[\w-]+\.(js|css)$/.test(path);
  expect(fetched.filter(chartChunk), 'the figures screen and its chart library were fetched before they were opened').toEqual([]);

  await page.getByTestId('figures-button').click();
  await page.locator('#figures-pin').fill(DEMO_SUPERVISOR.pin);
  await page.getByRole('button', { name: 'Confirmer' }).click();
  await expect(page.getByTestId('figures-scope')).toContainText('Tout le relais');
  // Five charts, each drawn on a canvas, each with its table.
  await expect(page.locator('.bar-chart canvas')).toHaveCount(5);
  await expect(page.locator('table.figures-table')).toHaveCount(5);
  const script = fetched.find((p) => /^\/assets\/FiguresScreen-[\w-]+\.js$/.test(p));
  expect(script, 'the figures chunk was fetched when the screen opened').toBeDefined();
  expect(fetched.some((p) => /^\/assets\/FiguresScreen-[\w-]+\.css$/.test(p)), "uPlot's stylesheet comes with the screen").toBe(true);
  // That chunk is the one that holds uPlot (its own element classes).
  const code = await (await page.request.get(`${url}${script}`)).text();
  for (const marker of ['u-over', 'u-under', 'u-legend']) expect(code).toContain(marker);

  const counts = await serverCounts();
  expect(counts.residence).toBeGreaterThanOrEqual(2);
  await expect(cell(page, 'service', 'residence-certificate')).toHaveText(String(counts.residence));
  await expect(page.locator('table[data-figure="service"] tr[data-key="residence-certificate"] th')).toHaveText('Certificat de résidence');
  await expect(cell(page, 'language', 'fr')).toHaveText(String(counts.french));
  await expect(page.locator('table[data-figure="language"] tr[data-key="fr"] th')).toHaveText('Français');
  await expect(cell(page, 'status', 'delivered')).toHaveText(String(counts.all));
  await expect(page.locator('[data-figure="total"] dd')).toHaveText(String(counts.all));
  const perDay = await page.locator('table[data-figure="day"] td').evaluateAll((cells) => cells.reduce((sum, c) => sum + Number(c.textContent), 0));
  expect(perDay).toBe(counts.all);
  await expect(page.locator('table[data-figure="day"] tbody tr')).toHaveCount(30);
  // The period changes: 7 days, same applications.
  await page.getByRole('button', { name: '7 derniers jours' }).click();
  await expect(page.locator('table[data-figure="day"] tbody tr')).toHaveCount(7);
  await expect(cell(page, 'service', 'residence-certificate')).toHaveText(String(counts.residence));
  await expect(page.locator('#figure-delivery figcaption')).toContainText('Médiane');

  // Offline: one more application waits; the screen shows this terminal's figures, and says so.
  await page.getByRole('button', { name: 'Retour' }).click();
  await context.setOffline(true);
  const waiting = await applyAndFinish(page, 'Fatima Ouali');
  await page.getByTestId('figures-button').click();
  await expect(page.getByTestId('figures-fallback')).toHaveText('Le serveur est injoignable : voici les chiffres de ce terminal seulement.');
  await expect(page.getByTestId('figures-scope')).toContainText('Ce terminal uniquement');
  await expect(page.locator('main.figures')).toHaveAttribute('data-scope', 'terminal');
  await expect(cell(page, 'service', 'residence-certificate')).toHaveText('3');
  await expect(cell(page, 'status', 'delivered')).toHaveText('2');
  await expect(cell(page, 'status', 'queued')).toHaveText('1');
  await expect(cell(page, 'delivery', 'minute')).toHaveText('2'); // both went out as soon as they were submitted
  await expect(page.locator('.bar-chart canvas')).toHaveCount(5);
  expect(await storedSubmissions(waiting)).toHaveLength(0);
  await context.close();
});
