/**
 * What the citizen leaves with: the tracking code (made on this terminal while offline,
 * confirmed once the server answers) and a plain statement of where the application is.
 * The status follows the outbox live, so "waiting" turns into "delivered" by itself.
 */
import { db } from '../../data/db.ts';
import { useLiveQuery } from '../hooks/use-live-query.ts';
import { useLang, useLocalized } from '../i18n/context.tsx';
import { fallbackChain } from '../i18n/i18n.ts';
import { Pictogram } from '../icons/Pictogram.tsx';
import { DocumentList, delayText } from '../catalog/ServiceIntro.tsx';
import { deliveryReasons } from '../outbox/problem-text.ts';
import type { ServiceDefinition } from '../../core/forms/types.ts';

const STATUS_ICON = { queued: 'clock', sending: 'sync', delivered: 'check', 'needs-attention': 'warning' } as const;
const STATUS_TEXT = { queued: 'receipt.queued', sending: 'receipt.sending', delivered: 'receipt.delivered', 'needs-attention': 'receipt.needsAttention' } as const;

export function ReceiptScreen({ id, service, onDone }: { id: string; service: ServiceDefinition | undefined; onDone(): void }) {
  const { t, lang } = useLang();
  const loc = useLocalized();
  const item = useLiveQuery(() => db().outbox.get(id), [id]);
  if (!item) return null;
  const reasons = item.status === 'needs-attention' ? deliveryReasons(t, item.lastError, service, fallbackChain(lang)) : [];
  return (
    <main class="screen receipt" aria-labelledby="receipt-title">
      <h1 id="receipt-title">{t('receipt.title')}</h1>
      {service && <p lang={loc(service.title).lang}>{loc(service.title).text}</p>}
      <section class="tracking" aria-labelledby="tracking-label">
        <h2 id="tracking-label">{t('receipt.trackingCode')}</h2>
        <p class="tracking-code" dir="ltr" data-testid="tracking-code">
          {item.trackingCode}
        </p>
        <p class="hint">{t(item.trackingConfirmed ? 'receipt.trackingConfirmed' : 'receipt.trackingLocal')}</p>
        <p class="hint">{t('receipt.keepCode')}</p>
      </section>
      <p class={`delivery-status status-${item.status}`} role="status" data-status={item.status}>
        <Pictogram name={STATUS_ICON[item.status]} size={40} /> {t(STATUS_TEXT[item.status])}
      </p>
      {reasons.length > 0 && (
        <ul class="reasons">
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      {service && (
        <>
          <p>
            <Pictogram name="clock" size={28} /> {delayText(t, service)}
          </p>
          {service.documents.length > 0 && (
            <>
              <h2>{t('receipt.bring')}</h2>
              <DocumentList service={service} />
            </>
          )}
        </>
      )}
      <div class="actions">
        <button type="button" class="button primary" onClick={onDone}>
          <Pictogram name="home" size={28} /> {t('nav.done')}
        </button>
      </div>
    </main>
  );
}
