import { expect, test } from '@playwright/test';
import { startDroppingProxy } from './support/dropping-proxy.ts';
import { fillResidenceCertificate, openKioskOnline, submitAndReadReceipt } from './support/kiosk.ts';
import { storedSubmissions } from './support/server-rows.ts';

test('when the server stores an application but its answer is lost, the retry does not create a second one', async ({ browser }) => {
  const proxy = await startDroppingProxy(process.env.RELAIS_URL!);
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await openKioskOnline(page, proxy.url);
    proxy.dropNext(1, (method, path) => method === 'POST' && path === '/api/submissions');

    await fillResidenceCertificate(page, 'Hassan Amezzane');
    const { id } = await submitAndReadReceipt(page);

    // The first delivery reached the server; its answer never came back.
    await expect.poll(() => proxy.seen.filter((r) => r.method === 'POST' && r.cut).length).toBe(1);
    expect(await storedSubmissions(id)).toHaveLength(1);

    await page.getByRole('button', { name: 'Synchroniser' }).click();
    await expect(page.locator('.delivery-status')).toHaveAttribute('data-status', 'delivered');

    const posts = proxy.seen.filter((r) => r.method === 'POST' && r.path === '/api/submissions');
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(posts.map((r) => r.headers['idempotency-key']))).toEqual(new Set([id]));
    expect(await storedSubmissions(id)).toHaveLength(1);
  } finally {
    await context.close();
    await proxy.close();
  }
});
