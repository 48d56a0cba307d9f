/**
 * This terminal's catalog on the dashboard: its version against the one the server
 * publishes, "pull the catalog update" with what it did, and the drafts and queued
 * applications filled on an older form version, which stay submittable.
 */
import { useState } from 'preact/hooks';
import type { CatalogSyncResult } from '../../data/catalog-sync.ts';
import { db } from '../../data/db.ts';
import { getMeta } from '../../data/meta.ts';
import { pinnedToOlderForms } from '../../data/pinned-forms.ts';
import { useLiveQuery } from '../hooks/use-live-query.ts';
import { useLang, useLocalized } from '../i18n/context.tsx';

interface Props {
  /** The server's current catalog version, once the terminals list came; null before. */
  serverVersion: number | null;
  /** After a pull: tell the server (heartbeat) and reload the list. */
  onPulled(): Promise<void>;
}

function resultText(t: ReturnType<typeof useLang>['t'], result: CatalogSyncResult): string {
  if (result.kind === 'updated') return t('console:catalog.updated', { version: result.version, services: result.upserted, removed: result.removed });
  if (result.kind === 'unchanged') return t('console:catalog.unchanged', { version: result.version });
  return t(result.reason === 'offline' ? 'terminals.offline' : 'terminals.failed');
}

export function CatalogStatus({ serverVersion, onPulled }: Props) {
  const { t } = useLang();
  const loc = useLocalized();
  const local = useLiveQuery(() => getMeta<number>(db(), 'catalogVersion'), []);
  const pinned = useLiveQuery(() => pinnedToOlderForms(db()), []);
  const catalog = useLiveQuery(() => db().catalog.toArray(), []);
  const titles = new Map(catalog?.map((c) => [c.id, loc(c.definition.title).text]));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CatalogSyncResult | null>(null);
  const behind = serverVersion !== null && (local ?? 0) < serverVersion;

  const pull = async () => {
    setBusy(true);
    const { syncCatalog } = await import('../../data/catalog-sync.ts');
    const outcome = await syncCatalog(db());
    setResult(outcome);
    if (outcome.kind !== 'failed') await onPulled();
    setBusy(false);
  };

  return (
    <section class="catalog-status" aria-labelledby="catalog-status-title" data-local-version={local ?? ''} data-behind={behind}>
      <h3 id="catalog-status-title">{t('console:catalog.title')}</h3>
      <p>{t('console:catalog.versions', { local: local ?? '—', server: serverVersion ?? '—' })}</p>
      <button type="button" class="button secondary" disabled={busy} onClick={() => void pull()}>
        {t('console:catalog.pull')}
      </button>
      {result && (
        <p class={result.kind === 'failed' ? 'notice error' : 'notice'} role="status" data-testid="catalog-pull-result" data-result={result.kind}>
          {resultText(t, result)}
        </p>
      )}
      <div class="pinned-forms" data-testid="pinned-forms">
        <h4>{t('console:catalog.pinned')}</h4>
        {pinned?.length === 0 && <p class="hint">{t('console:catalog.pinnedNone')}</p>}
        {pinned && pinned.length > 0 && (
          <>
            <p class="hint">{t('console:catalog.pinnedHint')}</p>
            <ul>
              {pinned.map((p) => (
                <li key={p.id} data-id={p.id} data-kind={p.kind}>
                  {p.kind === 'draft' ? t('console:catalog.draft') : <span dir="ltr">{p.trackingCode}</span>} · {titles.get(p.serviceId) ?? p.serviceId} ·{' '}
                  {p.currentVersion === null ? t('console:catalog.pinnedWithdrawn', { version: p.formVersion }) : t('console:catalog.pinnedItem', { version: p.formVersion, current: p.currentVersion })}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
