/**
 * Offline start in Debian's Chromium at 4× CPU throttling, from the service worker, with
 * the same page loaded online in the same run as the baseline. Two figures per start:
 * navigation → the welcome screen usable (`relais:interactive`), and the citizen's tap on
 * a language → the services listed (`relais:services`), which is when the cached catalog
 * has been read from IndexedDB and drawn.
 */
import { chromium, type Page } from '@playwright/test';
import { median, type BenchLine } from './lib/report.ts';
import { chooseLanguage, enrollTerminal } from '../tests/e2e/support/kiosk.ts';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

async function oneStart(page: Page): Promise<{ welcome: number; services: number }> {
  await page.reload();
  // No named helpers inside evaluate(): tsx's esbuild would wrap them in a __name() the page lacks.
  await page.waitForFunction(() => performance.getEntriesByName('relais:interactive').length > 0, undefined, { polling: 20 });
  const welcome = await page.evaluate(() => performance.getEntriesByName('relais:interactive')[0]!.startTime);
  const tapped = await page.evaluate(() => {
    const at = performance.now();
    (document.querySelector('.welcome .language-button[data-lang="fr"]') as HTMLButtonElement).click();
    return at;
  });
  await page.waitForFunction(() => performance.getEntriesByName('relais:services').length > 0, undefined, { polling: 20 });
  const services = await page.evaluate(() => performance.getEntriesByName('relais:services')[0]!.startTime);
  return { welcome, services: services - tapped };
}

/** `catalog` names the catalog the server publishes, for the line's name. */
export async function offlineStart(url: string, runs = 7, catalog = 'demo catalog'): Promise<BenchLine[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await chooseLanguage(page, 'fr');
    await enrollTerminal(page, 'bench'); // as a supervisor does once per terminal
    await page.waitForSelector('[data-service]');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const online: Array<{ welcome: number; services: number }> = [];
    for (let i = 0; i < runs; i++) online.push(await oneStart(page));
    await context.setOffline(true);
    const offline: Array<{ welcome: number; services: number }> = [];
    for (let i = 0; i < runs; i++) offline.push(await oneStart(page));
    const line = (what: 'welcome' | 'services', name: string): BenchLine => {
      const values = offline.map((o) => o[what]);
      const base = median(online.map((o) => o[what]));
      const m = median(values);
      return { name, value: m, unit: 'ms', baseline: { name: 'same page online', value: base }, ratio: m / base, detail: { min: Math.min(...values), max: Math.max(...values) } };
    };
    return [
      line('welcome', `offline start to interactive (welcome screen), ${catalog}, 4× CPU throttling (median of ${runs})`),
      line('services', `offline: language tapped → services listed, ${catalog}, 4× CPU throttling (median of ${runs})`),
    ];
  } finally {
    await browser.close();
  }
}
