/**
 * Translation coverage (issue 3, item 2): which keys each language has, lacks, or has
 * only as an unreviewed draft. Pure, so `npm run i18n:check` and the supervisor's screen
 * count the same way. Keys are `namespace:path`; plural forms (`_one`, `_few`, …) count
 * as one key.
 */
import { LANGUAGES, type UiLanguage } from './languages.ts';
import { pluralCategories } from './plurals.ts';

export type Tree = { [key: string]: string | Tree };
export type Bundles = Partial<Record<string, Partial<Record<string, Tree>>>>; // lang → namespace → tree
/** The review file of an Amazigh language (locales/review/<base>.json). */
export interface ReviewFile {
  language: string;
  reviewed: Record<string, { by: string; on: string }>;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every string of a bundle as `ns:path` → text (plural forms keep their suffix). */
export function flatten(bundles: Partial<Record<string, Tree>>): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (ns: string, tree: Tree, prefix: string) => {
    for (const [key, value] of Object.entries(tree)) {
      if (typeof value === 'string') out.set(`${ns}:${prefix}${key}`, value);
      else walk(ns, value, `${prefix}${key}.`);
    }
  };
  for (const [ns, tree] of Object.entries(bundles)) if (tree) walk(ns, tree, '');
  return out;
}

export const baseKey = (key: string): string => key.replace(PLURAL, '');
export const baseKeys = (strings: Map<string, string>): Set<string> => new Set([...strings.keys()].map(baseKey));
export const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]!).sort();

export interface LanguageCoverage {
  lang: UiLanguage;
  total: number; // keys of the reference (Arabic ∪ French)
  translated: number;
  missing: string[];
  /** Translated but not yet reviewed by a native speaker (Amazigh only). */
  unreviewed: number;
  reviewed: number;
  /** Keys no reference language has (a typo, or a key the UI dropped). */
  unknown: string[];
  /** Plural keys lacking a form this language needs. */
  pluralGaps: string[];
  /** Strings whose {{placeholders}} differ from French's. */
  placeholderMismatches: string[];
}

export function coverage(lang: UiLanguage, bundles: Bundles, reference: Set<string>, french: Map<string, string>, review?: ReviewFile): LanguageCoverage {
  const strings = flatten(bundles[lang] ?? {});
  const own = baseKeys(strings);
  const missing = [...reference].filter((k) => !own.has(k)).sort();
  const unknown = [...own].filter((k) => !reference.has(k)).sort();
  const pluralGaps: string[] = [];
  for (const key of own) {
    const forms = [...strings.keys()].filter((k) => baseKey(k) === key && k !== key);
    if (forms.length === 0) continue;
    for (const category of pluralCategories(lang)) if (!strings.has(`${key}_${category}`)) pluralGaps.push(`${key}_${category}`);
  }
  const placeholderMismatches = [...strings]
    .filter(([key, text]) => {
      const fr = french.get(key) ?? french.get(`${baseKey(key)}_other`) ?? french.get(baseKey(key));
      if (fr === undefined) return false;
      const mine = placeholders(text);
      return mine.some((p) => !placeholders(fr).includes(p));
    })
    .map(([key]) => key);
  const translated = reference.size - missing.length;
  const draft = LANGUAGES[lang].draft;
  const reviewed = draft ? [...own].filter((k) => reference.has(k) && review?.reviewed[k]).length : translated;
  return { lang, total: reference.size, translated, missing, unreviewed: translated - reviewed, reviewed, unknown, pluralGaps, placeholderMismatches };
}
