/**
 * `npm run i18n:check`: the state of every language's strings.
 *   - reports, per language, the keys of the citizen's namespaces (common, errors) and of
 *     the staff-only ones (console, bundle, qr, figures) translated and missing (served by
 *     the fallback chain), and those not yet reviewed by a native speaker (Amazigh drafts,
 *     locales/review/<base>.json);
 *   - fails when Arabic or French lacks a key, when any language lacks a key of common or
 *     errors that the UI uses (an Amazigh gap in a staff-only namespace is only reported),
 *     when the UI uses a key no reference language defines, when a language has a key the
 *     reference lacks, a plural form its rules need, or {{placeholders}} French does not
 *     have, and when a generated Tifinagh file no longer matches its Latin source (run
 *     `npm run i18n:tifinagh`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { baseKeys, coverage, flatten, judge, keysInSource, usageOf, type Bundles, type ReviewFile, type Tree } from '../src/core/i18n/coverage.ts';
import { LANGUAGES, UI_LANGUAGES } from '../src/core/i18n/languages.ts';
import { CITIZEN_NAMESPACES, isCitizenKey, NAMESPACES } from '../src/core/i18n/namespaces.ts';
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

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}
const used = new Map<string, string>(); // key → first file using it
const prefixes = new Map<string, string>();
for (const file of sourceFiles('src')) {
  const found = keysInSource(readFileSync(file, 'utf8'));
  for (const key of found.keys) if (!used.has(key)) used.set(key, file);
  for (const prefix of found.prefixes) if (!prefixes.has(prefix)) prefixes.set(prefix, file);
}
for (const [key, file] of used) if (!reference.has(key)) failures.push(`${file} uses ${key}, which neither Arabic nor French defines`);
for (const [prefix, file] of prefixes) if (![...reference].some((k) => k.startsWith(prefix))) failures.push(`${file} uses keys under ${prefix}…, and no reference language has one`);
const isUsed = usageOf(used.keys(), prefixes.keys());

const citizenTotal = [...reference].filter(isCitizenKey).length;
const staffNamespaces = NAMESPACES.filter((ns) => !CITIZEN_NAMESPACES.includes(ns));
const rows: string[] = [];
const staffGaps = new Map<string, string[]>(); // missing per namespace → languages
for (const lang of UI_LANGUAGES) {
  const base = LANGUAGES[lang].base;
  const reviewPath = `locales/review/${base}.json`;
  const review = LANGUAGES[lang].draft && existsSync(reviewPath) ? (read(reviewPath) as ReviewFile) : undefined;
  const c = coverage(lang, bundles, reference, french, review);
  const verdict = judge(c, isUsed, isCitizenKey);
  failures.push(...verdict.failures);
  const citizenMissing = c.missing.filter(isCitizenKey).length;
  const staffMissing = c.missing.length - citizenMissing;
  rows.push(
    [
      lang.padEnd(9),
      `${citizenTotal - citizenMissing}/${citizenTotal}`.padStart(9),
      String(verdict.citizenMissingUsed.length).padStart(13),
      `${c.total - citizenTotal - staffMissing}/${c.total - citizenTotal}`.padStart(10),
      LANGUAGES[lang].draft ? String(c.unreviewed).padStart(11) : '          —',
    ].join('  '),
  );
  if (LANGUAGES[lang].draft && staffMissing > 0) {
    const gaps = Object.entries(verdict.staffMissing).map(([ns, n]) => `${ns} ${n}`).join(', ');
    staffGaps.set(gaps, [...(staffGaps.get(gaps) ?? []), lang]);
  }
}

for (const [path, text] of generatedFiles()) {
  if (!existsSync(path) || readFileSync(path, 'utf8') !== text) failures.push(`${path} is not the Tifinagh of its Latin source: run npm run i18n:tifinagh`);
}

console.log(['', `${CITIZEN_NAMESPACES.join(' + ')}:`.padStart(26), 'staff-only:'.padStart(10)].join('  ').padEnd(9));
console.log(['language '.padEnd(9), 'translated', 'missing, used'.padStart(12), 'translated', 'unreviewed'.padStart(11)].join('  '));
for (const row of rows) console.log(row);
console.log(`\n${used.size} keys (and ${prefixes.size} prefixes) used by the UI. Every language must have each key of ${CITIZEN_NAMESPACES.join(' and ')} the UI uses.`);
console.log(
  `Staff-only namespaces (${staffNamespaces.join(', ')}) must be complete in Arabic and French; Amazigh gaps there are reported, not failures yet${
    staffGaps.size > 0 ? `:\n${[...staffGaps].map(([gaps, langs]) => `  ${langs.join(', ')} lack ${gaps}`).join('\n')}` : ' (none today).'
  }`,
);
console.log("Missing keys are shown through each language's fallback chain (e.g. shi-Latn → shi-Tfng → zgh → ar → fr).");
if (failures.length > 0) {
  console.error(`\ni18n:check failed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}
console.log('i18n:check passed');
