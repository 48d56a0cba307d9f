/**
 * Speech languages (DESIGN §6, §7): which voices may read a text written in a given
 * language tag, and in what order. Tags are BCP 47 as the UI uses them: `ar`, `fr`, `zgh`
 * (Tifinagh), and `shi`, `rif`, `tzm` with a script (`shi-Tfng`, `shi-Latn`, …).
 *
 * A voice reads a *language in a script*. Amazigh in Latin transcription can be turned
 * into Tifinagh letter for letter (IRCAM), so a Tifinagh voice may read it after
 * transliteration; a French or Arabic voice never reads Amazigh text (it would be
 * nonsense, worse than the "no voice" notice).
 */
export type Script = 'Tfng' | 'Latn' | 'Arab';

export const AMAZIGH_LANGUAGES = ['zgh', 'shi', 'tzm', 'rif'] as const;

export interface ParsedLang {
  language: string;
  script: Script | null;
  region: string | null;
}

export function parseLang(tag: string): ParsedLang {
  const [first = '', ...rest] = tag.trim().replace(/_/g, '-').split('-');
  let script: Script | null = null;
  let region: string | null = null;
  for (const sub of rest) {
    const lower = sub.toLowerCase();
    if (lower === 'tfng') script = 'Tfng';
    else if (lower === 'latn') script = 'Latn';
    else if (lower === 'arab') script = 'Arab';
    else if (/^([a-z]{2}|\d{3})$/i.test(sub) && region === null) region = sub.toUpperCase();
  }
  return { language: first.toLowerCase(), script, region };
}

export function isAmazigh(language: string): boolean {
  return (AMAZIGH_LANGUAGES as readonly string[]).includes(language);
}

/** The script a language is written in when the tag does not say; null when it may be either. */
export function defaultScript(language: string): Script | null {
  if (language === 'ar' || language === 'ary') return 'Arab';
  if (language === 'fr') return 'Latn';
  if (language === 'zgh') return 'Tfng';
  return null; // shi, tzm, rif: both scripts are in use
}

export function scriptOf(tag: string): Script | null {
  const { language, script } = parseLang(tag);
  return script ?? defaultScript(language);
}

/**
 * The language a recording is in: scripts and regions do not change what is heard, so a
 * clip recorded for `shi-Tfng` also serves `shi-Latn` (see normalizeSpeechText).
 */
export function spokenLanguage(tag: string): string {
  return parseLang(tag).language;
}

export type Transliteration = 'Latn→Tfng' | 'Tfng→Latn';

export interface VoiceCandidate {
  /** Language (and script, if it matters) a voice must have. */
  language: string;
  script: Script | null;
  /** How to rewrite the text before that voice reads it, if at all. */
  transliterate: Transliteration | null;
}

const cand = (language: string, script: Script | null, transliterate: Transliteration | null = null): VoiceCandidate => ({ language, script, transliterate });

/**
 * Voices that may read a text in `tag`, best first. For example `shi-Latn` → a Tachelhit
 * voice for Latin → a Tachelhit Tifinagh voice (transliterated) → a Standard Amazigh
 * Tifinagh voice (transliterated). Tarifit stops at its own voices: its written standard
 * differs much from how it is spoken (spirantised k/g, r and l shifts), so a Standard
 * Amazigh reading would mislead; until a Tarifit voice or recording exists, the agent reads.
 */
export function speechFallback(tag: string): VoiceCandidate[] {
  const { language, script } = parseLang(tag);
  if (language === 'ar') return [cand('ar', 'Arab')];
  if (language === 'ary') return [cand('ary', 'Arab'), cand('ar', 'Arab')];
  if (!isAmazigh(language)) return [cand(language, script ?? defaultScript(language))];
  const own = script ?? defaultScript(language) ?? 'Tfng';
  const other: Script = own === 'Tfng' ? 'Latn' : 'Tfng';
  const toOther: Transliteration = own === 'Tfng' ? 'Tfng→Latn' : 'Latn→Tfng';
  const toTifinagh: Transliteration | null = own === 'Tfng' ? null : 'Latn→Tfng';
  const chain = [cand(language, own), cand(language, other, toOther)];
  if (language !== 'zgh' && language !== 'rif') chain.push(cand('zgh', 'Tfng', toTifinagh));
  return chain;
}

/** Whether a voice whose language tag is `voiceLang` fits a candidate. */
export function voiceFits(voiceLang: string, candidate: VoiceCandidate): boolean {
  const voice = parseLang(voiceLang);
  if (voice.language !== candidate.language) return false;
  const voiceScript = voice.script ?? defaultScript(voice.language);
  return voiceScript === null || candidate.script === null || voiceScript === candidate.script;
}
