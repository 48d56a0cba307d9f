/**
 * Bytes the kiosk loads, gzipped: before it is interactive (the entry script and
 * stylesheet in dist/index.html, their static imports, the ar and fr strings i18next
 * awaits before the first render, and the fonts that stylesheet names), against the
 * start-up budget; then each lazy chunk (a dynamic import() or a
 * worker), with the static imports it adds beyond the start-up set, loaded only when that
 * route is taken (submitting, refreshing the catalog, building the search index, a
 * language's strings).
 */
import { existsSync, readFileSync } from 'node:fs';
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

/** Chunks loaded later: dynamic imports and workers, named after the file or the locale it holds. */
function lazyChunks(files: Iterable<string>): Map<string, string> {
  const lazy = new Map<string, string>(); // file → name
  for (const file of files) {
    const code = readFileSync(`dist/${file}`, 'utf8');
    // import.meta.glob's map: "../../../locales/ar/common.json":()=>…import(`./common-….js`)
    for (const m of code.matchAll(/"(?:\.\.\/)*locales\/([^"]+)\.json"\s*:\s*\(\)\s*=>[^`"']{0,40}import\(\s*[`"']\.\/([^`"']+\.js)/g)) lazy.set(`assets/${m[2]}`, `strings ${m[1]}`);
    for (const m of code.matchAll(/import\(\s*[`"']\.\/([^`"']+\.js)[`"']\s*\)/g)) {
      const file = `assets/${m[1]}`;
      if (!lazy.has(file)) lazy.set(file, m[1]!.replace(/-[\w-]{8}\.js$/, ''));
    }
    for (const m of code.matchAll(/new Worker\(\s*new URL\(\s*[`"']\/(assets\/[^`"']+\.js)/g)) lazy.set(m[1]!, `worker ${m[1]!.slice(7).replace(/-[\w-]{8}\.js$/, '')}`);
  }
  return lazy;
}

const gz = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + gzipSync(readFileSync(`dist/${f}`), { level: 9 }).length, 0) / 1024;

export function startupBytes(): BenchLine[] {
  const html = readFileSync('dist/index.html', 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="\/([^"]+)"/g)].map((m) => m[1]!);
  const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/([^"]+)"/g)].map((m) => m[1]!);
  const js = new Set<string>();
  for (const s of scripts) staticImports(s, js);
  const fonts = new Set<string>();
  for (const s of styles) {
    for (const m of readFileSync(`dist/${s}`, 'utf8').matchAll(/url\(\s*["']?\/?([^"')]+\.(?:woff2?|ttf|otf))/g)) if (existsSync(`dist/${m[1]}`)) fonts.add(m[1]!);
  }
  // Lazy chunks inside lazy chunks too.
  const lazy = new Map<string, string>();
  const queue = [...js];
  while (queue.length) {
    for (const [file, name] of lazyChunks([queue.shift()!])) {
      if (lazy.has(file) || js.has(file)) continue;
      lazy.set(file, name);
      queue.push(file);
    }
  }
  // i18next loads the citizens' strings (common, errors) of the whole fallback chain (the
  // language, ar, fr) before the first render (src/ui/i18n/i18n.ts): lazy chunks, but
  // start-up bytes. The staff screens' namespaces load after it, unawaited.
  for (const [file, name] of lazy) {
    if (/^strings (ar|fr)\/(common|errors)$/.test(name)) {
      staticImports(file, js);
      lazy.delete(file);
    }
  }
  const jsKb = gz(js);
  const lines: BenchLine[] = [
    { name: 'start-up JavaScript (gzip)', value: jsKb, unit: 'KB', baseline: { name: 'budget', value: BUDGET_KB }, ratio: jsKb / BUDGET_KB, detail: { files: [...js].join(' ') } },
    { name: 'start-up CSS (gzip)', value: gz(styles), unit: 'KB' },
    { name: 'start-up fonts (gzip)', value: gz(fonts), unit: 'KB', detail: { files: [...fonts].join(' ') || 'none bundled yet' } },
  ];
  for (const [file, name] of [...lazy].sort((a, b) => a[1].localeCompare(b[1]))) {
    const own = new Set<string>();
    staticImports(file, own);
    const added = [...own].filter((f) => !js.has(f));
    lines.push({ name: `lazy chunk: ${name} (gzip, beyond start-up)`, value: gz(added), unit: 'KB', detail: { files: added.join(' ') } });
  }
  return lines;
}
