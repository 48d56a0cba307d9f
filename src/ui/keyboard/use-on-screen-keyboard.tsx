/**
 * Gives any text input the on-screen keyboard: spread `inputProps` on the input (it brings
 * the ref), render `toggle` beside it and `panel` after it.
 *
 *   const osk = useOnScreenKeyboard('search', keyboardFor('text', lang), t('catalog.search'));
 *   <div class="osk-field"><input id="search" {...osk.inputProps} … />{osk.toggle}</div>{osk.panel}
 *
 * The keyboard opens from the toggle, or by itself (setting `auto`) when the input is
 * touched or, on a touch-only kiosk, focused; an open keyboard follows the focus to the
 * next input that has one. Escape closes it. The input's own handlers for these events
 * must not be passed separately (they would replace these).
 */
import type { JSX, RefObject, VNode } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { KeyboardPlan } from '../../core/keyboard/choose.ts';
import { useLang } from '../i18n/context.tsx';
import { lazyComponent } from '../lazy.tsx';
import { closeKeyboard, isTouchKiosk, keyboardOpenFor, openKeyboard, useKeyboardState } from './keyboard-state.ts';

// The keys themselves are fetched the first time a keyboard opens.
const OnScreenKeyboard = lazyComponent(() => import('./OnScreenKeyboard.tsx').then((m) => m.OnScreenKeyboard));

type InputMode = JSX.HTMLAttributes<HTMLInputElement>['inputMode'];

/** `E`: an input, or a textarea (the ID card's MRZ lines). */
export interface OnScreenKeyboardParts<E extends HTMLInputElement | HTMLTextAreaElement = HTMLInputElement> {
  open: boolean;
  inputProps: {
    ref: RefObject<E>;
    inputMode?: InputMode;
    onClick(e: MouseEvent): void;
    onFocus(): void;
    onKeyDown(e: KeyboardEvent): void;
  };
  toggle: VNode | null;
  panel: VNode | null;
}

/**
 * @param id the input's id (the keyboard is `${id}-osk`, the toggle `${id}-osk-toggle`)
 * @param plan the keyboard for this input (src/core/keyboard/choose.ts); null for none
 * @param fieldLabel the input's label, read after "Keyboard" on the toggle by screen readers
 * @param inputMode the input's own inputmode, given back when the keyboard closes
 */
export function useOnScreenKeyboard<E extends HTMLInputElement | HTMLTextAreaElement = HTMLInputElement>(
  id: string,
  plan: KeyboardPlan | null,
  fieldLabel: string,
  inputMode?: InputMode,
): OnScreenKeyboardParts<E> {
  const { t } = useLang();
  const input = useRef<E>(null);
  const keyboard = useKeyboardState();
  const open = plan !== null && keyboard.openFor === id;
  const oskId = `${id}-osk`;
  // Focus we give to the field ourselves must not reopen the keyboard just closed.
  const refocusing = useRef(false);
  const focusField = () => {
    refocusing.current = true;
    input.current?.focus();
    refocusing.current = false;
  };

  // An input that leaves the screen takes its keyboard with it.
  useEffect(() => () => closeKeyboard(id), [id]);

  const inputProps: OnScreenKeyboardParts<E>['inputProps'] = {
    ref: input,
    // While our keyboard is open, the system's own touch keyboard stays away.
    inputMode: open ? 'none' : inputMode,
    // On the tap's click, not its pointerdown: the keyboard appearing (and scrolling into
    // view) in the middle of the touch would cancel the tap, and the field's focus with it.
    onClick: (e) => {
      const pointerType = (e as MouseEvent & { pointerType?: string }).pointerType;
      if (plan && keyboard.setting === 'auto' && (pointerType === 'touch' || pointerType === 'pen')) openKeyboard(id);
    },
    onFocus: () => {
      if (!plan || refocusing.current) return;
      const elsewhere = keyboardOpenFor();
      if ((elsewhere !== null && elsewhere !== id) || (keyboard.setting === 'auto' && isTouchKiosk())) openKeyboard(id);
    },
    onKeyDown: (e) => {
      if (e.key === 'Escape' && open) {
        e.preventDefault();
        closeKeyboard(id);
      }
    },
  };

  const toggle = plan && (
    <button
      type="button"
      id={`${id}-osk-toggle`}
      class="button secondary osk-toggle"
      // Not read aloud with the screen (src/ui/layout/read-aloud.ts): beside every field, it is noise.
      data-speech-skip
      aria-expanded={open ? 'true' : 'false'}
      aria-controls={open ? oskId : undefined}
      // A mouse click keeps the caret where it was in the field.
      onPointerDown={(e) => e.preventDefault()}
      onMouseDown={(e) => e.preventDefault()}
      onClick={(e) => {
        if (open) return closeKeyboard(id);
        openKeyboard(id);
        // Clicked or touched: the caret goes to the field, so a physical keyboard types there too.
        // Pressed from the keyboard (detail 0): the focus stays here, the keys come next in Tab order.
        if (e.detail > 0 && document.activeElement !== input.current) focusField();
      }}
    >
      <span aria-hidden="true">⌨</span> {t('keyboard.toggle')}
      <span class="visually-hidden"> — {fieldLabel}</span>
    </button>
  );

  const panel = open ? (
    <OnScreenKeyboard
      key={plan.initial}
      id={oskId}
      plan={plan}
      target={input}
      onClose={() => {
        closeKeyboard(id);
        focusField();
      }}
    />
  ) : null;

  return { open, inputProps, toggle, panel };
}
