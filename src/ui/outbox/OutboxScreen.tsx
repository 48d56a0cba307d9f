/**
 * Every application on this terminal with its delivery status: no personal data shown.
 * A refused one stays listed whatever became of it: handed back to an agent, discarded
 * (by whom, why) or replaced by the citizen's corrected application.
 */
import { db } from '../../data/db.ts';
import { getMeta } from '../../data/meta.ts';
import type { CatalogProblem } from '../../data/catalog-sync.ts';
import { useLiveQuery } from '../hooks/use-live-query.ts';
import { useLang, useLocalized } from '../i18n/context.tsx';
import { fallbackChain } from '../i18n/i18n.ts';
import { dateFormat } from '../i18n/locale.ts';
import { deliveryReasons } from './problem-text.ts';
import { BackButton } from '../layout/BackButton.tsx';
import { StorageStatus } from '../supervisor/StorageStatus.tsx';

const STATUS_TEXT = {
  queued: 'outbox.status.queued',
  sending: 'outbox.status.sending',
  delivered: 'outbox.status.delivered',
  'needs-attention': 'outbox.status.needs-attention',
  'handed-back': 'console:status.handed-back',
  discarded: 'console:status.discarded',
  replaced: 'console:status.replaced',
} as const;

export function OutboxScreen({ onBack }: { onBack(): void }) {
  const { t, lang } = useLang();
  const loc = useLocalized();
  const items = useLiveQuery(() => db().outbox.orderBy('queuedAt').reverse().toArray(), []);
  const catalog = useLiveQuery(() => db().catalog.toArray(), []);
  const byId = new Map(catalog?.map((c) => [c.id, c.definition]));
  const catalogMeta = useLiveQuery(async () => ({ version: await getMeta<number>(db(), 'catalogVersion'), problems: (await getMeta<CatalogProblem[]>(db(), 'catalogProblems')) ?? [] }), []);
  const when = dateFormat(lang, { show: 'date-time' });
  const codes = new Map(items?.map((i) => [i.id, i.trackingCode]));
  return (
    <main class="screen outbox" aria-labelledby="outbox-title">
      <h1 id="outbox-title">{t('outbox.title')}</h1>
      <StorageStatus />
      {items?.length === 0 && <p>{t('outbox.empty')}</p>}
      <ul class="outbox-list">
        {items?.map((item) => {
          const def = byId.get(item.request.serviceId);
          return (
            <li key={item.id} class={`outbox-item status-${item.status}`} data-id={item.id} data-status={item.status}>
              <span class="tracking-code" dir="ltr">
                {item.trackingCode}
              </span>
              <span>{def ? loc(def.title).text : item.request.serviceId}</span>
              <span class="badge">{t(STATUS_TEXT[item.status])}</span>
              <span class="hint">
                {t('outbox.queuedAt', { date: when.format(item.queuedAt) })} · {t('outbox.attempts', { count: item.attempts })}
              </span>
              {item.status !== 'delivered' &&
                deliveryReasons(t, item.lastError, def, fallbackChain(lang)).map((r) => (
                  <span key={r} class="reason">
                    {r}
                  </span>
                ))}
              {item.discarded && (
                <span class="hint">
                  {t('console:outbox.discarded', { by: item.discarded.by, date: when.format(item.discarded.at), reason: t(`console:attention.reason.${item.discarded.reason}`) })}
                  {item.discarded.note && ` (${item.discarded.note})`}
                </span>
              )}
              {item.replacedBy && <span class="hint">{t('console:outbox.replaced', { code: codes.get(item.replacedBy.id) ?? item.replacedBy.id })}</span>}
              {item.status === 'needs-attention' && <span class="hint">{t('console:outbox.toSupervisor')}</span>}
            </li>
          );
        })}
      </ul>
      <p class="hint" data-testid="app-version">
        Relais {__APP_VERSION__}
        {catalogMeta?.version != null && <> · {t('outbox.catalogVersion', { version: catalogMeta.version })}</>}
      </p>
      {catalogMeta && catalogMeta.problems.length > 0 && (
        <section class="notice" aria-labelledby="catalog-skipped">
          <h2 id="catalog-skipped">{t('outbox.catalogSkipped')}</h2>
          <ul dir="ltr">
            {catalogMeta.problems.map((p) => (
              <li key={p.index}>
                {p.id ?? `#${p.index}`}: {p.errors.join('; ')}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div class="actions">
        <BackButton onClick={onBack} />
      </div>
    </main>
  );
}
