/**
 * The consent notice of law 09-08, shown (and read aloud on request) before any personal
 * data is collected. Accepting records the notice version in the application.
 *
 * Read aloud paragraph by paragraph, each highlighted while it is read. The paragraphs
 * that name the service or the administration are composed prompts: the fixed text is
 * recorded once, the names come from the catalog's own recordings (core/speech/compose.ts).
 */
import type { ServiceDefinition } from '../../core/forms/types.ts';
import { composeTemplate } from '../../core/speech/compose.ts';
import { useLang, useLocalized } from '../i18n/context.tsx';
import { Pictogram } from '../icons/Pictogram.tsx';
import { SpeakButton, type SpeakItem } from './SpeakButton.tsx';

/** Bump when the notice text changes: applications record which one the citizen accepted. */
export { CONSENT_NOTICE_VERSION } from './consent-version.ts';

export function ConsentScreen({ service, onAccept, onDecline }: { service: ServiceDefinition; onAccept(): void; onDecline(): void }) {
  const { t } = useLang();
  const loc = useLocalized();
  const administration = loc(service.administration).text;
  const title = loc(service.title).text;
  const values = {
    service: { key: `service.${service.id}.title`, text: title },
    administration: { key: `service.${service.id}.administration`, text: administration },
  };
  const paragraph = (key: string): SpeakItem & { key: string } => {
    const text = t(key, { service: title, administration });
    const template = t(key, { skipInterpolation: true });
    const composed = template !== text;
    return { key, text, targetId: `consent-${key.split('.')[1]}`, ...(composed ? { parts: composeTemplate(key, template, values) } : { promptKey: key }) };
  };
  const paragraphs = ['consent.purpose', 'consent.recipient', 'consent.retention', 'consent.rights'].map(paragraph);
  const items: SpeakItem[] = [
    { text: t('consent.title'), promptKey: 'consent.title', targetId: 'consent-title' },
    ...paragraphs,
    { text: t('consent.question'), promptKey: 'consent.question', targetId: 'consent-question' },
  ];
  return (
    <main class="screen consent" aria-labelledby="consent-title">
      <h1 id="consent-title">{t('consent.title')}</h1>
      {paragraphs.map((p) => (
        <p key={p.key} id={p.targetId}>
          {p.text}
        </p>
      ))}
      <SpeakButton items={items} />
      <p class="label" id="consent-question">
        {t('consent.question')}
      </p>
      <div class="actions">
        <button type="button" class="button secondary" onClick={onDecline}>
          <Pictogram name="close" size={28} /> {t('consent.decline')}
        </button>
        <button type="button" class="button primary" onClick={onAccept}>
          <Pictogram name="check" size={28} /> {t('consent.accept')}
        </button>
      </div>
    </main>
  );
}
