/**
 * In Debian's Chromium with a persistent profile on disk (a Playwright incognito context
 * keeps IndexedDB in memory, where durability means nothing):
 * - queueing an application the way the kiosk does (submitDraft: seal with HPKE, then one
 *   strict-durability transaction over outbox, drafts, meta and audit) against a raw Dexie
 *   `put` of an already sealed item with the same strict durability, on the same database
 *   in the same run (aim: ratio ≥ 0.8), with `bulkPut` of the same items for reference;
 * - IndexedDB bytes per 1,000 queued applications (storage estimate), against the same
 *   items as JSON text.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { demoService } from '../tests/support/catalog.ts';
import type { EnqueueRates, QueueBytes } from './browser/enqueue-page.ts';
import { serveBenchPage } from './browser/serve-page.ts';
import type { BenchLine } from './lib/report.ts';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const ANSWERS = {
  fullName: 'Aicha Ait Brahim', cnie: 'JB123456', birthDate: '1984-05-17', douar: 'Douar Tafraout', commune: 'Tafraout',
  residentSince: '2010-09-01', housingStatus: 'owner', purpose: 'bank', phone: '+212661234567',
};

export async function outboxEnqueue(n = 300, applications = 1000): Promise<BenchLine[]> {
  const page = await serveBenchPage();
  const profile = mkdtempSync(join(tmpdir(), 'relais-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    const tab = await context.newPage();
    await tab.goto(page.url);
    await tab.waitForFunction(() => 'relaisBench' in window);
    const definition = demoService('residence-certificate');
    const rates = await tab.evaluate(([d, a, count]) => window.relaisBench.enqueueRates(d, a, count), [definition, ANSWERS, n] as const) as EnqueueRates;
    const bytes = await tab.evaluate(([d, a, count]) => window.relaisBench.queueBytes(d, a, count), [definition, ANSWERS, applications] as const) as QueueBytes;
    const per1000 = (bytes.usageBytes / bytes.applications) * 1000;
    const json1000 = (bytes.jsonBytes / bytes.applications) * 1000;
    return [
      {
        name: `outbox enqueue (seal + ${rates.durability} transaction), ${rates.n} applications, Chromium`,
        value: rates.submitPerSecond,
        unit: 'applications/s',
        baseline: { name: `raw Dexie put, ${rates.durability}`, value: rates.putPerSecond },
        ratio: rates.submitPerSecond / rates.putPerSecond,
        detail: { msEach: 1000 / rates.submitPerSecond, putMsEach: 1000 / rates.putPerSecond, sealMsEach: rates.sealMs, terminalIdMsEach: rates.terminalIdMs },
      },
      { name: `raw Dexie bulkPut of ${n} sealed items, one ${rates.durability} transaction, Chromium`, value: rates.bulkPutPerSecond, unit: 'items/s', baseline: { name: `raw Dexie put, ${rates.durability}`, value: rates.putPerSecond }, ratio: rates.bulkPutPerSecond / rates.putPerSecond },
      { name: `raw Dexie put, relaxed durability (control), Chromium`, value: rates.relaxedPutPerSecond, unit: 'items/s', baseline: { name: `raw Dexie put, ${rates.durability}`, value: rates.putPerSecond }, ratio: rates.relaxedPutPerSecond / rates.putPerSecond },
      { name: `IndexedDB bytes per 1,000 queued applications (outbox + audit), Chromium`, value: per1000 / 1024, unit: 'KB', baseline: { name: 'same items as JSON', value: json1000 / 1024 }, ratio: per1000 / json1000, detail: { applications: bytes.applications } },
    ];
  } finally {
    await context.close();
    await page.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
