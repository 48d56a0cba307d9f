/**
 * `npm run bench`: builds the kiosk, starts the real server on PGlite in a throwaway
 * folder, measures, prints a table and writes bench/results/latest.json (and a dated copy).
 */
import { execFileSync } from 'node:child_process';
import { startServer } from '../tests/e2e/support/server-process.ts';
import { deliveryRate } from './delivery-rate.ts';
import { offlineStart } from './offline-start.ts';
import { report, type BenchLine } from './lib/report.ts';
import { startupBytes } from './startup-bytes.ts';
import { sealingCost } from './sealing.ts';

execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
const lines: BenchLine[] = [...startupBytes(), ...(await sealingCost())];
const server = await startServer({ STATIC_DIR: 'dist' });
try {
  lines.push(...(await offlineStart(server.url)));
  lines.push(...(await deliveryRate(server.url)));
} finally {
  await server.stop();
}
report(lines);
