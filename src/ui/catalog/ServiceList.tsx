/**
 * The home screen: a search box over the whole catalog and, while nothing is typed, every
 * service grouped by category. Search runs on the main thread over a prebuilt index (a
 * couple of milliseconds per keystroke at 10,000 services: bench/search-latency.ts).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ServiceDefinition } from '../../core/forms/types.ts';
import { searchServices } from '../../core/search/search.ts';
import { useLang } from '../i18n/context.tsx';
import { CategoryList } from './CategoryList.tsx';
import { ServiceCard } from './ServiceCard.tsx';
import { ServiceSearch } from './ServiceSearch.tsx';
import { useSearchIndex } from './use-search-index.ts';
import './catalog.css';

/** Results shown at once; the count says how many more there are. */
const RESULT_LIMIT = 50;

interface Props {
  services: ServiceDefinition[] | undefined;
  catalogState: 'loading' | 'ready' | 'failed' | 'offline' | 'unenrolled';
  onPick(service: ServiceDefinition): void;
}

export function ServiceList({ services, catalogState, onPick }: Props) {
  const { t } = useLang();
  const empty = !services || services.length === 0;
  const [query, setQuery] = useState('');
  const index = useSearchIndex();
  useEffect(() => {
    // The moment a citizen can pick a service: what `npm run bench` reports as start-up time.
    if (!empty && performance.getEntriesByName('relais:services').length === 0) performance.mark('relais:services');
  }, [empty]);

  const byId = useMemo(() => new Map((services ?? []).map((s) => [s.id, s])), [services]);
  const searching = query.trim() !== '';
  const found = useMemo(() => {
    if (!searching || !index) return null;
    const result = searchServices(index, query, RESULT_LIMIT);
    // An index one catalog version behind may name a service that has since gone.
    const hits = result.hits.map((hit) => byId.get(hit.id)).filter((s): s is ServiceDefinition => s !== undefined);
    return { hits, total: result.total };
  }, [index, query, searching, byId]);
  const status = !searching ? { kind: 'idle' as const } : !found ? { kind: 'preparing' as const } : { kind: 'found' as const, total: found.total, shown: found.hits.length };

  return (
    <main class="screen home" aria-labelledby="home-title">
      <h1 id="home-title">{t('home.title')}</h1>
      {empty && catalogState === 'loading' && <p role="status">{t('home.loading')}</p>}
      {empty && (catalogState === 'offline' || catalogState === 'failed') && <p role="status" class="notice">{t('home.emptyOffline')}</p>}
      {!empty && catalogState === 'failed' && <p role="status" class="notice">{t('home.catalogFailed')}</p>}
      {!empty && <ServiceSearch query={query} onQuery={setQuery} status={status} />}
      {!empty && searching && found && found.hits.length > 0 && (
        <ul class="service-grid search-results" aria-label={t('search.results')}>
          {found.hits.map((service) => (
            <ServiceCard key={service.id} service={service} onPick={onPick} />
          ))}
        </ul>
      )}
      {!empty && !searching && <CategoryList services={services} onPick={onPick} />}
    </main>
  );
}
