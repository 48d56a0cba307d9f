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
      // A plural form may always show {{count}}: languages group numbers differently
      // (tzm's "one" also covers 11–99, where French's "one" has no number to show).
      const allowed = [...placeholders(fr), ...(baseKey(key) !== key ? ['count'] : [])];
      return placeholders(text).some((p) => !allowed.includes(p));
    })
    .map(([key]) => key);
  const translated = reference.size - missing.length;
  const draft = LANGUAGES[lang].draft;
  const reviewed = draft ? [...own].filter((k) => reference.has(k) && review?.reviewed[k]).length : translated;
  return { lang, total: reference.size, translated, missing, unreviewed: translated - reviewed, reviewed, unknown, pluralGaps, placeholderMismatches };
}

/** The keys a source file asks for: t('key'), t("ns:key"), and t(`prefix.${…}`) as a prefix. */
export function keysInSource(source: string): { keys: string[]; prefixes: string[] } {
  // Comments may show example calls: only code counts.
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const qualify = (key: string) => (key.includes(':') ? key : `common:${key}`);
  return {
    keys: [...code.matchAll(/\bt\(\s*(['"])([A-Za-z][\w.:-]*)\1/g)].map((m) => qualify(m[2]!)),
    prefixes: [...code.matchAll(/\bt\(\s*`([A-Za-z][\w.:-]*)\$\{/g)].map((m) => qualify(m[1]!)),
  };
}

/** Whether the UI uses a key: asked for by name, or under a prefix it builds at run time. */
export function usageOf(keys: Iterable<string>, prefixes: Iterable<string>): (key: string) => boolean {
  const named = new Set(keys);
  const starts = [...new Set(prefixes)];
  return (key) => named.has(key) || starts.some((p) => key.startsWith(p));
}

/** What `npm run i18n:check` makes of one language's coverage. */
export interface Verdict {
  /** Reasons to fail. */
  failures: string[];
  /** Missing keys of the citizen's namespaces the UI uses (each is also a failure). */
  citizenMissingUsed: string[];
  /** Missing keys of the staff-only namespaces, by namespace: a failure only for Arabic and French. */
  staffMissing: Record<string, number>;
}

/**
 * Arabic and French must have every key. Every language must have each key of the
 * citizen's namespaces (common, errors) that the UI uses. An Amazigh gap in a staff-only
 * namespace is reported, not a failure. Stray keys, missing plural forms and placeholders
 * French lacks fail in any language.
 */
export function judge(c: LanguageCoverage, isUsed: (key: string) => boolean, isCitizenKey: (key: string) => boolean): Verdict {
  const failures: string[] = [];
  const list = (keys: string[]) => `${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', …' : ''}`;
  const citizenMissingUsed = c.missing.filter((k) => isCitizenKey(k) && isUsed(k));
  const staffMissing: Record<string, number> = {};
  for (const key of c.missing.filter((k) => !isCitizenKey(k))) {
    const ns = key.slice(0, key.indexOf(':'));
    staffMissing[ns] = (staffMissing[ns] ?? 0) + 1;
  }
  if (!LANGUAGES[c.lang].draft) {
    if (c.missing.length > 0) failures.push(`${c.lang} lacks ${c.missing.length} key(s): ${list(c.missing)}`);
  } else if (citizenMissingUsed.length > 0) {
    failures.push(`${c.lang} lacks ${citizenMissingUsed.length} key(s) the citizen's screens use: ${list(citizenMissingUsed)}`);
  }
  for (const key of c.unknown) failures.push(`${c.lang} has ${key}, which neither Arabic nor French has`);
  for (const key of c.pluralGaps) failures.push(`${c.lang} lacks the plural form ${key}`);
  for (const key of c.placeholderMismatches) failures.push(`${c.lang}'s ${key} has a {{placeholder}} French does not`);
  return { failures, citizenMissingUsed, staffMissing };
}
