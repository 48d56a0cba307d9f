/**
 * Month and day names in Amazigh, in Tifinagh and in Latin transcription, because
 * Chromium's ICU has none for zgh, shi, tzm or rif (they come out in English). The names
 * are the Julian-calendar ones used across Morocco (yennayer, xubrayr/brayr, …); Arabic
 * and French dates still go through Intl. Drafts for native review.
 */
import { latinToTifinagh } from '../search/tifinagh.ts';

const MONTHS_LATN = ['innayr', 'bṛayṛ', 'maṛṣ', 'ibrir', 'mayyu', 'yunyu', 'yulyuz', 'ɣuct', 'cutanbir', 'ktubr', 'nuwanbir', 'dujanbir'];
const DAYS_LATN = ['asamas', 'aynas', 'asinas', 'akṛas', 'akwas', 'asimwas', 'asiḍyas']; // Sunday first, as Date.getUTCDay()

export function monthNames(lang: string): string[] {
  return lang.endsWith('-Latn') ? [...MONTHS_LATN] : MONTHS_LATN.map(latinToTifinagh);
}

export function dayNames(lang: string): string[] {
  return lang.endsWith('-Latn') ? [...DAYS_LATN] : DAYS_LATN.map(latinToTifinagh);
}

export const isAmazigh = (lang: string): boolean => /^(zgh|shi|tzm|rif)(-|$)/.test(lang);

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "17 mayyu 1984" / "17 ⵎⴰⵢⵢⵓ 1984", with the time ("· 09:05") when asked. Digits stay
 * Western, as on Moroccan forms. `date` is read in the given UTC offset's wall time by
 * the caller: pass the parts, not a Date, so the result is the same in Node and Chromium.
 */
export function formatAmazighDate(lang: string, parts: { year: number; month: number; day: number; hour?: number; minute?: number }): string {
  const month = monthNames(lang)[parts.month - 1] ?? String(parts.month);
  const date = `${parts.day} ${month} ${parts.year}`;
  return parts.hour === undefined ? date : `${date} · ${pad(parts.hour)}:${pad(parts.minute ?? 0)}`;
}
