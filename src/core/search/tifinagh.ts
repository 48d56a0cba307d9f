/**
 * Tifinagh ↔ Latin transcription after IRCAM's standard alphabet (Tifinagh-IRCAM, 33
 * letters plus the labialisation mark), as taught in Moroccan schools. Amazigh is written
 * in both scripts, so a word typed in one must find the same word stored in the other.
 *
 * Latin uses IRCAM's letters (ɛ ɣ ḍ ḥ ṛ ṣ ṭ ẓ, c for /ʃ/, x for /χ/); when going to
 * Tifinagh, the digraphs people type on a French keyboard (gh, kh, ch) are read too.
 */

/** IRCAM Tifinagh letter → Latin transcription. */
export const TIFINAGH_TO_LATIN: Readonly<Record<string, string>> = {
  'ⴰ': 'a', 'ⴱ': 'b', 'ⴳ': 'g', 'ⴷ': 'd', 'ⴹ': 'ḍ', 'ⴻ': 'e', 'ⴼ': 'f', 'ⴽ': 'k',
  'ⵀ': 'h', 'ⵃ': 'ḥ', 'ⵄ': 'ɛ', 'ⵅ': 'x', 'ⵇ': 'q', 'ⵉ': 'i', 'ⵊ': 'j', 'ⵍ': 'l',
  'ⵎ': 'm', 'ⵏ': 'n', 'ⵓ': 'u', 'ⵔ': 'r', 'ⵕ': 'ṛ', 'ⵖ': 'ɣ', 'ⵙ': 's', 'ⵚ': 'ṣ',
  'ⵛ': 'c', 'ⵜ': 't', 'ⵟ': 'ṭ', 'ⵡ': 'w', 'ⵢ': 'y', 'ⵣ': 'z', 'ⵥ': 'ẓ',
  'ⵯ': 'ʷ', // labialisation: ⴳⵯ = gʷ, ⴽⵯ = kʷ
  // Letters outside the IRCAM basic set that still turn up in texts.
  'ⴵ': 'ǧ', 'ⴶ': 'ǧ', 'ⵞ': 'č', 'ⵒ': 'p', 'ⵠ': 'v', 'ⵝ': 'ṯ', 'ⴸ': 'ḏ',
};

/** Latin (IRCAM letters, then typed digraphs) → Tifinagh; longest first. */
const LATIN_TO_TIFINAGH: ReadonlyArray<[string, string]> = [
  ['gʷ', 'ⴳⵯ'], ['kʷ', 'ⴽⵯ'], ['gh', 'ⵖ'], ['kh', 'ⵅ'], ['ch', 'ⵛ'], ['sh', 'ⵛ'],
  ['ḍ', 'ⴹ'], ['ḥ', 'ⵃ'], ['ɛ', 'ⵄ'], ['ɣ', 'ⵖ'], ['ṛ', 'ⵕ'], ['ṣ', 'ⵚ'], ['ṭ', 'ⵟ'], ['ẓ', 'ⵥ'], ['ǧ', 'ⴵ'], ['č', 'ⵞ'],
  ['a', 'ⴰ'], ['b', 'ⴱ'], ['c', 'ⵛ'], ['d', 'ⴷ'], ['e', 'ⴻ'], ['f', 'ⴼ'], ['g', 'ⴳ'], ['h', 'ⵀ'], ['i', 'ⵉ'],
  ['j', 'ⵊ'], ['k', 'ⴽ'], ['l', 'ⵍ'], ['m', 'ⵎ'], ['n', 'ⵏ'], ['o', 'ⵓ'], ['p', 'ⵒ'], ['q', 'ⵇ'], ['r', 'ⵔ'], ['s', 'ⵙ'],
  ['t', 'ⵜ'], ['u', 'ⵓ'], ['v', 'ⵠ'], ['w', 'ⵡ'], ['x', 'ⵅ'], ['y', 'ⵢ'], ['z', 'ⵣ'], ['ʷ', 'ⵯ'],
];

const TIFINAGH = /[\u2d30-\u2d7f]/;

export function hasTifinagh(text: string): boolean {
  return TIFINAGH.test(text);
}

/** Tifinagh letters become their IRCAM Latin transcription; everything else is kept. */
export function tifinaghToLatin(text: string): string {
  let out = '';
  for (const ch of text) out += TIFINAGH_TO_LATIN[ch] ?? ch;
  return out;
}

/** Latin letters become Tifinagh (case-insensitive); what has no Tifinagh letter is kept. */
export function latinToTifinagh(text: string): string {
  const lower = text.normalize('NFC').toLowerCase();
  let out = '';
  let i = 0;
  outer: while (i < lower.length) {
    for (const [latin, tifinagh] of LATIN_TO_TIFINAGH) {
      if (lower.startsWith(latin, i)) {
        out += tifinagh;
        i += latin.length;
        continue outer;
      }
    }
    out += lower[i];
    i++;
  }
  return out;
}
