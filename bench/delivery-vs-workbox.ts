/**
 * Deliveries per second of the same N sealed applications to the same local server, in
 * Chromium: the outbox (real IndexedDB with strict durability, the kiosk's sync pass with
 * its 2 lanes, and with 1 lane in the detail) against Workbox's background-sync Queue
 * replaying them from its service worker (one request at a time, as Workbox does).
 */
import { chromium } from '@playwright/test';
import { demoService } from '../tests/support/catalog.ts';
import { startServer } from '../tests/e2e/support/server-process.ts';
import { buildBenchPages } from './browser/serve-page.ts';
import type { BenchLine } from './lib/report.ts';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const ANSWERS = {
  fullName: 'Aicha Ait Brahim', cnie: 'JB123456', birthDate: '1984-05-17', douar: 'Douar Tafraout', commune: 'Tafraout',
  residentSince: '2010-09-01', housingStatus: 'owner', purpose: 'bank', phone: '+212661234567',
};

export async function deliveryVsWorkbox(n = 300): Promise<BenchLine[]> {
  const dir = await buildBenchPages();
  const server = await startServer({ STATIC_DIR: dir, RATE_LIMIT_PER_MINUTE: '0' });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/delivery.html`);
    await page.waitForFunction(() => 'relaisDelivery' in window);
    const definition = demoService('residence-certificate');
    const args = [definition, ANSWERS, n, await server.enroll()] as const;
    await page.evaluate(([d, a, , token]) => window.relaisDelivery.viaOutbox(d, a, 30, 2, token), args); // warm the server and the page
    const workbox = await page.evaluate(([d, a, count, token]) => window.relaisDelivery.viaWorkbox(d, a, count, token), args);
    const outbox = await page.evaluate(([d, a, count, token]) => window.relaisDelivery.viaOutbox(d, a, count, 2, token), args);
    const oneLane = await page.evaluate(([d, a, count, token]) => window.relaisDelivery.viaOutbox(d, a, count, 1, token), args);
    return [
      {
        name: `outbox → local server, ${n} sealed applications, 2 lanes, Chromium`,
        value: outbox,
        unit: 'deliveries/s',
        baseline: { name: 'Workbox background-sync Queue replay', value: workbox },
        ratio: outbox / workbox,
        detail: { outboxOneLane: oneLane, oneLaneRatio: oneLane / workbox },
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
