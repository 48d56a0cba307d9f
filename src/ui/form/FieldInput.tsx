/** One question, rendered for its type with touch-sized controls. */
import type { JSX } from 'preact';
import type { AnswerValue, FieldDefinition } from '../../core/forms/types.ts';
import { DOCUMENT_PROVISIONS } from '../../core/forms/document.ts';
import { foldDigits } from '../../core/forms/digits.ts';
import { keyboardFor } from '../../core/keyboard/choose.ts';
import { useLang, useLocalized } from '../i18n/context.tsx';
import { useOnScreenKeyboard } from '../keyboard/use-on-screen-keyboard.tsx';
import type { DraftAttachment } from '../../data/draft.ts';
import { lazyComponent } from '../lazy.tsx';

// Photo and signature fields (camera, crop, canvas encoding) are fetched when a form has one.
const PhotoField = lazyComponent(() => import('../attachments/PhotoField.tsx').then((m) => m.PhotoField));
const SignatureField = lazyComponent(() => import('../attachments/SignatureField.tsx').then((m) => m.SignatureField));

interface Props {
  field: FieldDefinition;
  value: AnswerValue | undefined;
  error?: string;
  onChange(value: AnswerValue): void;
  /** photo / signature: the image the answer names, and how to set or drop it (with the answer). */
  attachment?: DraftAttachment | undefined;
  onAttach?(attachment: DraftAttachment | null): void;
  /**
   * The prompt key of this question's catalog texts (`service.<id>.field.<name>`): its
   * label, hint and options carry `<key>.label`, `.hint`, `.option.<value>` as
   * `data-speech-key`, so reading them aloud plays an agent's recording when current.
   */
  speechKey?: string;
}

function Choice(props: { name: string; value: string; type: 'radio' | 'checkbox'; checked: boolean; label: string; lang?: string | undefined; speechKey?: string | undefined; id: string; describedBy?: string; disabled?: boolean; onChange(checked: boolean): void }) {
  return (
    <label class="choice">
      <input
        type={props.type}
        name={props.name}
        value={props.value}
        id={props.id}
        checked={props.checked}
        disabled={props.disabled}
        aria-describedby={props.describedBy}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <span lang={props.lang} data-speech-key={props.speechKey}>
        {props.label}
      </span>
    </label>
  );
}

/** Numbers are typed as text so Arabic-Indic digits work; a non-number stays a string for validation. */
function parseNumber(raw: string): AnswerValue {
  const folded = foldDigits(raw).trim().replace(',', '.');
  if (folded === '') return null;
  const n = Number(folded);
  return Number.isFinite(n) && /^-?\d+(\.\d+)?$/.test(folded) ? n : raw;
}

export function FieldInput({ field, value, error, onChange, attachment, onAttach, speechKey }: Props) {
  const { t, lang } = useLang();
  const loc = useLocalized();
  const id = `field-${field.id}`;
  const errorId = error ? `${id}-error` : undefined;
  const hintId = field.hint ? `${id}-hint` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const label = loc(field.label);
  const firstOptionId = `${id}`;

  const header = (
    <>
      <span class="label" lang={label.lang} dir={label.dir}>
        <span data-speech-key={speechKey && `${speechKey}.label`}>{label.text}</span> {!field.required && <span class="optional" lang={lang}>{t('form.optional')}</span>}
      </span>
      {field.hint && (
        <span class="hint" id={hintId} lang={loc(field.hint).lang} data-speech-key={speechKey && `${speechKey}.hint`}>
          {loc(field.hint).text}
        </span>
      )}
      {error && (
        <span class="field-error" id={errorId}>
          {error}
        </span>
      )}
    </>
  );

  if (field.type === 'choice' || field.type === 'multichoice' || field.type === 'yesno' || field.type === 'document') {
    const options: Array<{ value: string | boolean; label: string; lang?: string; speechKey?: string | undefined; disabled?: boolean }> =
      field.type === 'yesno'
        ? [{ value: true, label: t('form.yes') }, { value: false, label: t('form.no') }]
        : field.type === 'document'
          ? DOCUMENT_PROVISIONS.map((p) => ({ value: p, label: t(p === 'bring-on-paper' ? 'form.documentBring' : 'form.documentAttached') }))
          : (field.options ?? []).map((o) => ({ value: o.value, label: loc(o.label).text, lang: loc(o.label).lang, speechKey: speechKey && `${speechKey}.option.${o.value}` }));
    const multi = field.type === 'multichoice';
    const picked = (v: string | boolean) => (multi ? Array.isArray(value) && value.includes(v as string) : value === v);
    return (
      <fieldset class={`field choices${error ? ' has-error' : ''}`} aria-invalid={error ? 'true' : undefined}>
        <legend>{header}</legend>
        {options.map((option, index) => (
          <Choice
            key={String(option.value)}
            id={index === 0 ? firstOptionId : `${id}-${index}`}
            name={field.id}
            value={String(option.value)}
            type={multi ? 'checkbox' : 'radio'}
            checked={picked(option.value)}
            label={option.label}
            lang={option.lang}
            speechKey={option.speechKey}
            describedBy={describedBy}
            onChange={(checked) => {
              if (!multi) return onChange(option.value);
              const current = Array.isArray(value) ? value : [];
              const next = checked ? [...current, option.value as string] : current.filter((v) => v !== option.value);
              onChange(next.length ? next : null);
            }}
          />
        ))}
      </fieldset>
    );
  }

  if (field.type === 'photo' || field.type === 'signature') {
    const Widget = field.type === 'photo' ? PhotoField : SignatureField;
    const labelId = `${id}-label`;
    return (
      <div class={`field${error ? ' has-error' : ''}`} role="group" aria-labelledby={labelId} aria-invalid={error ? 'true' : undefined}>
        <div id={labelId}>{header}</div>
        <Widget field={field} id={id} attachment={attachment?.ref.id === value ? attachment : undefined} describedBy={describedBy} onAttach={(a) => onAttach?.(a)} />
      </div>
    );
  }

  const inputProps: Record<'text' | 'number' | 'date' | 'phone' | 'cnie', JSX.InputHTMLAttributes<HTMLInputElement>> = {
    text: { type: 'text', inputMode: 'text', autoComplete: 'off' },
    number: { type: 'text', inputMode: 'decimal', autoComplete: 'off' },
    date: { type: 'date', autoComplete: 'off' },
    phone: { type: 'tel', inputMode: 'tel', autoComplete: 'off', dir: 'ltr' },
    cnie: { type: 'text', inputMode: 'text', autoComplete: 'off', autoCapitalize: 'characters', dir: 'ltr' },
  };

  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{header}</label>
      <TypedInput field={field} id={id} lang={lang} toggleLabel={label.text} inputProps={inputProps[field.type]} value={value} error={error} describedBy={describedBy} onChange={onChange} />
    </div>
  );
}

/**
 * The input of a typed field, with its on-screen keyboard (src/ui/keyboard): the keys the
 * field expects (digits only for a phone number), in the script of the UI language for
 * free text. A native date input keeps its own picker.
 */
function TypedInput(props: {
  field: FieldDefinition;
  id: string;
  lang: string;
  toggleLabel: string;
  inputProps: JSX.InputHTMLAttributes<HTMLInputElement>;
  value: AnswerValue | undefined;
  error: string | undefined;
  describedBy: string | undefined;
  onChange(value: AnswerValue): void;
}) {
  const { field, id } = props;
  const plan = props.inputProps.type === 'date' ? null : keyboardFor(field.type, props.lang);
  const osk = useOnScreenKeyboard(id, plan, props.toggleLabel, props.inputProps.inputMode);

  return (
    <>
      <div class="osk-field">
        <input
          id={id}
          {...props.inputProps}
          {...osk.inputProps}
          class="input"
          value={props.value == null ? '' : String(props.value)}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={props.describedBy}
          aria-required={field.required ? 'true' : undefined}
          onInput={(e) => {
            const raw = (e.currentTarget as HTMLInputElement).value;
            props.onChange(field.type === 'number' ? parseNumber(raw) : raw === '' ? null : raw);
          }}
        />
        {osk.toggle}
      </div>
      {osk.panel}
    </>
  );
}
