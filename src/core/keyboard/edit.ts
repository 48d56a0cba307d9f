/**
 * What a key does to a text field, as a pure function of the field's value and selection:
 * the UI reads `value`, `selectionStart` and `selectionEnd` from the input, applies one of
 * these and writes the result back. Offsets are UTF-16 code units, as in the DOM.
 */
import { canType, keyOutput, type CharKey, type Layout } from './layouts.ts';

export interface TextState {
  value: string;
  /** Start of the selection; equal to `end` when it is a caret. */
  start: number;
  end: number;
}

/** A selection inside the value, start before end, whatever the input reported. */
export function clampSelection(state: TextState): TextState {
  const len = state.value.length;
  const clamp = (n: number) => (Number.isFinite(n) ? Math.min(Math.max(0, Math.trunc(n)), len) : len);
  const a = clamp(state.start);
  const b = clamp(state.end);
  return { value: state.value, start: Math.min(a, b), end: Math.max(a, b) };
}

/** Types `text` at the caret, replacing the selection if there is one; the caret ends after it. */
export function insertText(state: TextState, text: string): TextState {
  const { value, start, end } = clampSelection(state);
  const caret = start + text.length;
  return { value: value.slice(0, start) + text + value.slice(end), start: caret, end: caret };
}

/** Deletes the selection, or else the character before the caret (a whole surrogate pair). */
export function backspace(state: TextState): TextState {
  const { value, start, end } = clampSelection(state);
  if (start !== end) return { value: value.slice(0, start) + value.slice(end), start, end: start };
  if (start === 0) return { value, start, end };
  const low = value.charCodeAt(start - 1);
  const high = start >= 2 ? value.charCodeAt(start - 2) : 0;
  const width = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? 2 : 1;
  const caret = start - width;
  return { value: value.slice(0, caret) + value.slice(start), start: caret, end: caret };
}

/**
 * Types `text` as the layout would: text the layout's keys cannot produce is refused (the
 * state comes back unchanged), so a digit pad never puts a letter in a phone number.
 */
export function typeText(state: TextState, layout: Layout, text: string): TextState {
  return canType(layout, text) ? insertText(state, text) : clampSelection(state);
}

/** A key press on a layout, with Shift on or off. */
export function pressKey(state: TextState, layout: Layout, key: CharKey, shifted: boolean): TextState {
  return typeText(state, layout, keyOutput(key, shifted));
}

/** Shift turns itself on for the first letter of a field on a layout with capitals. */
export function shouldAutoShift(layout: Layout, state: TextState): boolean {
  return layout.caseful && clampSelection(state).start === 0;
}
