/**
 * What the citizen leaves with, in their language: the service, the date, the tracking
 * code (made on this terminal while offline, confirmed once the server answers) as text
 * and as a QR code any kiosk can scan, where the application is, and the documents still
 * to bring. Nothing personal: no name, no answer. The status follows the outbox live, so
 * "waiting" turns into "delivered" by itself. Printable on 58 mm and 80 mm thermal
 * printers and on A4 (receipt.css).
 */
import { useEffect, useState } from 'preact/hooks';
import { db } from '../../data/db.ts';
import { useLiveQuery } from '../hooks/use-live-query.ts';
import { useLang, useLocalized } from '../i18n/context.tsx';
import { fallbackChain } from '../i18n/i18n.ts';
import { dateFormat } from '../i18n/locale.ts';
import { Pictogram } from '../icons/Pictogram.tsx';
import { delayText } from '../catalog/ServiceIntro.tsx';
import { deliveryReasons } from '../outbox/problem-text.ts';
import type { ServiceDefinition } from '../../core/forms/types.ts';
import { trackingUrl } from '../../core/ids/track-url.ts';
import { forgetDocumentsToBring, rememberedDocumentsToBring } from './documents-to-bring.ts';
import { QrCode } from './QrCode.tsx';
import { RECEIPT_PAPERS, loadPaper, savePaper, type ReceiptPaper } from './paper.ts';
import './receipt.css';

const STATUS_ICON = { queued: 'clock', sending: 'sync', delivered: 'check', 'needs-attention': 'warning', 'handed-back': 'warning', discarded: 'warning', replaced: 'warning' } as const;
const STATUS_TEXT = { queued: 'receipt.queued', sending: 'receipt.sending', delivered: 'receipt.delivered', 'needs-attention': 'receipt.needsAttention', 'handed-back': 'receipt.needsAttention', discarded: 'console:local.discarded', replaced: 'console:local.replaced' } as const;
const PAPER_TEXT = { '58': 'receipt.paper58', '80': 'receipt.paper80', a4: 'receipt.paperA4' } as const;

export function ReceiptScreen({ id, service, onDone }: { id: string; service: ServiceDefinition | undefined; onDone(): void }) {
  const { t, lang } = useLang();
  const loc = useLocalized();
  const item = useLiveQuery(() => db().outbox.get(id), [id]);
  const [paper, setPaper] = useState<ReceiptPaper>(loadPaper);
  // Worked out from the answers when the form was submitted; without it (it lives in
  // memory only), the service's full list, which asks for too much rather than too little.
  const [documents] = useState(() => rememberedDocumentsToBring(id) ?? service?.documents ?? []);
  useEffect(() => () => forgetDocumentsToBring(id), [id]);
  if (!item) return null;

  const reasons = item.status === 'needs-attention' ? deliveryReasons(t, item.lastError, service, fallbackChain(lang)) : [];
  const when = dateFormat(lang, { show: 'date-time', long: true, timeZone: 'Africa/Casablanca' }).format(new Date(item.queuedAt));
  const link = trackingUrl(location.origin, item.trackingCode);
  const title = service ? loc(service.title) : null;

  return (
    <main class={`screen receipt paper-${paper}`} aria-labelledby="receipt-title" data-paper={paper}>
      <h1 id="receipt-title">{t('receipt.title')}</h1>
      <dl class="receipt-facts">
        {title && (
          <div>
            <dt>{t('receipt.service')}</dt>
            <dd lang={title.lang} data-testid="receipt-service">
              {title.text}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('receipt.date')}</dt>
          <dd data-testid="receipt-date">{when}</dd>
        </div>
      </dl>
      <section class="tracking" aria-labelledby="tracking-label">
        <h2 id="tracking-label">{t('receipt.trackingCode')}</h2>
        <p class="tracking-code" dir="ltr" data-testid="tracking-code">
          {item.trackingCode}
        </p>
        <QrCode text={link} label={t('receipt.qrLabel', { code: item.trackingCode })} />
        <p class="hint">{t('receipt.qrHint')}</p>
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
        <p class="receipt-delay">
          <Pictogram name="clock" size={28} /> {delayText(t, service)}
        </p>
      )}
      <section class="receipt-documents" aria-labelledby="bring-title">
        <h2 id="bring-title">{t('receipt.bring')}</h2>
        {documents.length === 0 ? (
          <p>{t('receipt.nothingToBring')}</p>
        ) : (
          <ul class="documents" data-testid="documents-to-bring">
            {documents.map((d) => (
              <li key={d.id} data-document={d.id} lang={loc(d.label).lang}>
                <Pictogram name="document" size={28} /> {loc(d.label).text}
              </li>
            ))}
          </ul>
        )}
      </section>
      <div class="receipt-print no-print">
        <fieldset class="paper-choice">
          <legend>{t('receipt.paper')}</legend>
          {RECEIPT_PAPERS.map((p) => (
            <label key={p} class="choice">
              <input
                type="radio"
                name="receipt-paper"
                value={p}
                checked={paper === p}
                onChange={() => {
                  setPaper(p);
                  savePaper(p);
                }}
              />
              <span>{t(PAPER_TEXT[p])}</span>
            </label>
          ))}
        </fieldset>
        <button type="button" class="button secondary" onClick={() => window.print()}>
          <Pictogram name="print" size={28} /> {t('receipt.print')}
        </button>
      </div>
      <div class="actions">
        <button type="button" class="button primary" onClick={onDone}>
          <Pictogram name="home" size={28} /> {t('nav.done')}
        </button>
      </div>
    </main>
  );
}
