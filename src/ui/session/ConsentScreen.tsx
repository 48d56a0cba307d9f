/**
 * The consent notice of law 09-08, shown (and read aloud on request) before any personal
 * data is collected. Accepting records the notice version in the application.
 */
import type { ServiceDefinition } from '../../core/forms/types.ts';
import { useLang, useLocalized } from '../i18n/context.tsx';
import { Pictogram } from '../icons/Pictogram.tsx';
import { SpeakButton } from './SpeakButton.tsx';

/** Bump when the notice text changes: applications record which one the citizen accepted. */
export const CONSENT_NOTICE_VERSION = 'consent-2026-11-v1';

export function ConsentScreen({ service, onAccept, onDecline }: { service: ServiceDefinition; onAccept(): void; onDecline(): void }) {
  const { t } = useLang();
  const loc = useLocalized();
  const administration = loc(service.administration).text;
  const paragraphs = [
    t('consent.purpose', { service: loc(service.title).text }),
    t('consent.recipient', { administration }),
    t('consent.retention'),
    t('consent.rights', { administration }),
  ];
  return (
    <main class="screen consent" aria-labelledby="consent-title">
      <h1 id="consent-title">{t('consent.title')}</h1>
      {paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <SpeakButton text={[t('consent.title'), ...paragraphs, t('consent.question')].join('. ')} />
      <p class="label">{t('consent.question')}</p>
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
