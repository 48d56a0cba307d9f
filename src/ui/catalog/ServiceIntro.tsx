/** What the citizen needs to know before starting: documents, delay, fee, administration. */
import type { ServiceDefinition } from '../../core/forms/types.ts';
import { useLang, useLocalized } from '../i18n/context.tsx';
import { Pictogram } from '../icons/Pictogram.tsx';
import { BackButton } from '../layout/BackButton.tsx';

export function delayText(t: (key: string, opts?: Record<string, unknown>) => string, service: ServiceDefinition): string {
  const { min, max } = service.delayDays;
  return min === max ? t('service.delaySame', { count: min }) : t('service.delay', { min, max });
}

export function DocumentList({ service }: { service: ServiceDefinition }) {
  const loc = useLocalized();
  return (
    <ul class="documents">
      {service.documents.map((d) => (
        <li key={d.id} lang={loc(d.label).lang} data-speech-key={`service.${service.id}.document.${d.id}`}>
          <Pictogram name="document" size={28} /> {loc(d.label).text}
        </li>
      ))}
    </ul>
  );
}

export function ServiceIntro({ service, onStart, onBack }: { service: ServiceDefinition; onStart(): void; onBack(): void }) {
  const { t } = useLang();
  const loc = useLocalized();
  const title = loc(service.title);
  return (
    <main class="screen service-intro" aria-labelledby="service-title">
      <h1 id="service-title" lang={title.lang} data-speech-key={`service.${service.id}.title`}>
        <Pictogram name={service.icon} size={56} /> {title.text}
      </h1>
      <p lang={loc(service.summary).lang} data-speech-key={`service.${service.id}.summary`}>
        {loc(service.summary).text}
      </p>
      <ul class="facts">
        <li>
          <Pictogram name="clock" size={28} /> {delayText(t, service)}
        </li>
        <li>{service.feeMad === 0 ? t('service.free') : t('service.fee', { amount: service.feeMad })}</li>
        <li>{t('service.administration', { name: loc(service.administration).text })}</li>
      </ul>
      {service.documents.length > 0 && (
        <>
          <h2>{t('service.documents')}</h2>
          <DocumentList service={service} />
        </>
      )}
      <div class="actions">
        <BackButton onClick={onBack} />
        <button type="button" class="button primary" onClick={onStart}>
          {t('nav.start')} <Pictogram name="next" size={28} class="directional" />
        </button>
      </div>
    </main>
  );
}
