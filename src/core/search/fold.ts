/**
 * Folds text so that the ways people write the same word meet: case, accents and
 * ligatures in French; hamza and alef forms, taa marbuta, alef maqsura, harakat and
 * tatweel in Arabic; IRCAM letters in Amazigh Latin (ɛ ɣ ḥ ṛ ṣ ṭ ẓ ǧ → plain letters);
 * Tifinagh is read as its Latin transcription first. The index and the query are folded by
 * the same function, so a folding only has to be consistent, not pretty.
 */
import { hasTifinagh, tifinaghToLatin } from './tifinagh.ts';

/** What NFKD leaves alone: Arabic letter variants, ligatures, IRCAM Latin letters. */
const LETTERS: Readonly<Record<string, string>> = {
  'ى': 'ي', 'ی': 'ي', 'ې': 'ي', 'ئ': 'ي',
  'ة': 'ه', 'ۀ': 'ه', 'ە': 'ه',
  'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا',
  'ک': 'ك', 'گ': 'ك', // Persian kaf and gaf, met in Moroccan names typed on other keyboards
  'ڤ': 'ف', 'ڥ': 'ف', // Maghrebi ve
  'ء': '', // a lone hamza is often dropped in writing
  'œ': 'oe', 'æ': 'ae', 'ß': 'ss', 'ø': 'o', 'ł': 'l', 'đ': 'd',
  'ɛ': 'e', 'ɣ': 'gh', 'ǝ': 'e', 'ə': 'e',
};
const LETTER = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g');

// Combining marks (accents, dots below, caron; the hamza NFKD takes off أ إ آ ؤ ئ), Arabic
// harakat, Quranic marks, superscript alef, tatweel.
const MARKS = /[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
// Apostrophes and quotes glue French elisions (d’identité): make them spaces.
const APOSTROPHES = /['’‘ʼʻ`´]/g;
const ARABIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;

export function foldText(text: string): string {
  const latin = hasTifinagh(text) ? tifinaghToLatin(text) : text;
  // NFKD takes accents, dots below and hamza off their letters (é → e + ◌́, أ → ا + ◌ٔ,
  // ئ → ي + ◌ٔ) and undoes compatibility forms (ﻻ, ʷ); the marks then go.
  return latin
    .toLowerCase()
    .replace(APOSTROPHES, ' ')
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(LETTER, (ch) => LETTERS[ch]!)
    .replace(ARABIC_DIGITS, (d) => String(d.charCodeAt(0) & 0xf));
}
