import type { StepDefinition } from '../../core/forms/types.ts';
import { visibleFields } from '../../core/forms/conditions.ts';
import type { Draft } from '../../data/draft.ts';
import { useLang, useLocalized } from '../i18n/context.tsx';
import { fallbackChain } from '../i18n/i18n.ts';
import { formatAnswer } from './format-answer.ts';
import { Pictogram } from '../icons/Pictogram.tsx';
import { BackButton } from '../layout/BackButton.tsx';

interface Props {
  draft: Draft;
  steps: StepDefinition[];
  busy: boolean;
  onEdit(stepIndex: number): void;
  onBack(): void;
  onSubmit(): void;
}

export function ReviewScreen({ draft, steps, busy, onEdit, onBack, onSubmit }: Props) {
  const { t, lang } = useLang();
  const loc = useLocalized();
  const visible = new Set(visibleFields(draft.definition, draft.answers));
  const chain = fallbackChain(lang);
  return (
    <main class="screen review-screen" aria-labelledby="review-title">
      <h1 id="review-title">{t('review.title')}</h1>
      <p class="hint">{t('review.hint')}</p>
      {steps.map((step, index) => (
        <section key={step.id} class="review-step">
          <div class="review-step-head">
            <h2 lang={loc(step.title).lang} data-speech-key={`service.${draft.definition.id}.step.${step.id}`}>
              {loc(step.title).text}
            </h2>
            <button type="button" class="button link" onClick={() => onEdit(index)}>
              <Pictogram name="edit" size={24} /> {t('nav.change')}
            </button>
          </div>
          <dl>
            {step.fields
              .filter((f) => visible.has(f))
              .map((field) => (
                <div key={field.id} class="review-row">
                  <dt lang={loc(field.label).lang} data-speech-key={`service.${draft.definition.id}.field.${field.id}.label`}>
                    {loc(field.label).text}
                  </dt>
                  <dd>{formatAnswer(t, field, draft.answers[field.id], chain, lang)}</dd>
                </div>
              ))}
          </dl>
        </section>
      ))}
      <div class="actions">
        <BackButton onClick={onBack} />
        <button type="button" class="button primary" disabled={busy} onClick={onSubmit}>
          <Pictogram name="send" size={28} class="directional" /> {t('nav.submit')}
        </button>
      </div>
    </main>
  );
}
