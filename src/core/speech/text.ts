/**
 * What a recorded clip is "of": the text it speaks, normalized so that changes a listener
 * cannot hear (spacing, typographic quotes, Unicode composition, letter case, the script an
 * Amazigh text is written in) keep the clip current, and any change of words makes it stale.
 */
import { tifinaghToLatin } from '../search/tifinagh.ts';
import { isAmazigh, parseLang } from './lang.ts';

const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff\u0640]/g; // soft hyphen, zero-widths, marks, tatweel
const SPACES = /[\s\u00a0\u202f]+/g;

export function normalizeSpeechText(text: string, lang: string): string {
  let out = text.normalize('NFC').replace(INVISIBLE, '');
  out = out.replace(/[‘’ʼ`´]/g, "'").replace(/[“”«»„]/g, '"').replace(/[‐‑‒–—]/g, '-').replace(/…/g, '...');
  // Shi, tzm, rif and zgh are written in Tifinagh and in Latin: one recording serves both.
  if (isAmazigh(parseLang(lang).language)) out = tifinaghToLatin(out);
  return out.replace(SPACES, ' ').trim().toLowerCase();
}

/**
 * FNV-1a, 64 bits, as 16 hex digits: enough to tell two texts (or two audio files) apart,
 * not a security hash. Computed in four 16-bit limbs so a megabyte of audio stays fast.
 */
export function fnv1a64(bytes: Uint8Array): string {
  let h0 = 0x2325, h1 = 0x8422, h2 = 0x9ce4, h3 = 0xcbf2; // offset basis 0xcbf29ce484222325
  for (let i = 0; i < bytes.length; i++) {
    h0 ^= bytes[i]!;
    // × prime 0x100000001b3 = 0x1b3 + (1 << 40): limb 0 gets ×0x1b3, limb 2 gets ×0x100.
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + h0 * 0x100 + (t1 >>> 16);
    const t3 = h3 * 0x1b3 + h1 * 0x100 + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  return [h3, h2, h1, h0].map((h) => h.toString(16).padStart(4, '0')).join('');
}

/** The hash a clip is stored under: of the normalized text, in the spoken language. */
export function speechTextHash(text: string, lang: string): string {
  return fnv1a64(new TextEncoder().encode(normalizeSpeechText(text, lang)));
}

export const TEXT_HASH = /^[0-9a-f]{16}$/;
