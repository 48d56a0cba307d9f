/**
 * Looks a query up in a SearchIndex, as the citizen types. Every word must match (the
 * word being typed as a prefix); a service scores, per word, the best of its matches:
 * the field (title > keywords: synonyms, then category words > summary > administration
 * and documents) times the kind
 * of match (exact > prefix > one typo). Words of five letters or more that the catalog does
 * not hold as typed (nor as the start of a word) are tried with one typo.
 * When no service has every word, those with the most words are shown.
 */
import { withinOneEdit, withinOneEditOfPrefix } from './fuzzy.ts';
import { FIELD_BITS, type SearchIndex } from './search-index.ts';
import { queryTokens } from './tokenize.ts';

/** By FIELD: title, synonym of the title, category word, summary, administration or document. */
export const FIELD_WEIGHT = [8, 5, 4, 2, 1, 0, 0, 0] as const;
const FIELD_MASK = (1 << FIELD_BITS) - 1;
export const MATCH_QUALITY = { exact: 1, prefix: 0.7, typo: 0.45, typoPrefix: 0.35 } as const;
/** Words shorter than this must be typed right (one edit would match too much). */
export const TYPO_MIN_LENGTH = 5;

export interface SearchHit {
  id: string;
  score: number;
}

export interface SearchResult {
  hits: SearchHit[]; // best first, at most `limit`
  total: number; // how many services matched
}

function lowerBound(terms: readonly string[], value: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The best quality each term matches one of the forms with, by term number. */
function matchingTerms(index: SearchIndex, forms: readonly string[], partial: boolean): Map<number, number> {
  const found = new Map<number, number>();
  const offer = (term: number, quality: number) => {
    if ((found.get(term) ?? 0) < quality) found.set(term, quality);
  };
  const { terms } = index;
  for (const form of forms) {
    let spelled = false;
    for (let t = lowerBound(terms, form); t < terms.length && terms[t]!.startsWith(form); t++) {
      offer(t, terms[t] === form ? MATCH_QUALITY.exact : MATCH_QUALITY.prefix);
      spelled = true;
    }
    // A word the catalog knows as typed is not a typo: "grise" must not also find "prise".
    if (spelled || form.length < TYPO_MIN_LENGTH) continue;
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      if (withinOneEdit(form, term)) offer(t, MATCH_QUALITY.typo);
      else if (partial && term.length >= form.length - 1 && withinOneEditOfPrefix(form, term)) offer(t, MATCH_QUALITY.typoPrefix);
    }
  }
  return found;
}

export function searchServices(index: SearchIndex, query: string, limit = 50): SearchResult {
  const tokens = queryTokens(query);
  const docs = index.ids.length;
  if (tokens.length === 0 || docs === 0) return { hits: [], total: 0 };
  const total = new Float64Array(docs);
  const matched = new Uint8Array(docs);
  const best = new Float64Array(docs);
  for (const token of tokens) {
    best.fill(0);
    for (const [term, quality] of matchingTerms(index, token.forms, token.partial)) {
      for (let p = index.starts[term]!; p < index.starts[term + 1]!; p++) {
        const posting = index.postings[p]!;
        const doc = posting >>> FIELD_BITS;
        const score = FIELD_WEIGHT[posting & FIELD_MASK]! * quality;
        if (score > best[doc]!) best[doc] = score;
      }
    }
    for (let d = 0; d < docs; d++) {
      if (best[d]! > 0) {
        total[d] = total[d]! + best[d]!;
        matched[d] = matched[d]! + 1;
      }
    }
  }
  let most = 0;
  for (let d = 0; d < docs; d++) if (matched[d]! > most) most = matched[d]!;
  if (most === 0) return { hits: [], total: 0 };
  // One number per service orders it: score, then the shorter title, then catalog order.
  // Sorting a Float64Array of them is several times faster than a comparator sort of
  // objects, which cost the first keystroke ("a" matches nearly everything) 3 ms at 10,000.
  const keys: number[] = [];
  for (let d = 0; d < docs; d++) {
    if (matched[d] === most) keys.push((Math.round(total[d]! * 1000) * 256 + (255 - index.titleWords[d]!)) * DOC_SPACE + (DOC_SPACE - 1 - d));
  }
  const sorted = Float64Array.from(keys).sort();
  const hits: SearchHit[] = [];
  for (let i = sorted.length - 1; i >= 0 && hits.length < limit; i--) {
    const d = DOC_SPACE - 1 - (sorted[i]! % DOC_SPACE);
    hits.push({ id: index.ids[d]!, score: total[d]! });
  }
  return { hits, total: keys.length };
}

/** Services an index may hold: the key's low bits (2^24, far above the catalog's 10,000). */
const DOC_SPACE = 2 ** 24;
