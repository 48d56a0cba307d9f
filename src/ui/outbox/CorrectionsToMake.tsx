/**
 * "Corrections to make", on the home screen of a signed-in agent: applications a
 * supervisor handed back, with the tracking code, the service and the reasons field by
 * field. The refused answers cannot be read here (sealed to the server), so the agent
 * starts a new application of the same service with the citizen, which names the refused
 * one (`corrects`); once it is queued the refused one is marked replaced.
 */
import type { ServiceDefinition } from '../../core/forms/types.ts';
import type { OutboxItem } from '../../core/outbox/types.ts';
import { handedBackItems } from '../../data/attention.ts';
import { db } from '../../data/db.ts';
import { useLiveQuery } from '../hooks/use-live-query.ts';
import { useLang, useLocalized } from '../i18n/context.tsx';
import { fallbackChain } from '../i18n/i18n.ts';
import { deliveryReasons } from './problem-text.ts';
import '../supervisor/console.css';

export function CorrectionsToMake({ onCorrect }: { onCorrect(item: OutboxItem, service: ServiceDefinition): void }) {
  const { t, lang } = useLang();
  const loc = useLocalized();
  const items = useLiveQuery(() => handedBackItems(db()), []);
  const catalog = useLiveQuery(() => db().catalog.toArray(), []);
  if (!items?.length || !catalog) return null;
  const byId = new Map(catalog.map((c) => [c.id, c.definition]));
  return (
    <section class="corrections" aria-labelledby="corrections-title" data-testid="corrections">
      <h2 id="corrections-title">{t('console:corrections.title')}</h2>
      <p class="hint">{t('console:corrections.intro')}</p>
      <ul class="outbox-list">
        {items.map((item) => {
          const def = byId.get(item.request.serviceId);
          return (
            <li key={item.id} class="outbox-item" data-id={item.id}>
              <span class="tracking-code" dir="ltr">
                {item.trackingCode}
              </span>
              <span>{def ? loc(def.title).text : item.request.serviceId}</span>
              <ul class="reasons">
                {deliveryReasons(t, item.lastError, def, fallbackChain(lang)).map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
              {def ? (
                <button type="button" class="button primary" onClick={() => onCorrect(item, def)}>
                  {t('console:corrections.start')}
                </button>
              ) : (
                <span class="hint">{t('console:attention.why.service-withdrawn')}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
