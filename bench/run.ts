/**
 * `npm run bench`: builds the kiosk, then measures (each line says against what):
 * start-up and lazy bytes; search per keystroke at 650, 2,700 and 10,000 services;
 * offline start in Chromium with the demo catalog and with 2,700 generated services; the
 * outbox's delivery rate to a local server (in Node, and in Chromium against Workbox's
 * background-sync Queue); enqueueing with strict durability in Chromium and IndexedDB
 * bytes per 1,000 queued applications; server ingestion at 10, 50 and 200
 * terminals on PGlite and PostgreSQL. Prints a table, writes bench/results/latest.json
 * (and a dated copy). About four minutes on the 2-core bench machine.
 */
import { execFileSync } from 'node:child_process';
import { startServer } from '../tests/e2e/support/server-process.ts';
import { deliveryRate } from './delivery-rate.ts';
import { deliveryVsWorkbox } from './delivery-vs-workbox.ts';
import { offlineStart } from './offline-start.ts';
import { outboxEnqueue } from './outbox-enqueue.ts';
import { report, type BenchLine } from './lib/report.ts';
import { searchLatency } from './search-latency.ts';
import { scanDecode } from './scan-decode.ts';
import { sealingCost } from './sealing.ts';
import { serverIngestion } from './server-ingestion.ts';
import { startupBytes } from './startup-bytes.ts';

const step = (name: string) => console.log(`▶ ${name}`);

execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
const lines: BenchLine[] = [...startupBytes()];
step('search latency');
lines.push(...searchLatency());
step('sealing: an application of 10 fields and two 300 KB photos');
lines.push(...(await sealingCost()));
step('scan: QR and PDF417 decode in a 1280×720 frame');
lines.push(...scanDecode());
step('QR transfer: a 50 KB bundle as animated QR codes, drawn and decoded as the kiosk does');
lines.push(...(await (await import('./qr-transfer.ts')).qrTransferRate())); // bytes/frame × pace, against base64 in byte mode
step('photo: a 12-megapixel image compressed for an application');
lines.push(...(await (await import('./photo-compress.ts')).photoCompress())); // ≤ 1600 px, ≤ 300 KB: time and size

step('offline start and delivery rate (demo catalog)');
const server = await startServer({ STATIC_DIR: 'dist', RATE_LIMIT_PER_MINUTE: '0' });
try {
  lines.push(...(await offlineStart(server.url)));
  lines.push(...(await deliveryRate(server.url, await server.enroll())));
  lines.push(...(await (await import('./speech.ts')).speechBench(server.url, await server.enroll()))); // speak → sound, storage per minute, coverage
} finally {
  await server.stop();
}

step('offline start (2,700 generated services)');
const large = await startServer({ STATIC_DIR: 'dist', RATE_LIMIT_PER_MINUTE: '0', CATALOG_GENERATED: '2690' });
try {
  lines.push(...(await offlineStart(large.url, 5, '2,700 services')));
} finally {
  await large.stop();
}

step('outbox enqueue and IndexedDB bytes (Chromium)');
lines.push(...(await outboxEnqueue()));
step('store-and-forward bundles: export and import of 500 queued applications (Chromium)');
lines.push(...(await (await import('./bundle.ts')).bundleBench())); // time and file size against JSON and a raw bulkAdd
step('delivery: outbox against Workbox background sync (Chromium)');
lines.push(...(await deliveryVsWorkbox()));
step('server ingestion (PGlite, PostgreSQL)');
lines.push(...(await serverIngestion()));
report(lines);
