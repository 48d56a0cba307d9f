#!/usr/bin/env node
// `npm test`: every gate and every suite, in order, then one line `N passed, N failed`
// summed over all suites (what CI reads). Gates (type-check, core purity, build) that
// fail count as one failed check each, so a broken gate can never look green.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const node = process.execPath;
let passed = 0;
let failed = 0;
const lines = [];

function run(label, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(node, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function gate(label, args) {
  const ok = run(label, args);
  if (!ok) failed++;
  lines.push(`${label}: ${ok ? 'ok' : 'FAILED'}`);
  return ok;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

mkdirSync('test-results', { recursive: true });
const tsc = 'node_modules/typescript/bin/tsc';
for (const project of ['src/core', 'tsconfig.app.json', 'src/sw', 'server', 'tests']) gate(`type-check ${project}`, [tsc, '-p', project]);
gate('core purity', ['scripts/check-core-purity.mjs']);
gate('i18n:check (every language’s strings)', ['--import', 'tsx', 'scripts/i18n-check.ts']);
const built = gate('build kiosk', ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);

// Vitest: unit (Node) and server (PGlite + PostgreSQL) suites.
rmSync('test-results/vitest.json', { force: true });
const vitestOk = run('vitest (unit + server)', ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
const vitest = readJson('test-results/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  lines.push(`vitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`);
}
if (!vitest || (!vitestOk && vitest.numFailedTests === 0)) {
  failed++; // the runner itself failed (crash, failed suite setup): count it
  lines.push('vitest: runner FAILED');
}

// Playwright: end-to-end in Debian's Chromium against the built kiosk and the real server.
if (built) {
  rmSync('test-results/e2e.json', { force: true });
  const e2eOk = run('playwright (e2e)', ['node_modules/@playwright/test/cli.js', 'test']);
  const e2e = readJson('test-results/e2e.json');
  if (e2e) {
    const ok = e2e.stats.expected + e2e.stats.flaky;
    passed += ok;
    failed += e2e.stats.unexpected;
    lines.push(`e2e: ${ok} passed, ${e2e.stats.unexpected} failed, ${e2e.stats.skipped} skipped`);
  }
  if (!e2e || (!e2eOk && e2e.stats.unexpected === 0)) {
    failed++;
    lines.push('e2e: runner FAILED');
  }
} else {
  lines.push('e2e: not run (the build failed)');
}

console.log(`\n${lines.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 && existsSync('test-results') ? 0 : 1);
