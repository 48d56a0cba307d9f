/**
 * Our own eSpeak NG language: a Tifinagh *reading* voice. eSpeak NG has no Amazigh voice,
 * so this one reads IRCAM Tifinagh letter by letter with eSpeak's Arabic phoneme table
 * (which has the pharyngeals, the emphatics, q, χ and ɣ that Amazigh needs). It knows no
 * words, no stress and no gemination rules: rough but understandable, and always labelled
 * synthetic. The worker writes these files into eSpeak's virtual file system and compiles
 * them at run time (`--compile=zgh`).
 *
 * Phoneme names are eSpeak's (the Arabic table: `dH` ض, `s[` ص, `t[` ط, `H` ح, `A` ع,
 * `Q` غ, `X` خ, `R` trilled r, `Z` emphatic ẓ, `Z;` a ʒ-like fricative).
 */

export const TIFINAGH_VOICE_ID = 'zgh';

/** IRCAM Tifinagh letter → eSpeak phonemes (33 letters with ⴳⵯ and ⴽⵯ, plus a few extras). */
export const TIFINAGH_PHONEMES: Readonly<Record<string, string>> = {
  'ⴰ': 'a', 'ⴱ': 'b', 'ⴳ': 'g', 'ⴳⵯ': 'gw', 'ⴷ': 'd', 'ⴹ': 'dH', 'ⴻ': '@', 'ⴼ': 'f',
  'ⴽ': 'k', 'ⴽⵯ': 'kw', 'ⵀ': 'h', 'ⵃ': 'H', 'ⵄ': 'A', 'ⵅ': 'X', 'ⵇ': 'q', 'ⵉ': 'i',
  'ⵊ': 'Z;', 'ⵍ': 'l', 'ⵎ': 'm', 'ⵏ': 'n', 'ⵓ': 'u', 'ⵔ': 'R', 'ⵕ': 'R', 'ⵖ': 'Q',
  'ⵙ': 's', 'ⵚ': 's[', 'ⵛ': 'S', 'ⵜ': 't', 'ⵟ': 't[', 'ⵡ': 'w', 'ⵢ': 'j', 'ⵣ': 'z',
  'ⵥ': 'Z',
  // Outside the IRCAM basic set, still met in texts.
  'ⵯ': 'w', 'ⴵ': 'dZ', 'ⴶ': 'dZ', 'ⵞ': 'tS', 'ⵒ': 'p', 'ⵠ': 'v', 'ⵝ': 'T', 'ⴸ': 'D',
};

/** Digits, said one by one with the Standard Amazigh numerals (draft: to be reviewed). */
const DIGITS = ['amja', 'jan', 'sin', 'kRadH', 'kkuZ', 'smmus', 's[dHis[', 'sa', 'tam', 'tZa'];

export const TIFINAGH_VOICE_FILE = ['name Tifinagh reading voice (synthetic)', `language ${TIFINAGH_VOICE_ID}`, 'phonemes ar', `dictionary ${TIFINAGH_VOICE_ID}`, ''].join('\n');

export function tifinaghRules(): string {
  const lines = ['// Tifinagh (IRCAM) letters to phonemes, one group per letter. Written for Relais.'];
  const groups = new Map<string, Array<[string, string]>>();
  for (const [letters, phonemes] of Object.entries(TIFINAGH_PHONEMES)) {
    const first = [...letters][0]!;
    groups.set(first, [...(groups.get(first) ?? []), [letters, phonemes]]);
  }
  for (const [first, rules] of groups) {
    lines.push(`.group ${first}`);
    // eSpeak prefers the longest match, but list ⴳⵯ before ⴳ for whoever reads the file.
    for (const [letters, phonemes] of rules.sort((a, b) => b[0].length - a[0].length)) lines.push(`       ${letters}        ${phonemes}`);
  }
  return lines.join('\n') + '\n';
}

export function tifinaghList(): string {
  return DIGITS.map((phonemes, digit) => `_${digit}        ${phonemes}`).join('\n') + '\n';
}
