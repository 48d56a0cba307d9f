import { useEffect } from 'preact/hooks';
import type { ServiceDefinition } from '../../core/forms/types.ts';
import { useLang, useLocalized } from '../i18n/context.tsx';
import { Pictogram } from '../icons/Pictogram.tsx';

interface Props {
  services: ServiceDefinition[] | undefined;
  catalogState: 'loading' | 'ready' | 'failed' | 'offline';
  onPick(service: ServiceDefinition): void;
}

export function ServiceList({ services, catalogState, onPick }: Props) {
  const { t } = useLang();
  const loc = useLocalized();
  const empty = !services || services.length === 0;
  useEffect(() => {
    // The moment a citizen can pick a service: what `npm run bench` reports as start-up time.
    if (!empty && performance.getEntriesByName('relais:interactive').length === 0) performance.mark('relais:interactive');
  }, [empty]);
  return (
    <main class="screen home" aria-labelledby="home-title">
      <h1 id="home-title">{t('home.title')}</h1>
      {empty && catalogState === 'loading' && <p role="status">{t('home.loading')}</p>}
      {empty && (catalogState === 'offline' || catalogState === 'failed') && <p role="status" class="notice">{t('home.emptyOffline')}</p>}
      {!empty && catalogState === 'failed' && <p role="status" class="notice">{t('home.catalogFailed')}</p>}
      <ul class="service-grid">
        {services?.map((service) => {
          const title = loc(service.title);
          return (
            <li key={service.id}>
              <button type="button" class="service-card" data-service={service.id} onClick={() => onPick(service)}>
                <Pictogram name={service.icon} size={64} />
                <span lang={title.lang} dir={title.dir}>
                  {title.text}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </main>
  );
}
