/**
 * What the recording studio lists for a language (DESIGN §6.1): every prompt the kiosk
 * may speak in it, with the text a clip must say — the UI's strings (each fixed stretch
 * of a string with {{placeholders}} is a prompt of its own, as composeTemplate speaks
 * them), the catalog's texts, the language's own name (the welcome screen speaks it) and
 * the pieces composed prompts are built from (numbers, months, letters).
 *
 * A language lists only the texts it has itself (or in its other script: the same words);
 * a text it borrows from its fallback chain is spoken in the fallback's language.
 */
import type { Tree } from '../i18n/coverage.ts';
import { LANGUAGES, isUiLanguage } from '../i18n/languages.ts';
import type { Localized, ServiceDefinition } from '../forms/types.ts';
import { composeTemplate, pieceCatalog } from './compose.ts';
import type { ClipStatus } from './select.ts';
import { spokenLanguage } from './lang.ts';

export type PromptSource = 'ui' | 'catalog' | 'piece';

export interface StudioPrompt {
  key: string;
  text: string;
  source: PromptSource;
}

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

/** The prompts of one string: itself, or its fixed stretches (`key#0`, `key#1`, …) around placeholders. */
export function stringPrompts(key: string, text: string): Array<{ key: string; text: string }> {
  if (!text.trim()) return [];
  const names = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
  if (names.length === 0) return [{ key, text: text.trim() }];
  return composeTemplate(key, text, Object.fromEntries(names.map((n) => [n, []])));
}

/** The UI's prompts from a language's own `common` locale tree (keys without namespace). */
export function uiPrompts(tree: Tree): StudioPrompt[] {
  const out: StudioPrompt[] = [];
  const walk = (node: Tree, prefix: string) => {
    for (const [k, value] of Object.entries(node)) {
      if (typeof value === 'string') for (const p of stringPrompts(prefix + k, value)) out.push({ ...p, source: 'ui' });
      else walk(value, `${prefix}${k}.`);
    }
  };
  walk(tree, '');
  return out;
}

/** The text of a catalog entry in `lang` or in the same language's other script, else null. */
export function ownText(text: Localized | undefined, lang: string): string | null {
  if (!text) return null;
  const spoken = spokenLanguage(lang);
  const tags = [lang, ...Object.keys(text).filter((tag) => tag !== lang && spokenLanguage(tag) === spoken)];
  for (const tag of tags) {
    const value = (text as Record<string, string | undefined>)[tag];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return null;
}

/** The catalog's prompts: per service its title, summary, administration, documents, steps, fields and choices. */
export function catalogPrompts(services: readonly ServiceDefinition[], lang: string): StudioPrompt[] {
  const out: StudioPrompt[] = [];
  const add = (key: string, text: Localized | undefined) => {
    const own = ownText(text, lang);
    if (own !== null) out.push({ key, text: own, source: 'catalog' });
  };
  for (const s of [...services].sort((a, b) => a.id.localeCompare(b.id))) {
    const base = `service.${s.id}`;
    add(`${base}.title`, s.title);
    add(`${base}.summary`, s.summary);
    add(`${base}.administration`, s.administration);
    for (const d of s.documents) add(`${base}.document.${d.id}`, d.label);
    for (const step of s.steps) {
      add(`${base}.step.${step.id}`, step.title);
      for (const f of step.fields) {
        add(`${base}.field.${f.id}.label`, f.label);
        add(`${base}.field.${f.id}.hint`, f.hint);
        for (const o of f.options ?? []) add(`${base}.field.${f.id}.option.${o.value}`, o.label);
      }
    }
  }
  return out;
}

/** The welcome screen speaks each language's own name under `language.<code>`. */
export function languageNamePrompt(lang: string): StudioPrompt[] {
  return isUiLanguage(lang) ? [{ key: `language.${lang}`, text: LANGUAGES[lang].endonym, source: 'ui' }] : [];
}

/** Everything the studio lists for `lang`: UI strings, the language's name, the catalog, then the pieces. */
export function studioPrompts(lang: string, commonTree: Tree, services: readonly ServiceDefinition[]): StudioPrompt[] {
  const all = [
    ...uiPrompts(commonTree),
    ...languageNamePrompt(lang),
    ...catalogPrompts(services, lang),
    ...pieceCatalog(lang).map((p): StudioPrompt => ({ ...p, source: 'piece' })),
  ];
  const seen = new Set<string>();
  return all.filter((p) => !seen.has(p.key) && seen.add(p.key));
}

export interface Coverage {
  total: number;
  recorded: number;
  stale: number;
  missing: number;
}

/** How many prompts have a current recording, a stale one, or none. */
export function coverageOf(prompts: ReadonlyArray<{ key: string }>, status: ReadonlyMap<string, ClipStatus>): Coverage {
  const c: Coverage = { total: prompts.length, recorded: 0, stale: 0, missing: 0 };
  for (const p of prompts) {
    const s = status.get(p.key) ?? 'missing';
    if (s === 'current') c.recorded++;
    else if (s === 'stale') c.stale++;
    else c.missing++;
  }
  return c;
}
