/**
 * `npm run i18n:check`: the state of every language's strings.
 *   - reports, per language, keys translated, missing (served by the fallback chain) and
 *     not yet reviewed by a native speaker (Amazigh drafts, locales/review/<base>.json);
 *   - fails when Arabic or French lacks a key, when the UI uses a key no reference
 *     language defines, when a language has a key the reference lacks, a plural form its
 *     rules need, or {{placeholders}} French does not have, and when a generated Tifinagh
 *     file no longer matches its Latin source (run `npm run i18n:tifinagh`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { baseKeys, coverage, flatten, type Bundles, type ReviewFile, type Tree } from '../src/core/i18n/coverage.ts';
import { LANGUAGES, UI_LANGUAGES } from '../src/core/i18n/languages.ts';
import { NAMESPACES } from '../src/core/i18n/namespaces.ts';
import { generatedFiles } from './i18n-tifinagh.ts';

const read = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

const bundles: Bundles = {};
for (const lang of UI_LANGUAGES) {
  bundles[lang] = {};
  for (const ns of NAMESPACES) {
    const path = `locales/${lang}/${ns}.json`;
    if (existsSync(path)) bundles[lang]![ns] = read(path) as Tree;
  }
}
const reference = new Set([...baseKeys(flatten(bundles.ar!)), ...baseKeys(flatten(bundles.fr!))]);
const french = flatten(bundles.fr!);
const failures: string[] = [];

// Keys the UI asks for: t('key'), t("ns:key"), and t(`prefix.${…}`) as a prefix.
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}
const used = new Map<string, string>(); // key → first file using it
const prefixes = new Map<string, string>();
for (const file of sourceFiles('src')) {
  // Comments may show example calls: only code counts.
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  for (const m of text.matchAll(/\bt\(\s*(['"])([A-Za-z][\w.:-]*)\1/g)) {
    const key = m[2]!.includes(':') ? m[2]! : `common:${m[2]}`;
    if (!used.has(key)) used.set(key, file);
  }
  for (const m of text.matchAll(/\bt\(\s*`([A-Za-z][\w.:-]*)\$\{/g)) {
    const prefix = m[1]!.includes(':') ? m[1]! : `common:${m[1]}`;
    if (!prefixes.has(prefix)) prefixes.set(prefix, file);
  }
}
for (const [key, file] of used) if (!reference.has(key)) failures.push(`${file} uses ${key}, which neither Arabic nor French defines`);
for (const [prefix, file] of prefixes) if (![...reference].some((k) => k.startsWith(prefix))) failures.push(`${file} uses keys under ${prefix}…, and no reference language has one`);

const rows: string[] = [];
for (const lang of UI_LANGUAGES) {
  const base = LANGUAGES[lang].base;
  const reviewPath = `locales/review/${base}.json`;
  const review = LANGUAGES[lang].draft && existsSync(reviewPath) ? (read(reviewPath) as ReviewFile) : undefined;
  const c = coverage(lang, bundles, reference, french, review);
  if ((lang === 'ar' || lang === 'fr') && c.missing.length > 0) failures.push(`${lang} lacks ${c.missing.length} key(s): ${c.missing.slice(0, 8).join(', ')}${c.missing.length > 8 ? ', …' : ''}`);
  for (const key of c.unknown) failures.push(`${lang} has ${key}, which neither Arabic nor French has`);
  for (const key of c.pluralGaps) failures.push(`${lang} lacks the plural form ${key}`);
  for (const key of c.placeholderMismatches) failures.push(`${lang}'s ${key} has a {{placeholder}} French does not`);
  const usedMissing = c.missing.filter((k) => used.has(k)).length;
  rows.push(
    [lang.padEnd(9), `${c.translated}/${c.total}`.padStart(9), String(c.missing.length).padStart(8), String(usedMissing).padStart(13), LANGUAGES[lang].draft ? String(c.unreviewed).padStart(11) : '          —'].join('  '),
  );
}

for (const [path, text] of generatedFiles()) {
  if (!existsSync(path) || readFileSync(path, 'utf8') !== text) failures.push(`${path} is not the Tifinagh of its Latin source: run npm run i18n:tifinagh`);
}

console.log('language    translated   missing  missing, used   unreviewed');
for (const row of rows) console.log(row);
console.log(`\n${used.size} keys used by the UI; missing keys are shown through each language's fallback chain (e.g. shi-Latn → shi-Tfng → zgh → ar → fr).`);
if (failures.length > 0) {
  console.error(`\ni18n:check failed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}
console.log('i18n:check passed');
