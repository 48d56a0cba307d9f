/**
 * Gzipped bytes of the JavaScript and CSS the kiosk loads before it is interactive: the
 * entry script and stylesheet in dist/index.html plus their static imports. Lazy chunks
 * (locale files, the catalog checker) are excluded: they load after first paint.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { BenchLine } from './lib/report.ts';

const BUDGET_KB = 100;

function staticImports(file: string, seen: Set<string>): void {
  if (seen.has(file)) return;
  seen.add(file);
  const code = readFileSync(`dist/${file}`, 'utf8');
  // Static `import … from "./x.js"` and bare `import "./x.js"`; dynamic import() is lazy.
  for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.\/[^"']+\.js)["']/g)) {
    staticImports(`assets/${m[1]!.slice(2)}`, seen);
  }
}

export function startupBytes(): BenchLine[] {
  const html = readFileSync('dist/index.html', 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="\/([^"]+)"/g)].map((m) => m[1]!);
  const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/([^"]+)"/g)].map((m) => m[1]!);
  const js = new Set<string>();
  for (const s of scripts) staticImports(s, js);
  const gz = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + gzipSync(readFileSync(`dist/${f}`), { level: 9 }).length, 0) / 1024;
  const jsKb = gz(js);
  const cssKb = gz(styles);
  return [
    { name: 'start-up JavaScript (gzip)', value: jsKb, unit: 'KB', baseline: { name: 'budget', value: BUDGET_KB }, ratio: jsKb / BUDGET_KB, detail: { files: [...js].join(' ') } },
    { name: 'start-up CSS (gzip)', value: cssKb, unit: 'KB' },
  ];
}
