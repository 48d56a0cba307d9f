/**
 * The on-screen keyboard of one text field. Keys are buttons: by touch or mouse they act
 * without taking the focus from the field (pointerdown is cancelled), by keyboard they are
 * reached with Tab and pressed with Enter or Space. A key edits the field's value at its
 * caret or selection (src/core/keyboard/edit.ts) and fires an `input` event, so the form's
 * controlled input sees it exactly as typed text.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import type { KeyboardPlan } from '../../core/keyboard/choose.ts';
import { LAYOUTS, type CharKey, type LayoutId } from '../../core/keyboard/layouts.ts';
import { backspace, pressKey, shouldAutoShift, type TextState } from '../../core/keyboard/edit.ts';
import { useLang } from '../i18n/context.tsx';
import { keyboardSetting, setKeyboardSetting } from './keyboard-state.ts';
import './keyboard.css';

type Editable = HTMLInputElement | HTMLTextAreaElement;

interface Props {
  id: string;
  plan: KeyboardPlan;
  target: RefObject<Editable>;
  onClose(): void;
}

/** Keeps the focus (and the caret) in the field when a key is touched or clicked. */
const keepFocus = (e: Event) => e.preventDefault();

function readState(el: Editable): TextState {
  const end = el.value.length;
  return { value: el.value, start: el.selectionStart ?? end, end: el.selectionEnd ?? end };
}

function writeState(el: Editable, before: TextState, next: TextState, inputType: string, data: string | null): void {
  if (next.value === before.value && next.start === before.start && next.end === before.end) return;
  el.value = next.value;
  el.setSelectionRange(next.start, next.end);
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType, data }));
}

export function OnScreenKeyboard({ id, plan, target, onClose }: Props) {
  const { t } = useLang();
  const [layoutId, setLayoutId] = useState<LayoutId>(plan.initial);
  const layout = LAYOUTS[layoutId];
  const initialShift = () => (target.current ? shouldAutoShift(layout, readState(target.current)) : false);
  const [shift, setShift] = useState(initialShift);
  const [auto, setAuto] = useState(() => keyboardSetting() === 'auto');
  const panel = useRef<HTMLDivElement>(null);

  // Bring the whole keyboard into view when it opens below a field near the bottom.
  useEffect(() => {
    panel.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);

  // Typed or cleared from elsewhere (a physical keyboard): Shift follows the field, as after a key.
  useEffect(() => {
    const el = target.current;
    if (!el) return;
    const follow = (e: Event) => {
      if (e.isTrusted) setShift(shouldAutoShift(layout, readState(el)));
    };
    el.addEventListener('input', follow);
    return () => el.removeEventListener('input', follow);
  }, [target, layout]);

  const edit = (fn: (s: TextState) => TextState, inputType: string, data: string | null): TextState | null => {
    const el = target.current;
    if (!el) return null;
    const before = readState(el);
    const next = fn(before);
    writeState(el, before, next, inputType, data);
    return next;
  };

  const type = (key: CharKey) => {
    const next = edit((s) => pressKey(s, layout, key, shift), 'insertText', shift && key.shifted ? key.shifted : key.text);
    // Shift is for one letter, as on a phone.
    if (next) setShift(shouldAutoShift(layout, next));
  };

  const erase = () => {
    const next = edit(backspace, 'deleteContentBackward', null);
    if (next) setShift(shouldAutoShift(layout, next));
  };

  const space = () => {
    const next = edit((s) => pressKey(s, layout, { text: ' ' }, false), 'insertText', ' ');
    if (next) setShift(false);
  };

  const switchTo = (next: LayoutId) => {
    setLayoutId(next);
    setShift(target.current ? shouldAutoShift(LAYOUTS[next], readState(target.current)) : false);
  };

  const shiftLabel = layout.caseful ? t('keyboard.shift') : t('keyboard.shiftTifinagh');
  const keyButton = (key: CharKey) => {
    const output = shift && key.shifted !== undefined ? key.shifted : key.text;
    return (
      <button
        type="button"
        key={key.text}
        class="osk-key"
        lang={key.lang ?? layout.lang}
        data-key={output}
        onPointerDown={keepFocus}
        onMouseDown={keepFocus}
        onClick={() => type(key)}
      >
        {output}
      </button>
    );
  };

  const lastRow = layout.rows.length - 1;
  return (
    <div
      ref={panel}
      id={id}
      class={`osk${layout.pad ? ' osk-pad' : ''}`}
      role="group"
      aria-label={t('keyboard.label')}
      data-speech-skip // its keys are not read with the screen
      data-layout={layoutId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <div class="osk-head">
        <label class="osk-auto">
          <input
            type="checkbox"
            checked={auto}
            onChange={(e) => {
              const on = (e.currentTarget as HTMLInputElement).checked;
              setAuto(on);
              setKeyboardSetting(on ? 'auto' : 'off');
            }}
          />
          <span>{t('keyboard.auto')}</span>
        </label>
        <button type="button" class="osk-key osk-close" onPointerDown={keepFocus} onMouseDown={keepFocus} onClick={onClose}>
          <span aria-hidden="true">✓</span> {t('keyboard.close')}
        </button>
      </div>
      <div class="osk-rows">
        {layout.rows.map((keys, r) => (
          <div class="osk-row" dir={layout.dir} key={`${layoutId}-${r}`}>
            {keys.map(keyButton)}
            {r === lastRow && (
              <button type="button" class="osk-key osk-wide osk-backspace" aria-label={t('keyboard.backspace')} onPointerDown={keepFocus} onMouseDown={keepFocus} onClick={erase}>
                <span aria-hidden="true">⌫</span>
              </button>
            )}
          </div>
        ))}
        {(layout.shift || layout.space || plan.layouts.length > 1) && (
          <div class="osk-row osk-controls">
            {layout.shift && (
              <button
                type="button"
                class="osk-key osk-wide osk-shift"
                aria-label={shiftLabel}
                aria-pressed={shift ? 'true' : 'false'}
                onPointerDown={keepFocus}
                onMouseDown={keepFocus}
                onClick={() => setShift(!shift)}
              >
                <span aria-hidden="true">⇧</span>
              </button>
            )}
            {plan.layouts.length > 1 && (
              <div class="osk-switch" role="group" aria-label={t('keyboard.layouts')}>
                {plan.layouts.map((l) => (
                  <button
                    type="button"
                    key={l}
                    class="osk-key osk-layout"
                    aria-pressed={l === layoutId ? 'true' : 'false'}
                    data-layout={l}
                    onPointerDown={keepFocus}
                    onMouseDown={keepFocus}
                    onClick={() => switchTo(l)}
                  >
                    <span lang={LAYOUTS[l].lang}>{LAYOUTS[l].nativeName}</span>
                    <span class="visually-hidden"> — {t(`keyboard.layout.${l}`)}</span>
                  </button>
                ))}
              </div>
            )}
            {layout.space && (
              <button type="button" class="osk-key osk-space" onPointerDown={keepFocus} onMouseDown={keepFocus} onClick={space}>
                {t('keyboard.space')}
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
