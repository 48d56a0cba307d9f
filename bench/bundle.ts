/**
 * Store-and-forward bundles (issue 5) in Debian's Chromium with a persistent profile on
 * disk (strict durability means something there): export and import time and file size
 * for 500 queued applications (10 fields each), and for 20 with two 300 KB photos each.
 * Baselines in the same page and run: reading the same items out as JSON (export), a raw
 * bulkAdd of them in one strict transaction (import), and their JSON size.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { BundleTimes } from './browser/bundle-page.ts';
import { serveBenchPage } from './browser/serve-page.ts';
import { median, type BenchLine } from './lib/report.ts';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const RUNS = 3;

function linesFor(t: BundleTimes, what: string): BenchLine[] {
  const exportMs = median(t.exportMs);
  const readMs = median(t.readJsonMs);
  const importMs = median(t.importMs);
  const bulkMs = median(t.bulkAddMs);
  return [
    { name: `bundle export (checksums, signature, notes + audit), ${what}, Chromium`, value: exportMs, unit: 'ms', baseline: { name: 'read the items out as JSON', value: readMs }, ratio: exportMs / readMs, detail: { runs: t.exportMs.length } },
    { name: `bundle import (verify all, one strict transaction + audit), ${what}, Chromium`, value: importMs, unit: 'ms', baseline: { name: 'raw Dexie bulkAdd, strict', value: bulkMs }, ratio: importMs / bulkMs, detail: { runs: t.importMs.length, perApplicationMs: importMs / t.applications } },
    { name: `bundle file size, ${what}`, value: t.bundleBytes / 1024, unit: 'KB', baseline: { name: 'same items as JSON', value: t.jsonBytes / 1024 }, ratio: t.bundleBytes / t.jsonBytes, detail: { perApplicationBytes: Math.round(t.bundleBytes / t.applications) } },
  ];
}

export async function bundleBench(applications = 500): Promise<BenchLine[]> {
  const page = await serveBenchPage();
  const profile = mkdtempSync(join(tmpdir(), 'relais-bench-bundle-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    const tab = await context.newPage();
    await tab.goto(`${page.url}bundle.html`);
    await tab.waitForFunction(() => 'relaisBundleBench' in window);
    const plain = (await tab.evaluate(([n, runs]) => window.relaisBundleBench.bundleTimes(n, 0, runs), [applications, RUNS] as const)) as BundleTimes;
    const photos = (await tab.evaluate(([runs]) => window.relaisBundleBench.bundleTimes(20, 2, runs), [RUNS] as const)) as BundleTimes;
    return [...linesFor(plain, `${applications} applications`), ...linesFor(photos, '20 applications with two 300 KB photos')];
  } finally {
    await context.close();
    await page.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// `node --import tsx bench/bundle.ts`: this bench alone (printed, bench/results left as they are).
if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await bundleBench(), null, 2));
