/**
 * "Read the ID card": on a form step whose fields can be prefilled, the agent types or
 * pastes the three MRZ lines of the citizen's card. Every problem is listed in the UI
 * language with where it is; nothing is written to the draft until the agent confirms
 * what will be filled, and the fields stay editable afterwards. The MRZ text itself
 * stays in this component's memory only: it is never saved with the draft.
 */
import { useState } from 'preact/hooks';
import type { Answers, FieldDefinition } from '../../core/forms/types.ts';
import { isoDateIn } from '../../core/forms/dates.ts';
import { parseMrz } from '../../core/identity/mrz.ts';
import type { MrzResult } from '../../core/identity/mrz-types.ts';
import { prefillFromMrz } from '../../core/identity/prefill.ts';
import { MRZ_KEYBOARD } from '../../core/keyboard/choose.ts';
import { useLang, useLocalized } from '../i18n/context.tsx';
import { useOnScreenKeyboard } from '../keyboard/use-on-screen-keyboard.tsx';
import { fallbackChain } from '../i18n/i18n.ts';
import { dateFormat } from '../i18n/locale.ts';
import { formatAnswer } from '../form/format-answer.ts';
import { Pictogram } from '../icons/Pictogram.tsx';
import { mrzIssueMessage } from './mrz-messages.ts';
import './identity.css';

interface Props {
  /** The visible fields of the current step; those with `prefill` can be filled. */
  fields: readonly FieldDefinition[];
  onFill(values: Answers): void;
}

export function MrzPanel({ fields, onFill }: Props) {
  const { t, lang } = useLang();
  const loc = useLocalized();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [result, setResult] = useState<MrzResult | null>(null);
  const [filled, setFilled] = useState<string[]>([]);
  const chain = fallbackChain(lang);
  // The card's characters only: capitals, digits and the filler <.
  const osk = useOnScreenKeyboard<HTMLTextAreaElement>('mrz-input', open ? MRZ_KEYBOARD : null, t('identity.label'));
  const formatDate = (iso: string) => dateFormat(lang, { long: true, timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));

  const read = () => {
    setFilled([]);
    setResult(parseMrz(text, { today: isoDateIn(new Date()) }));
  };
  const items = result?.ok && result.data ? prefillFromMrz(result.data, fields) : [];
  const label = (id: string) => {
    const field = fields.find((f) => f.id === id);
    return field ? loc(field.label).text : id;
  };

  const confirm = () => {
    onFill(Object.fromEntries(items.map((i) => [i.fieldId, i.value])));
    setFilled(items.map((i) => label(i.fieldId)));
    // The card's data is in the form now; drop the typed lines and close the panel.
    setText('');
    setResult(null);
    setOpen(false);
  };

  const expired = result?.warnings.find((w) => w.code === 'expired');
  const otherWarnings = result?.warnings.filter((w) => w.code !== 'expired') ?? [];

  return (
    <section class="mrz-panel" aria-labelledby="mrz-toggle" data-testid="mrz-panel">
      <button type="button" id="mrz-toggle" class="button secondary" aria-expanded={open ? 'true' : 'false'} aria-controls={open ? 'mrz-body' : undefined} onClick={() => setOpen(!open)}>
        <Pictogram name="id-card" size={32} /> {t('identity.open')}
      </button>
      {filled.length > 0 && (
        <p class="mrz-filled" role="status">
          <Pictogram name="check" size={24} /> {t('identity.filled', { fields: filled.join(lang === 'ar' ? '، ' : ', ') })}
        </p>
      )}
      {open && (
        <div id="mrz-body">
          <label for="mrz-input" class="label">
            {t('identity.label')}
          </label>
          <p class="hint" id="mrz-hint">
            {t('identity.intro')}
          </p>
          <div class="osk-field">
            <textarea
              id="mrz-input"
              class="mrz-input"
              dir="ltr"
              rows={3}
              spellcheck={false}
              autoComplete="off"
              autoCapitalize="characters"
              aria-describedby="mrz-hint"
              value={text}
              onInput={(e) => {
                setText((e.currentTarget as HTMLTextAreaElement).value);
                setResult(null);
              }}
              {...osk.inputProps}
            />
            {osk.toggle}
          </div>
          {osk.panel}
          <div class="mrz-row">
            <button type="button" class="button primary" onClick={read}>
              <Pictogram name="check" size={28} /> {t('identity.read')}
            </button>
          </div>
          {result && !result.ok && (
            <div class="mrz-problems" role="alert" data-testid="mrz-errors">
              <h3>{t('identity.problems')}</h3>
              <ul>
                {result.errors.map((issue, i) => (
                  <li key={i} data-code={issue.code}>
                    {mrzIssueMessage(t, issue, formatDate)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {result && expired && (
            <p class="mrz-expired" role="alert" data-testid="mrz-expired">
              <Pictogram name="warning" size={28} /> {mrzIssueMessage(t, expired, formatDate)}
            </p>
          )}
          {result && otherWarnings.length > 0 && (
            <ul class="mrz-warnings" data-testid="mrz-warnings">
              {otherWarnings.map((issue, i) => (
                <li key={i} data-code={issue.code}>
                  {mrzIssueMessage(t, issue, formatDate)}
                </li>
              ))}
            </ul>
          )}
          {result?.ok && (
            <div class="mrz-preview" role="status" data-testid="mrz-preview">
              <p>{t('identity.valid')}</p>
              {items.length === 0 ? (
                <p>{t('identity.nothingToFill')}</p>
              ) : (
                <>
                  <h3>{t('identity.willFill')}</h3>
                  <dl>
                    {items.map((item) => {
                      const field = fields.find((f) => f.id === item.fieldId)!;
                      return (
                        <div key={item.fieldId} class="mrz-preview-row">
                          <dt lang={loc(field.label).lang}>{loc(field.label).text}</dt>
                          <dd dir="auto">{formatAnswer(t, field, item.value, chain, lang)}</dd>
                        </div>
                      );
                    })}
                  </dl>
                  <div class="mrz-row">
                    <button type="button" class="button primary" onClick={confirm}>
                      <Pictogram name="edit" size={28} /> {t('identity.confirm')}
                    </button>
                  </div>
                </>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
