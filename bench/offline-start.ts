/**
 * Time from navigation to interactive (services listed: the app's `relais:interactive`
 * mark) in Debian's Chromium at 4× CPU throttling, offline from the service worker, with
 * the same page loaded online in the same run as the baseline.
 */
import { chromium, type Page } from '@playwright/test';
import { median, type BenchLine } from './lib/report.ts';
import { enrollTerminal } from '../tests/e2e/support/kiosk.ts';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

async function timeToInteractive(page: Page): Promise<number> {
  await page.reload();
  // No named helpers inside evaluate(): tsx's esbuild would wrap them in a __name() the page lacks.
  await page.waitForFunction(() => performance.getEntriesByName('relais:interactive').length > 0, undefined, { polling: 20 });
  return page.evaluate(() => performance.getEntriesByName('relais:interactive')[0]!.startTime);
}

/** `catalog` names the catalog the server publishes, for the line's name. */
export async function offlineStart(url: string, runs = 7, catalog = 'demo catalog'): Promise<BenchLine[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await enrollTerminal(page, 'bench'); // as a supervisor does once per terminal
    await page.waitForSelector('[data-service]');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const online: number[] = [];
    for (let i = 0; i < runs; i++) online.push(await timeToInteractive(page));
    await context.setOffline(true);
    const offline: number[] = [];
    for (let i = 0; i < runs; i++) offline.push(await timeToInteractive(page));
    const m = median(offline);
    return [
      {
        name: `offline start to interactive, ${catalog}, 4× CPU throttling (median of ${runs})`,
        value: m,
        unit: 'ms',
        baseline: { name: 'same page online', value: median(online) },
        ratio: m / median(online),
        detail: { min: Math.min(...offline), max: Math.max(...offline), onlineMin: Math.min(...online), onlineMax: Math.max(...online) },
      },
    ];
  } finally {
    await browser.close();
  }
}
