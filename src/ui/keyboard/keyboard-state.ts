/**
 * Which field the on-screen keyboard is open for (one at a time, across the whole screen),
 * and the terminal's setting: `auto` opens it when a text field is touched or focused on a
 * touch-only kiosk, `off` leaves it to the "Keyboard" button. A physical keyboard works
 * either way.
 */
import { useEffect, useState } from 'preact/hooks';

export type KeyboardSetting = 'auto' | 'off';
const SETTING_KEY = 'relais.osk';

export function keyboardSetting(): KeyboardSetting {
  try {
    return localStorage.getItem(SETTING_KEY) === 'off' ? 'off' : 'auto';
  } catch {
    return 'auto';
  }
}

export function setKeyboardSetting(setting: KeyboardSetting): void {
  try {
    localStorage.setItem(SETTING_KEY, setting);
  } catch {
    // Storage full or blocked: the setting lasts until the page reloads.
  }
  notify();
}

/** A kiosk whose only pointer is a finger: the keyboard opens on focus, not only on a tap. */
export function isTouchKiosk(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches && !matchMedia('(any-pointer: fine)').matches;
}

let openFor: string | null = null;
const listeners = new Set<() => void>();
function notify(): void {
  for (const listener of listeners) listener();
}

export function openKeyboard(fieldId: string): void {
  if (openFor === fieldId) return;
  openFor = fieldId;
  notify();
}

/** Closes the keyboard; with a field id, only if it is open for that field. */
export function closeKeyboard(fieldId?: string): void {
  if (openFor === null || (fieldId !== undefined && openFor !== fieldId)) return;
  openFor = null;
  notify();
}

export function keyboardOpenFor(): string | null {
  return openFor;
}

/** Re-renders when the keyboard opens, closes or moves, or the setting changes. */
export function useKeyboardState(): { openFor: string | null; setting: KeyboardSetting } {
  const read = () => ({ openFor, setting: keyboardSetting() });
  const [state, setState] = useState(read);
  useEffect(() => {
    const listener = () => setState(read());
    listeners.add(listener);
    listener();
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return state;
}
