/**
 * An application's status for a tracking code (from a scanned receipt, a typed code or a
 * `?track=` link): the server's when it answers, otherwise what this terminal's outbox
 * knows, and always which of the two the citizen is looking at. Nothing personal: the
 * service, the state and dates only.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ServiceDefinition } from '../../core/forms/types.ts';
import { db } from '../../data/db.ts';
import { lookUpTracking, type TrackLookup } from '../../data/track-lookup.ts';
import { useLang, useLocalized } from '../i18n/context.tsx';
import { dateFormat } from '../i18n/locale.ts';
import '../scan/scan.css';

const SERVER_STATE = { received: 'scan.stateReceived', processing: 'scan.stateProcessing', 'needs-information': 'scan.stateNeedsInformation', done: 'scan.stateDone' } as const;
const LOCAL_STATE = { queued: 'scan.localQueued', sending: 'scan.localSending', delivered: 'scan.localDelivered', 'needs-attention': 'scan.localNeedsAttention', 'handed-back': 'console:local.handedBack', discarded: 'console:local.discarded', replaced: 'console:local.replaced' } as const;
const WHY = { offline: 'scan.whyOffline', 'not-on-server': 'scan.whyNotOnServer', 'server-unavailable': 'scan.whyServerUnavailable' } as const;

interface Props {
  trackingCode: string;
  onScanAgain(): void;
  onBack(): void;
}

export function TrackStatusScreen({ trackingCode, onScanAgain, onBack }: Props) {
  const { t, lang } = useLang();
  const loc = useLocalized();
  const [lookup, setLookup] = useState<TrackLookup | null>(null);
  const [serviceDef, setServiceDef] = useState<ServiceDefinition | null>(null);

  useEffect(() => {
    let live = true;
    setLookup(null);
    void lookUpTracking(db(), trackingCode).then(async (found) => {
      if (!live) return;
      setLookup(found);
      const serviceId = found.source === 'server' ? found.status.serviceId : found.source === 'terminal' ? found.item.request.serviceId : null;
      const entry = serviceId ? await db().catalog.get(serviceId) : undefined;
      if (live) setServiceDef(entry?.definition ?? null);
    });
    return () => {
      live = false;
    };
  }, [trackingCode]);

  const when = (date: string | number) => dateFormat(lang, { show: 'date-time', long: true, timeZone: 'Africa/Casablanca' }).format(new Date(date));
  const serviceTitle = serviceDef ? loc(serviceDef.title) : null;
  const serviceId = lookup?.source === 'server' ? lookup.status.serviceId : lookup?.source === 'terminal' ? lookup.item.request.serviceId : null;

  return (
    <main class="screen track-status" aria-labelledby="track-title" aria-busy={lookup === null}>
      <h1 id="track-title">{t('scan.statusTitle')}</h1>
      <p class="tracking-code" dir="ltr" data-testid="track-code">
        {trackingCode}
      </p>
      {lookup === null ? (
        <p class="loading" role="status">
          {t('scan.statusLoading')}
        </p>
      ) : (
        <section role="status" data-source={lookup.source} data-testid="track-result">
          <p class="track-source" data-testid="track-source">
            {lookup.source === 'server' ? t('scan.sourceServer') : lookup.source === 'terminal' ? t('scan.sourceTerminal') : t('scan.sourceNone')}
          </p>
          {lookup.source !== 'server' && <p class="hint">{t(WHY[lookup.why])}</p>}
          {lookup.source === 'server' && (
            <p class="track-state" data-state={lookup.status.state} data-testid="track-state">
              {t(SERVER_STATE[lookup.status.state])}
            </p>
          )}
          {lookup.source === 'terminal' && (
            <p class="track-state" data-state={lookup.item.status} data-testid="track-state">
              {t(LOCAL_STATE[lookup.item.status])}
            </p>
          )}
          {lookup.source !== 'none' && (
            <dl class="track-facts">
              <div>
                <dt>{t('scan.service')}</dt>
                <dd data-testid="track-service" lang={serviceTitle?.lang}>
                  {serviceTitle?.text ?? serviceId}
                </dd>
              </div>
              {lookup.source === 'server' ? (
                <>
                  <div>
                    <dt>{t('scan.receivedAt')}</dt>
                    <dd>{when(lookup.status.receivedAt)}</dd>
                  </div>
                  <div>
                    <dt>{t('scan.updatedAt')}</dt>
                    <dd>{when(lookup.status.updatedAt)}</dd>
                  </div>
                </>
              ) : (
                <>
                  <div>
                    <dt>{t('scan.queuedAt')}</dt>
                    <dd>{when(lookup.item.queuedAt)}</dd>
                  </div>
                  {lookup.item.deliveredAt !== undefined && (
                    <div>
                      <dt>{t('scan.deliveredAt')}</dt>
                      <dd>{when(lookup.item.deliveredAt)}</dd>
                    </div>
                  )}
                </>
              )}
            </dl>
          )}
        </section>
      )}
      <div class="actions">
        <button type="button" class="button primary" onClick={onScanAgain}>
          {t('scan.scanAnother')}
        </button>
        <button type="button" class="button secondary" onClick={onBack}>
          {t('scan.back')}
        </button>
      </div>
    </main>
  );
}
