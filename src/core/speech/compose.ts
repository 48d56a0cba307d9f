/**
 * Prompts with values, spoken from recorded pieces as phone voice menus do (DESIGN §6): a
 * date, a number or a tracking code becomes an ordered list of clip keys (`num.26`,
 * `month.3`, `letter.k`, …) that agents record once per language. Each piece has a text
 * (what the agent reads when recording it, and what its clip's hash is taken of).
 *
 * Per language:
 * - fr: 0–99 recorded whole, hundreds (`num.100` … `num.900`) and `num.1000` ("mille");
 *   2026 = num.2 num.1000 num.26, 1984 = num.1000 num.900 num.84. The 1st of a month is
 *   "premier" (`ord.1`), dates start with "le" (`word.le`).
 * - ar: 0–99 recorded whole, hundreds, ألف/ألفان (`num.1000`, `num.2000`), آلاف
 *   (`num.thousands`) and the "و" that joins them (`word.and`); months as said in Morocco.
 * - Amazigh (zgh, shi, tzm, rif): native numerals 0–10, larger numbers digit by digit,
 *   IRCAM month names. Draft texts: to be reviewed by native speakers of each variant.
 * - Codes: each letter and digit on its own, a pause at each dash or space.
 */
import { isAmazigh, spokenLanguage } from './lang.ts';

export interface PromptPart {
  key: string;
  text: string;
}

/** A short silence between groups; has no clip. */
export const PAUSE_KEY = 'pause';
export const isPauseKey = (key: string): boolean => key === PAUSE_KEY;
const PAUSE: PromptPart = { key: PAUSE_KEY, text: '' };

// ——— piece texts ———

const FR_UNITS = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize'];
const FR_TENS = ['', 'dix', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

function frenchBelow100(n: number): string {
  if (n <= 16) return FR_UNITS[n]!;
  if (n < 20) return `dix-${FR_UNITS[n - 10]}`;
  if (n < 70) {
    const tens = FR_TENS[Math.floor(n / 10)]!;
    const unit = n % 10;
    return unit === 0 ? tens : unit === 1 ? `${tens} et un` : `${tens}-${FR_UNITS[unit]}`;
  }
  if (n < 80) return n === 71 ? 'soixante et onze' : `soixante-${frenchBelow100(n - 60)}`;
  if (n === 80) return 'quatre-vingts';
  return `quatre-vingt-${frenchBelow100(n - 80)}`;
}

const AR_UNITS = ['صفر', 'واحد', 'اثنان', 'ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة', 'عشرة', 'أحد عشر', 'اثنا عشر'];
const AR_TENS = ['', 'عشرة', 'عشرون', 'ثلاثون', 'أربعون', 'خمسون', 'ستون', 'سبعون', 'ثمانون', 'تسعون'];
const AR_HUNDREDS = ['', 'مائة', 'مائتان', 'ثلاثمائة', 'أربعمائة', 'خمسمائة', 'ستمائة', 'سبعمائة', 'ثمانمائة', 'تسعمائة'];

function arabicBelow100(n: number): string {
  if (n <= 12) return AR_UNITS[n]!;
  if (n < 20) return `${AR_UNITS[n - 10]} عشر`;
  const unit = n % 10;
  const tens = AR_TENS[Math.floor(n / 10)]!;
  return unit === 0 ? tens : `${AR_UNITS[unit]} و${tens}`;
}

/** Standard Amazigh numerals (IRCAM); draft for every variant. */
const AMAZIGH_NUMBERS = ['ⴰⵎⵢⴰ', 'ⵢⴰⵏ', 'ⵙⵉⵏ', 'ⴽⵕⴰⴹ', 'ⴽⴽⵓⵥ', 'ⵙⵎⵎⵓⵙ', 'ⵚⴹⵉⵚ', 'ⵙⴰ', 'ⵜⴰⵎ', 'ⵜⵥⴰ', 'ⵎⵔⴰⵡ'];

const MONTHS: Readonly<Record<'fr' | 'ar' | 'amazigh', readonly string[]>> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  ar: ['يناير', 'فبراير', 'مارس', 'أبريل', 'ماي', 'يونيو', 'يوليوز', 'غشت', 'شتنبر', 'أكتوبر', 'نونبر', 'دجنبر'],
  amazigh: ['ⵉⵏⵏⴰⵢⵔ', 'ⴱⵕⴰⵢⵕ', 'ⵎⴰⵕⵚ', 'ⵉⴱⵔⵉⵔ', 'ⵎⴰⵢⵢⵓ', 'ⵢⵓⵏⵢⵓ', 'ⵢⵓⵍⵢⵓⵣ', 'ⵖⵓⵛⵜ', 'ⵛⵓⵜⴰⵏⴱⵉⵔ', 'ⴽⵜⵓⴱⵔ', 'ⵏⵓⵡⴰⵏⴱⵉⵔ', 'ⴷⵓⵊⴰⵏⴱⵉⵔ'],
};

type Family = 'fr' | 'ar' | 'amazigh';
function family(lang: string): Family | null {
  const language = spokenLanguage(lang);
  if (language === 'fr') return 'fr';
  if (language === 'ar' || language === 'ary') return 'ar';
  return isAmazigh(language) ? 'amazigh' : null;
}

/** The text of a piece in a language (what the agent records), or null if it is no piece there. */
export function pieceText(key: string, lang: string): string | null {
  const fam = family(lang);
  if (!fam) return null;
  let m: RegExpExecArray | null;
  if ((m = /^letter\.([a-z])$/.exec(key))) return m[1]!.toUpperCase();
  if ((m = /^month\.(\d{1,2})$/.exec(key))) return MONTHS[fam][Number(m[1]) - 1] ?? null;
  if (fam === 'fr') {
    if (key === 'word.le') return 'le';
    if (key === 'ord.1') return 'premier';
    if (key === 'num.1000') return 'mille';
    if ((m = /^num\.(\d+)$/.exec(key))) {
      const n = Number(m[1]);
      if (n < 100) return frenchBelow100(n);
      if (n % 100 === 0 && n <= 900) return n === 100 ? 'cent' : `${FR_UNITS[n / 100]} cents`;
    }
    return null;
  }
  if (fam === 'ar') {
    if (key === 'word.and') return 'و';
    if (key === 'num.1000') return 'ألف';
    if (key === 'num.2000') return 'ألفان';
    if (key === 'num.thousands') return 'آلاف';
    if ((m = /^num\.(\d+)$/.exec(key))) {
      const n = Number(m[1]);
      if (n < 100) return arabicBelow100(n);
      if (n % 100 === 0 && n <= 900) return AR_HUNDREDS[n / 100]!;
    }
    return null;
  }
  if ((m = /^num\.(\d+)$/.exec(key))) return AMAZIGH_NUMBERS[Number(m[1])] ?? null;
  return null;
}

/** Every piece of a language, for the recording studio and for coverage figures. */
export function pieceCatalog(lang: string): PromptPart[] {
  const fam = family(lang);
  if (!fam) return [];
  const keys: string[] = [];
  const numbers = fam === 'amazigh' ? 11 : 100;
  for (let n = 0; n < numbers; n++) keys.push(`num.${n}`);
  if (fam !== 'amazigh') for (let h = 100; h <= 900; h += 100) keys.push(`num.${h}`);
  if (fam === 'fr') keys.push('num.1000', 'ord.1', 'word.le');
  if (fam === 'ar') keys.push('num.1000', 'num.2000', 'num.thousands', 'word.and');
  for (let mth = 1; mth <= 12; mth++) keys.push(`month.${mth}`);
  for (let c = 97; c <= 122; c++) keys.push(`letter.${String.fromCharCode(c)}`);
  return keys.map((key) => ({ key, text: pieceText(key, lang)! }));
}

// ——— composition ———

function piece(key: string, lang: string): PromptPart {
  const text = pieceText(key, lang);
  if (text === null) throw new Error(`no piece ${key} in ${lang}`);
  return { key, text };
}

function assertCount(n: number, max: number): void {
  if (!Number.isInteger(n) || n < 0 || n > max) throw new RangeError(`cannot speak ${n}: a whole number from 0 to ${max} is expected`);
}

function frenchNumber(n: number): string[] {
  if (n < 100) return [`num.${n}`];
  if (n < 1000) {
    const rest = n % 100;
    return [`num.${n - rest}`, ...(rest ? [`num.${rest}`] : [])];
  }
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  return [...(thousands > 1 ? frenchNumber(thousands) : []), 'num.1000', ...(rest ? frenchNumber(rest) : [])];
}

function arabicNumber(n: number): string[] {
  if (n < 100) return [`num.${n}`];
  if (n < 1000) {
    const rest = n % 100;
    return [`num.${n - rest}`, ...(rest ? ['word.and', `num.${rest}`] : [])];
  }
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const head = thousands === 1 ? ['num.1000'] : thousands === 2 ? ['num.2000'] : [`num.${thousands}`, 'num.thousands'];
  return [...head, ...(rest ? ['word.and', ...arabicNumber(rest)] : [])];
}

function amazighNumber(n: number): string[] {
  if (n <= 10) return [`num.${n}`];
  return [...String(n)].map((d) => `num.${d}`);
}

/** A whole number as clip keys (fr up to 999 999, ar up to 10 999, Amazigh any). */
export function composeNumber(n: number, lang: string): PromptPart[] {
  const fam = family(lang);
  if (fam === 'fr') assertCount(n, 999_999);
  else if (fam === 'ar') assertCount(n, 10_999);
  else if (fam === 'amazigh') assertCount(n, Number.MAX_SAFE_INTEGER);
  else throw new Error(`no number pieces for ${lang}`);
  const keys = fam === 'fr' ? frenchNumber(n) : fam === 'ar' ? arabicNumber(n) : amazighNumber(n);
  return keys.map((k) => piece(k, lang));
}

/** A calendar date (ISO `YYYY-MM-DD` or parts): day, month name, year. */
export function composeDate(date: string | { year: number; month: number; day: number }, lang: string): PromptPart[] {
  const parts = typeof date === 'string' ? parseIsoDate(date) : date;
  const { year, month, day } = parts;
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`no month ${month}`);
  if (!Number.isInteger(day) || day < 1 || day > 31) throw new RangeError(`no day ${day}`);
  const fam = family(lang);
  const dayParts = fam === 'fr' && day === 1 ? [piece('ord.1', lang)] : composeNumber(day, lang);
  return [...(fam === 'fr' ? [piece('word.le', lang)] : []), ...dayParts, piece(`month.${month}`, lang), ...composeNumber(year, lang)];
}

function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** A code like `7K3QP-M2XVA`: each character on its own, a pause at dashes and spaces. */
export function composeCode(code: string, lang: string): PromptPart[] {
  const out: PromptPart[] = [];
  for (const ch of code.normalize('NFC')) {
    if (/[0-9]/.test(ch)) out.push(piece(`num.${ch}`, lang));
    else if (/[a-z]/i.test(ch)) out.push(piece(`letter.${ch.toLowerCase()}`, lang));
    else if (/[-\s_.]/.test(ch)) {
      if (out.length > 0 && out.at(-1)!.key !== PAUSE_KEY) out.push(PAUSE);
    } else throw new RangeError(`cannot spell ${JSON.stringify(ch)} in a code`);
  }
  if (out.at(-1)?.key === PAUSE_KEY) out.pop();
  return out;
}

/** How a synthetic voice should read a code: one character at a time, groups apart. */
export function spellForVoice(code: string): string {
  return code
    .split(/[-\s_.]+/)
    .filter(Boolean)
    .map((group) => [...group].join(' '))
    .join(', ');
}

export type TemplateValue = PromptPart | readonly PromptPart[];

/**
 * A prompt with placeholders (`{{name}}`, as in the locale files) as parts: each fixed
 * stretch is a piece of its own (`<key>#0`, `<key>#1`, …, recorded once, whatever the
 * values) and each value is spliced in from its own pieces.
 */
export function composeTemplate(key: string, template: string, values: Readonly<Record<string, TemplateValue>>): PromptPart[] {
  const out: PromptPart[] = [];
  let segment = 0;
  let last = 0;
  const placeholder = /\{\{\s*([\w.]+)\s*\}\}/g;
  let m: RegExpExecArray | null;
  const pushText = (text: string) => {
    if (text.trim()) out.push({ key: `${key}#${segment}`, text: text.trim() });
    segment++;
  };
  while ((m = placeholder.exec(template))) {
    pushText(template.slice(last, m.index));
    const value = values[m[1]!];
    if (value === undefined) throw new Error(`no value for {{${m[1]}}} in ${key}`);
    out.push(...(Array.isArray(value) ? (value as readonly PromptPart[]) : [value as PromptPart]));
    last = m.index + m[0].length;
  }
  pushText(template.slice(last));
  return out;
}
