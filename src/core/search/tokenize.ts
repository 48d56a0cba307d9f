/**
 * Splits folded text into the words the index stores: Arabic words lose a leading
 * definite article (البطاقة → بطاقه, للتعريف → تعريف), French words a plural s, and small
 * grammatical words go. Query words go through the same steps, with one difference: the
 * word being typed is kept even when short, and is also tried without its article.
 */
import { foldText } from './fold.ts';

const STOP_WORDS = new Set([
  // French (after folding)
  'de', 'du', 'des', 'la', 'le', 'les', 'un', 'une', 'et', 'au', 'aux', 'en', 'pour', 'par', 'sur', 'dans',
  'avec', 'ou', 'sa', 'son', 'ses', 'se', 'qui', 'que', 'ce', 'est', 'votre', 'vos', 'mon', 'ma', 'mes',
  // Arabic (after folding)
  'في', 'من', 'علي', 'الي', 'عن', 'او', 'ان', 'مع', 'هذا', 'هذه', 'التي', 'الذي', 'ذلك',
]);

const ARTICLES = ['وال', 'بال', 'فال', 'كال', 'ال', 'لل'];
const WORD = /[\p{L}\p{N}]+/gu;
const ARABIC = /^[\u0600-\u06ff]/;

/** The word without its Arabic article when at least `keep` letters remain, else the word. */
export function withoutArticle(word: string, keep = 2): string {
  if (!ARABIC.test(word)) return word;
  for (const article of ARTICLES) {
    if (word.startsWith(article) && word.length - article.length >= keep) return word.slice(article.length);
  }
  return word;
}

/** A light stem: the French and Latin-Amazigh plural s, on words long enough to carry one. */
export function stem(word: string): string {
  if (ARABIC.test(word)) return withoutArticle(word);
  return word.length >= 5 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** Words of a text as the index stores them (deduplicated, order kept). */
export function indexTokens(text: string): string[] {
  const out = new Set<string>();
  for (const word of foldText(text).match(WORD) ?? []) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    out.add(stem(word));
  }
  return [...out];
}

export interface QueryToken {
  /** Forms to look up, best first (the stem; the bare word being typed). */
  forms: string[];
  /** The word still being typed: matched as a prefix. */
  partial: boolean;
}

/** Amazigh typed with French digraphs: kh and ch are IRCAM's x and c. */
function digraphForms(word: string): string[] {
  const alt = word.replace(/kh/g, 'x').replace(/ch/g, 'c');
  return alt === word ? [] : [alt];
}

/**
 * The words of what was typed. The last word is partial unless the query ends in a space
 * or punctuation; a partial word is kept even if short or a stop word ("d" may become
 * "demande"), and an Arabic partial word is also tried without its article ("الب" → "ب").
 */
export function queryTokens(query: string): QueryToken[] {
  const folded = foldText(query);
  const words = folded.match(WORD) ?? [];
  const endsInWord = /[\p{L}\p{N}]$/u.test(folded);
  const tokens: QueryToken[] = [];
  words.forEach((word, i) => {
    const partial = endsInWord && i === words.length - 1;
    if (!partial && (word.length < 2 || STOP_WORDS.has(word))) return;
    const forms = new Set<string>();
    forms.add(partial ? withoutArticle(word, 1) : stem(word));
    forms.add(word);
    for (const alt of digraphForms(word)) forms.add(alt);
    // An article being typed ("ال", "وال") matches nothing yet.
    const bare = [...forms].filter((f) => !(partial && ARTICLES.includes(f)));
    if (bare.length) tokens.push({ forms: bare, partial });
  });
  return tokens;
}
