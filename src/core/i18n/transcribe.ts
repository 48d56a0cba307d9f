/**
 * Amazigh strings are written once in Latin transcription and shown in Tifinagh too:
 * this turns a locale string into Tifinagh letter for letter (IRCAM), leaving alone what
 * is not Amazigh text — `{{placeholders}}`, acronyms in capitals (CNIE, QR), a capital
 * letter standing alone mid-sentence (the letters of a card: "M, F"), words with digits
 * (AB123456, A4), the unit mm, and punctuation — and dropping the neutral vowel e, which
 * Tifinagh spelling does not write.
 */
import { latinToTifinagh } from '../search/tifinagh.ts';

const PROTECTED = /(\{\{[^}]*\}\}|\b[A-Z]{2,}\b|(?<![.!?]\s)(?<!^)\b[A-Z]\b|\b\w*\d\w*\b|\bmm\b)/;

export function transcribeToTifinagh(text: string): string {
  return text
    .split(PROTECTED)
    .map((part, i) => (i % 2 === 1 ? part : latinToTifinagh(part.replace(/[eE]/g, ''))))
    .join('');
}
