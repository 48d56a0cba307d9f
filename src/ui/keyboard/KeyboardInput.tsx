/**
 * A text input with its on-screen keyboard (use-on-screen-keyboard.tsx): the input and
 * the keyboard toggle side by side, the keyboard under them when open. For the kiosk's
 * inputs outside forms: staff ids, PINs (a digit pad), a terminal's name.
 */
import type { JSX } from 'preact';
import type { KeyboardPlan } from '../../core/keyboard/choose.ts';
import { useOnScreenKeyboard } from './use-on-screen-keyboard.tsx';

type Props = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'ref' | 'onClick' | 'onFocus' | 'onKeyDown'> & {
  id: string;
  plan: KeyboardPlan | null;
  /** The input's label, which screen readers hear after "Keyboard" on the toggle. */
  label: string;
};

export function KeyboardInput({ id, plan, label, inputMode, ...input }: Props) {
  const osk = useOnScreenKeyboard(id, plan, label, inputMode as JSX.HTMLAttributes<HTMLInputElement>['inputMode']);
  return (
    <>
      <div class="osk-field">
        <input id={id} {...input} {...osk.inputProps} />
        {osk.toggle}
      </div>
      {osk.panel}
    </>
  );
}
