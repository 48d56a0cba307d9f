/**
 * Store-and-forward by file (issue 5, item 3) in Chromium against the real server, with
 * two browser contexts as two terminals of one relay: terminal A, offline, queues five
 * applications and its supervisor exports them as a bundle file; terminal B refuses a
 * damaged, a cut and a tampered copy (importing nothing), imports the real one and
 * delivers it; when A comes back online its own retries create no second row, and A's
 * outbox shows the five delivered.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openBundleScreen, queueApplications, twoTerminals } from './support/kiosk.ts';
import { submissionRows } from './support/server-rows.ts';

/** How many applications this terminal's outbox holds. */
const outboxCount = (page: Page) =>
  page.evaluate(async () => {
    const open = indexedDB.open('relais');
    const dbh: IDBDatabase = await new Promise((ok, ko) => ((open.onsuccess = () => ok(open.result)), (open.onerror = () => ko(open.error))));
    const count: number = await new Promise((ok) => {
      const req = dbh.transaction('outbox').objectStore('outbox').count();
      req.onsuccess = () => ok(req.result);
    });
    dbh.close();
    return count;
  });

async function importFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.locator('#bundle-file').setInputFiles({ name, mimeType: 'application/vnd.relais.bundle', buffer });
}

test('five applications queued offline on terminal A travel by file to terminal B, are delivered once, and A learns they are delivered', async ({ browser }) => {
  test.setTimeout(300_000);
  const url = process.env.RELAIS_URL!;
  const { a, b, pageA, pageB, terminalB } = await twoTerminals(browser, url, { acceptDownloads: true });

  // Terminal A has no network: five citizens' applications wait, sealed.
  await a.setOffline(true);
  const ids = await queueApplications(pageA, 5);
  expect(await submissionRows(ids)).toEqual([]);

  // A's supervisor exports them as a file (they stay queued on A).
  await openBundleScreen(pageA);
  await expect(pageA.getByTestId('bundle-waiting')).toHaveAttribute('data-count', '5');
  const [download] = await Promise.all([pageA.waitForEvent('download'), pageA.getByTestId('bundle-download').click()]);
  expect(download.suggestedFilename()).toMatch(/^relais-guichet-1-\d{4}-\d\d-\d\d-\d{4}\.relais$/);
  await expect(pageA.getByTestId('bundle-exported')).toHaveAttribute('data-count', '5');
  const file = readFileSync((await download.path())!);
  await expect(pageA.getByTestId('bundle-waiting')).toHaveAttribute('data-count', '5');

  // On terminal B, damaged, cut and tampered copies are refused, each with its reason, and import nothing.
  await openBundleScreen(pageB);
  const before = await outboxCount(pageB);
  const damaged = Buffer.from(file);
  damaged[damaged.length - 20]! ^= 0xff; // a byte of the last sealed application
  const tampered = Buffer.from(file);
  tampered[tampered.indexOf('residence-certificate') + 2]! ^= 0x01; // a service id in the signed manifest
  const refusals: Array<[Buffer, string, string]> = [
    [damaged, 'corrupt', 'Ce paquet est endommagé'],
    [file.subarray(0, file.length - 1000), 'truncated', 'Ce paquet est incomplet'],
    [tampered, 'tampered', 'La signature de ce paquet ne correspond pas à son contenu'],
  ];
  for (const [bytes, reason, text] of refusals) {
    await importFile(pageB, `copie-${reason}.relais`, bytes);
    const error = pageB.getByTestId('bundle-import-error');
    await expect(error).toHaveAttribute('data-reason', reason);
    await expect(error).toContainText(text);
    await expect(error).toContainText('Rien n’a été importé.');
    expect(await outboxCount(pageB)).toBe(before);
  }

  // The real file: five applications queued on B with their own ids, then delivered by B.
  await importFile(pageB, download.suggestedFilename(), file);
  const result = pageB.getByTestId('bundle-import-result');
  await expect(result).toHaveAttribute('data-imported', '5');
  await expect(result).toContainText('Paquet du terminal « Guichet 1 » vérifié.');
  await expect(result).toContainText('5 demandes importées');
  await pageB.getByTestId('bundle-send-now').click();
  await expect(pageB.getByTestId('bundle-delivered')).toHaveAttribute('data-delivered', '5');
  const rows = await submissionRows(ids);
  expect(rows.map((r) => r.id)).toEqual([...ids].sort());
  expect(rows.every((r) => r.received_from === terminalB)).toBe(true);

  // Importing the same file again adds nothing: all five are already delivered.
  await importFile(pageB, download.suggestedFilename(), file);
  await expect(result).toHaveAttribute('data-imported', '0');
  await expect(result).toHaveAttribute('data-already-delivered', '5');

  // Terminal A comes back online: its own retries get the same receipts, and no second row.
  await a.setOffline(false);
  await pageA.getByTestId('queue-chip').click();
  for (const id of ids) await expect(pageA.locator(`.outbox-item[data-id="${id}"]`)).toHaveAttribute('data-status', 'delivered');
  expect(await submissionRows(ids)).toEqual(rows);
  await a.close();
  await b.close();
});
