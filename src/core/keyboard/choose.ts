/**
 * Which keyboard a field gets. A field's type decides first (a phone number only ever
 * gets the digit pad); free text starts on the script of the citizen's UI language and
 * may switch to the other scripts.
 */
import type { FieldType } from '../forms/types.ts';
import type { LayoutId } from './layouts.ts';

export type TextLayoutId = 'tifinagh' | 'arabic' | 'latin';

export interface KeyboardPlan {
  /** The layout shown when the keyboard opens. */
  initial: LayoutId;
  /** The layouts the switcher offers, `initial` first; a single one means no switcher. */
  layouts: LayoutId[];
}

/** Amazigh languages of Morocco: Standard Moroccan Amazigh, Tachelhit, Tarifit, Central Atlas Tamazight. */
const AMAZIGH = new Set(['zgh', 'shi', 'rif', 'tzm', 'ber']);

/** The script subtag of a BCP 47 tag (`shi-Latn-MA` → `Latn`), if it has one. */
export function scriptOf(lang: string): string | undefined {
  const subtags = lang.split(/[-_]/).slice(1);
  const script = subtags.find((s) => /^[A-Za-z]{4}$/.test(s));
  return script ? script[0]!.toUpperCase() + script.slice(1).toLowerCase() : undefined;
}

/**
 * The text layout for a UI language: `ar` → Arabic; `fr` → Latin; an Amazigh language →
 * Latin when written in Latin (`shi-Latn`), Tifinagh otherwise (`zgh`, `shi-Tfng`, `tzm`),
 * as Tifinagh is the official script of Standard Moroccan Amazigh. Anything else → Latin.
 */
export function textLayoutFor(lang: string): TextLayoutId {
  const primary = (lang.split(/[-_]/)[0] ?? '').toLowerCase();
  const script = scriptOf(lang);
  if (primary === 'ar') return script === 'Latn' ? 'latin' : 'arabic';
  if (AMAZIGH.has(primary)) return script === 'Latn' ? 'latin' : script === 'Arab' ? 'arabic' : 'tifinagh';
  return 'latin';
}

const TEXT_LAYOUTS: LayoutId[] = ['tifinagh', 'arabic', 'latin', 'symbols'];

/** Staff PINs (sign-in, enrollment, a supervisor's confirmation): digits only. */
export const PIN_KEYBOARD: KeyboardPlan = { initial: 'pin', layouts: ['pin'] };
/** The three lines of an ID card's MRZ: capitals, digits and `<`. */
export const MRZ_KEYBOARD: KeyboardPlan = { initial: 'mrz', layouts: ['mrz'] };
/** A receipt's tracking code (`7K3QP-2M9XD`): capitals and digits; the dash is optional. */
export const TRACKING_CODE_KEYBOARD: KeyboardPlan = { initial: 'cnie', layouts: ['cnie'] };
/** A staff id (`agent-demo`): Latin letters, with digits and signs one switch away. */
export const STAFF_ID_KEYBOARD: KeyboardPlan = { initial: 'latin', layouts: ['latin', 'symbols'] };

/** The keyboard for a field of this type in this UI language; null for fields that are not typed. */
export function keyboardFor(type: FieldType, lang: string): KeyboardPlan | null {
  switch (type) {
    case 'text': {
      const initial = textLayoutFor(lang);
      return { initial, layouts: [initial, ...TEXT_LAYOUTS.filter((l) => l !== initial)] };
    }
    case 'phone':
      return { initial: 'phone', layouts: ['phone'] };
    case 'number':
      return { initial: 'number', layouts: ['number'] };
    case 'cnie':
      return { initial: 'cnie', layouts: ['cnie'] };
    case 'date':
      // Only used where a date is typed as text; a native date input has its own picker.
      return { initial: 'date', layouts: ['date'] };
    case 'choice':
    case 'multichoice':
    case 'yesno':
    case 'document':
    case 'photo':
    case 'signature':
      return null;
  }
}
