/**
 * Fills a draft one group of questions per screen, then the review screen. Every answer
 * is written to IndexedDB as it changes, so a reload or power cut resumes here.
 */
import { useMemo, useState } from 'preact/hooks';
import type { AnswerValue, Answers, FieldError } from '../../core/forms/types.ts';
import { visibleSteps } from '../../core/forms/steps.ts';
import { visibleFields } from '../../core/forms/conditions.ts';
import { validateStep, validateAnswers } from '../../core/forms/validate.ts';
import { stepOfField } from '../../core/forms/fields.ts';
import { isoDateIn } from '../../core/forms/dates.ts';
import type { Draft, DraftAttachment } from '../../data/draft.ts';
import { useLang, useLocalized } from '../i18n/context.tsx';
import { fallbackChain } from '../i18n/i18n.ts';
import { ErrorSummary } from './ErrorSummary.tsx';
import { FieldInput } from './FieldInput.tsx';
import { fieldMessage } from './field-messages.ts';
import { Pictogram } from '../icons/Pictogram.tsx';
import { BackButton } from '../layout/BackButton.tsx';
import { lazyComponent } from '../lazy.tsx';
import { documentsToBring, rememberDocumentsToBring } from '../receipt/documents-to-bring.ts';

// The ID-card panel is for agents on some steps: fetched when first shown.
const MrzPanel = lazyComponent(() => import('../identity/MrzPanel.tsx').then((m) => m.MrzPanel));
// The review screen (and how answers are written out) is reached at the form's end: fetched then.
const ReviewScreen = lazyComponent(() => import('./ReviewScreen.tsx').then((m) => m.ReviewScreen));

interface Props {
  draft: Draft;
  assistedByName?: string | undefined;
  onChange(changes: { answers?: Draft['answers']; stepIndex?: number; attachments?: Draft['attachments'] }): void;
  onSubmit(): Promise<void>;
  onExit(): void;
}

export function FormScreen({ draft, assistedByName, onChange, onSubmit, onExit }: Props) {
  const { t, lang } = useLang();
  const loc = useLocalized();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [saveFailed, setSaveFailed] = useState<null | 'noSealingKey' | 'saveFailed' | 'storageFull'>(null);
  const def = draft.definition;
  const steps = useMemo(() => visibleSteps(def, draft.answers), [def, draft.answers]);
  const index = Math.min(draft.stepIndex, steps.length);
  const chain = fallbackChain(lang);
  const today = isoDateIn(new Date());

  const go = (stepIndex: number) => {
    setErrors([]);
    onChange({ stepIndex });
    window.scrollTo(0, 0);
  };

  const submit = async () => {
    const all = validateAnswers(def, draft.answers, { today });
    if (all.length > 0) {
      // Send the citizen back to the first group with a problem, with its errors shown.
      const stepId = stepOfField(def, all[0]!.field)?.id;
      const target = Math.max(0, steps.findIndex((s) => s.id === stepId));
      onChange({ stepIndex: target });
      setErrors(all.filter((e) => stepOfField(def, e.field)?.id === stepId));
      return;
    }
    setBusy(true);
    setSaveFailed(null);
    // The receipt lists what is still to bring; the answers are sealed once queued.
    rememberDocumentsToBring(draft.id, documentsToBring(def, draft.answers));
    try {
      await onSubmit();
    } catch (error) {
      // Most likely a full disk (QuotaExceededError), or a terminal that never received the
      // server key. The transaction rolled back: the draft is intact and nothing was queued.
      console.error('submit failed', error);
      const name = (error as Error | null)?.name;
      setSaveFailed(name === 'NoSealingKeyError' ? 'noSealingKey' : name === 'StorageFullError' ? 'storageFull' : 'saveFailed');
    } finally {
      setBusy(false);
    }
  };

  const title = loc(def.title);
  if (index >= steps.length) {
    return (
      <>
        {saveFailed && (
          <p class="notice error" role="alert">
            {t(saveFailed === 'storageFull' ? 'console:storage.submitFull' : `form.${saveFailed}`)}
          </p>
        )}
        <ReviewScreen draft={draft} steps={steps} busy={busy} onEdit={go} onBack={() => go(steps.length - 1)} onSubmit={submit} />
      </>
    );
  }

  const step = steps[index]!;
  const stepTitle = loc(step.title);
  const fields = visibleFields(def, draft.answers).filter((f) => step.fields.includes(f));
  const messages = new Map(errors.map((e) => [e.field, fieldMessage(t, def, e, chain)]));

  const next = () => {
    const found = validateStep(def, step.id, draft.answers, { today });
    setErrors(found);
    if (found.length === 0) go(index + 1);
  };

  const setAnswer = (id: string, value: AnswerValue) => {
    const answers = { ...draft.answers };
    if (value === null) delete answers[id];
    else answers[id] = value;
    onChange({ answers });
    if (messages.has(id)) setErrors(errors.filter((e) => e.field !== id));
  };

  /** A photo or signature: the image and the answer naming it, in one draft write (a retake replaces both). */
  const setAttachment = (field: string, attachment: DraftAttachment | null) => {
    const answers = { ...draft.answers };
    const attachments = { ...(draft.attachments ?? {}) };
    if (attachment) {
      answers[field] = attachment.ref.id;
      attachments[field] = attachment;
    } else {
      delete answers[field];
      delete attachments[field];
    }
    onChange({ answers, attachments });
    if (messages.has(field)) setErrors(errors.filter((e) => e.field !== field));
  };

  /** Several answers at once (the ID card prefill), in one draft write. */
  const setAnswers = (values: Answers) => {
    onChange({ answers: { ...draft.answers, ...values } });
    setErrors(errors.filter((e) => !(e.field in values)));
  };

  return (
    <main class="screen form-screen" aria-labelledby="step-title">
      <p class="service-name" lang={title.lang} data-speech-key={`service.${def.id}.title`}>
        <Pictogram name={def.icon} size={32} /> {title.text}
      </p>
      {draft.assistedBy && (
        <p class="assisting" data-testid="assisted-by">
          {t('staff.assisting', { name: assistedByName ?? draft.assistedBy })}
        </p>
      )}
      <p class="progress">{t('form.stepOf', { current: index + 1, total: steps.length })}</p>
      <h1 id="step-title" lang={stepTitle.lang} data-speech-key={`service.${def.id}.step.${step.id}`}>
        {stepTitle.text}
      </h1>
      <ErrorSummary items={errors.map((e) => ({ fieldId: e.field, message: messages.get(e.field) ?? e.code }))} />
      {fields.some((f) => f.prefill) && <MrzPanel key={step.id} fields={fields} onFill={setAnswers} />}
      <form
        class="fields"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          next();
        }}
      >
        {fields.map((field) => (
          <FieldInput
            key={field.id}
            field={field}
            value={draft.answers[field.id]}
            error={messages.get(field.id)}
            onChange={(v) => setAnswer(field.id, v)}
            attachment={draft.attachments?.[field.id]}
            onAttach={(a) => setAttachment(field.id, a)}
            speechKey={`service.${def.id}.field.${field.id}`}
          />
        ))}
        <div class="actions">
          <BackButton onClick={() => (index === 0 ? onExit() : go(index - 1))} />
          <button type="submit" class="button primary">
            {t('nav.next')} <Pictogram name="next" size={28} class="directional" />
          </button>
        </div>
      </form>
    </main>
  );
}
