/**
 * The search index of one catalog version: an inverted index from folded words to the
 * services that hold them, with the field each word came from. Built once per catalog
 * version (in a worker on the kiosk) and stored as is: strings, string arrays and two
 * Uint32Arrays, which IndexedDB stores by structured clone and `indexToJson` turns into
 * plain JSON. Looking words up is `searchServices` in search.ts.
 */
import type { Localized, ServiceDefinition } from '../forms/types.ts';
import { CATEGORY_TERMS } from './category-terms.ts';
import { SYNONYM_GROUPS } from './synonyms.ts';
import { indexTokens } from './tokenize.ts';

export const SEARCH_INDEX_FORMAT = 1;

/** Where a word was found, best first; the low FIELD_BITS bits of a posting. */
export const FIELD = { title: 0, synonym: 1, category: 2, summary: 3, other: 4 } as const;
export const FIELD_BITS = 3;

export interface SearchIndex {
  format: typeof SEARCH_INDEX_FORMAT;
  catalogVersion: number;
  /** Document number → service id. */
  ids: string[];
  /** Folded words in code-unit order, so a prefix is a contiguous range. */
  terms: string[];
  /** Postings of terms[i] are postings[starts[i] .. starts[i + 1]). */
  starts: Uint32Array;
  /** `doc << FIELD_BITS | field`, one per (term, document), the best field kept. */
  postings: Uint32Array;
  /** Words in each service's title (ties go to the shorter, more general title). */
  titleWords: Uint8Array;
}

const texts = (text: Localized | undefined): string[] => (text ? Object.values(text).filter((v): v is string => typeof v === 'string') : []);

const phrases = SYNONYM_GROUPS.map((group) => group.map((phrase) => ({ phrase, tokens: indexTokens(phrase) })));

/** Keywords a title earns: the other names of any synonym group it names. */
function synonymKeywords(titleTokens: Set<string>): string[] {
  const out: string[] = [];
  for (const group of phrases) {
    if (group.some(({ tokens }) => tokens.length > 0 && tokens.every((t) => titleTokens.has(t)))) {
      for (const { phrase } of group) out.push(phrase);
    }
  }
  return out;
}

type Tokenizer = (text: string) => readonly string[];

/** indexTokens with a memory: administrations, documents and category words repeat across thousands of services. */
export function cachedTokenizer(): Tokenizer {
  const cache = new Map<string, string[]>();
  return (text) => {
    let tokens = cache.get(text);
    if (!tokens) cache.set(text, (tokens = indexTokens(text)));
    return tokens;
  };
}

/** Every word of a service with the best field it appears in. */
export function serviceWords(service: ServiceDefinition, tokensOf: Tokenizer = indexTokens): Map<string, number> {
  const words = new Map<string, number>();
  const add = (text: string, field: number) => {
    for (const token of tokensOf(text)) {
      const had = words.get(token);
      if (had === undefined || field < had) words.set(token, field);
    }
  };
  const title = texts(service.title);
  title.forEach((t) => add(t, FIELD.title));
  const titleTokens = new Set(title.flatMap(tokensOf));
  synonymKeywords(titleTokens).forEach((t) => add(t, FIELD.synonym));
  (CATEGORY_TERMS[service.category] ?? []).forEach((t) => add(t, FIELD.category));
  texts(service.summary).forEach((t) => add(t, FIELD.summary));
  texts(service.administration).forEach((t) => add(t, FIELD.other));
  service.documents.forEach((d) => texts(d.label).forEach((t) => add(t, FIELD.other)));
  return words;
}

export function buildSearchIndex(services: readonly ServiceDefinition[], catalogVersion: number): SearchIndex {
  const byTerm = new Map<string, number[]>();
  const titleWords = new Uint8Array(services.length);
  const tokensOf = cachedTokenizer();
  services.forEach((service, doc) => {
    titleWords[doc] = Math.min(255, new Set(texts(service.title).flatMap(tokensOf)).size);
    for (const [term, field] of serviceWords(service, tokensOf)) {
      let list = byTerm.get(term);
      if (!list) byTerm.set(term, (list = []));
      list.push((doc << FIELD_BITS) | field);
    }
  });
  const terms = [...byTerm.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const starts = new Uint32Array(terms.length + 1);
  let total = 0;
  terms.forEach((term, i) => {
    starts[i] = total;
    total += byTerm.get(term)!.length;
  });
  starts[terms.length] = total;
  const postings = new Uint32Array(total);
  terms.forEach((term, i) => postings.set(byTerm.get(term)!, starts[i]!));
  return { format: SEARCH_INDEX_FORMAT, catalogVersion, ids: services.map((s) => s.id), terms, starts, postings, titleWords };
}

/** Plain JSON for files and transfer; `indexFromJson` reverses it. */
export interface SearchIndexJson {
  format: number;
  catalogVersion: number;
  ids: string[];
  terms: string[];
  starts: number[];
  postings: number[];
  titleWords: number[];
}

export function indexToJson(index: SearchIndex): SearchIndexJson {
  return { ...index, starts: [...index.starts], postings: [...index.postings], titleWords: [...index.titleWords] };
}

/** Null for anything that is not an index of this format (an older kiosk's, or garbage). */
export function indexFromJson(value: unknown): SearchIndex | null {
  const v = value as Partial<SearchIndexJson> | null;
  if (!v || v.format !== SEARCH_INDEX_FORMAT || !Number.isInteger(v.catalogVersion)) return null;
  if (!Array.isArray(v.ids) || !Array.isArray(v.terms) || !isNumbers(v.starts) || !isNumbers(v.postings) || !isNumbers(v.titleWords)) return null;
  if (v.starts.length !== v.terms.length + 1 || v.titleWords.length !== v.ids.length) return null;
  return {
    format: SEARCH_INDEX_FORMAT,
    catalogVersion: v.catalogVersion!,
    ids: v.ids,
    terms: v.terms,
    starts: Uint32Array.from(v.starts),
    postings: Uint32Array.from(v.postings),
    titleWords: Uint8Array.from(v.titleWords),
  };
}

function isNumbers(value: unknown): value is ArrayLike<number> {
  return Array.isArray(value) || value instanceof Uint32Array || value instanceof Uint8Array;
}

/** Whether a stored value is a usable index (as read back from IndexedDB). */
export function isSearchIndex(value: unknown): value is SearchIndex {
  const v = value as Partial<SearchIndex> | null;
  return (
    !!v &&
    v.format === SEARCH_INDEX_FORMAT &&
    Number.isInteger(v.catalogVersion) &&
    Array.isArray(v.ids) &&
    Array.isArray(v.terms) &&
    v.starts instanceof Uint32Array &&
    v.postings instanceof Uint32Array &&
    v.titleWords instanceof Uint8Array &&
    v.starts.length === v.terms.length + 1
  );
}
