/**
 * Catalog search at the portal's size (650 services), the national register's (2,700) and
 * the design's ceiling (10,000): the demo catalog plus generated services. Measures, in
 * Node (V8, the kiosk's engine, not throttled):
 * - time per keystroke of searchServices while realistic queries (French, Arabic,
 *   Tifinagh, Latin Amazigh, one with a typo) are typed letter by letter, median and p95,
 *   against a naive scan of the same keystrokes (every word a substring of the folded title
 *   and summary: what a kiosk without an index would do, with no typos or synonyms);
 * - the index's size in memory (typed arrays and strings), as JSON and gzipped;
 * - the time to build it in a fresh process (cold, as the kiosk's worker does), against
 *   the ~50 ms a page can block without the screen stalling (why it is built in a worker).
 */
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { generateCatalog } from '../catalog/generator/generate-catalog.ts';
import { foldText } from '../src/core/search/fold.ts';
import { buildSearchIndex, indexToJson, type SearchIndex } from '../src/core/search/search-index.ts';
import { searchServices } from '../src/core/search/search.ts';
import type { ServiceDefinition } from '../src/core/forms/types.ts';
import { loadDemoCatalog } from '../tests/fixtures/catalog/demo-catalog.ts';
import { median, type BenchLine } from './lib/report.ts';

export const SEARCH_SIZES = [650, 2700, 10_000];
const FRAME_BUDGET_MS = 50;

const QUERIES = [
  'acte de naissance', 'certificat de residence', 'carte nationale', 'permis de construire', 'casier judiciaire',
  'bourse', 'passeport', 'retraite', 'naissnce copie', 'assurance maladie',
  'عقد الازدياد', 'شهادة السكنى', 'بطاقة التعريف', 'رخصة البناء', 'التقاعد', 'جواز السفر',
  'ⵜⴰⴷⵓⵙⵉ', 'tafllaht', 'tinml',
];
/** Every prefix of every query: what the search box holds after each keystroke. */
const KEYSTROKES = QUERIES.flatMap((q) => [...q].map((_, i) => [...q].slice(0, i + 1).join('')));

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1]!;

/** Per keystroke, the median of PASSES timings: the bench machine is shared, one pass is noisy. */
const PASSES = 5;
function timeEach(run: (query: string) => unknown): number[] {
  const passes = Array.from({ length: PASSES }, () =>
    KEYSTROKES.map((query) => {
      const start = performance.now();
      run(query);
      return performance.now() - start;
    }),
  );
  return KEYSTROKES.map((_, i) => median(passes.map((pass) => pass[i]!)));
}

/** The baseline: no index, every keystroke scans folded titles and summaries. */
function naiveScanner(services: readonly ServiceDefinition[]): (query: string) => string[] {
  const texts = services.map((s) => foldText(`${s.title.fr} ${s.title.ar} ${s.summary.fr} ${s.summary.ar}`));
  return (query) => {
    const words = foldText(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (words.length === 0) return [];
    const hits: string[] = [];
    texts.forEach((text, i) => {
      if (words.every((w) => text.includes(w))) hits.push(services[i]!.id);
    });
    return hits.slice(0, 50);
  };
}

/** The index in memory: its typed arrays, and its strings counted as UTF-16 (V8 stores Latin-1 ones in half). */
function memoryBytes(index: SearchIndex): number {
  const strings = [...index.terms, ...index.ids].reduce((sum, s) => sum + 2 * s.length, 0);
  return index.starts.byteLength + index.postings.byteLength + index.titleWords.byteLength + strings;
}

export function searchLatency(): BenchLine[] {
  const demo = loadDemoCatalog().map(({ json }) => json as ServiceDefinition);
  const all = [...demo, ...generateCatalog({ count: Math.max(...SEARCH_SIZES) - demo.length })];
  // Warm the JIT on the smallest catalog first, so the first size is not penalised.
  const warm = buildSearchIndex(all.slice(0, 650), 0);
  for (let i = 0; i < 3; i++) timeEach((q) => searchServices(warm, q));
  const lines: BenchLine[] = [];
  for (const size of SEARCH_SIZES) {
    const services = all.slice(0, size);
    // Cold, in a fresh process, as the kiosk's worker builds it; and warm, in this one.
    const coldMs = Number(execFileSync(process.execPath, ['--import', 'tsx', 'bench/lib/cold-build.ts', String(size)], { encoding: 'utf8' }).trim());
    const builds: number[] = [];
    let index = buildSearchIndex(services, 1);
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      index = buildSearchIndex(services, 1);
      builds.push(performance.now() - start);
    }
    const json = JSON.stringify(indexToJson(index));
    const indexed = timeEach((q) => searchServices(index, q));
    const scanned = timeEach(naiveScanner(services));
    const detail = { keystrokes: KEYSTROKES.length, queries: QUERIES.length, passes: PASSES };
    lines.push(
      { name: `search per keystroke, ${size} services, median (Node)`, value: median(indexed), unit: 'ms', baseline: { name: 'naive scan, no index', value: median(scanned) }, ratio: median(indexed) / median(scanned), detail },
      { name: `search per keystroke, ${size} services, p95 (Node)`, value: p95(indexed), unit: 'ms', baseline: { name: 'naive scan, no index', value: p95(scanned) }, ratio: p95(indexed) / p95(scanned), detail: { max: Math.max(...indexed) } },
      { name: `search index in memory, ${size} services`, value: memoryBytes(index) / 1024, unit: 'KB', detail: { jsonKB: json.length / 1024, gzipKB: gzipSync(json).length / 1024, terms: index.terms.length, postings: index.postings.length } },
      { name: `search index build, cold (fresh process, as the worker), ${size} services`, value: coldMs, unit: 'ms', baseline: { name: 'one-frame budget', value: FRAME_BUDGET_MS }, ratio: coldMs / FRAME_BUDGET_MS, detail: { warmMedianOf3: median(builds) } },
    );
  }
  return lines;
}
