/**
 * This terminal's storage: what IndexedDB and the caches use against the quota the
 * browser grants, whether the storage is persistent (not evicted under pressure), and a
 * warning from 80 % on, before a full disk starts refusing photos (core/storage/quota.ts).
 * `warnOnly`: shown only from 80 % (the staff's banner on the home screen).
 */
import { useEffect, useState } from 'preact/hooks';
import { STORAGE_WARNING_RATIO } from '../../core/storage/quota.ts';
import { useLang } from '../i18n/context.tsx';

interface Storage {
  usage: number;
  quota: number;
  persisted: boolean | null;
}

const megabytes = (bytes: number) => (bytes / 1_048_576).toFixed(bytes < 10 * 1_048_576 ? 1 : 0);

export function StorageStatus({ warnOnly = false }: { warnOnly?: boolean }) {
  const { t } = useLang();
  const [storage, setStorage] = useState<Storage | null>(null);
  useEffect(() => {
    void (async () => {
      const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
      if (!estimate?.quota) return;
      const persisted = (await navigator.storage.persisted?.().catch(() => null)) ?? null;
      setStorage({ usage: estimate.usage ?? 0, quota: estimate.quota, persisted });
    })();
  }, []);
  if (!storage) return null;
  const ratio = storage.usage / storage.quota;
  const full = ratio >= STORAGE_WARNING_RATIO;
  if (warnOnly && !full) return null;
  return (
    <div class={full ? 'notice error storage-status' : 'storage-status'} role={full ? 'alert' : 'status'} data-storage-ratio={ratio.toFixed(3)}>
      <span>{t('dashboard.storage', { used: megabytes(storage.usage), quota: megabytes(storage.quota), percent: Math.round(ratio * 100) })}</span>
      <meter min={0} max={1} low={0.6} high={STORAGE_WARNING_RATIO} optimum={0} value={ratio} aria-label={t('dashboard.storageMeter')} />
      <span>{storage.persisted === true ? t('dashboard.persisted') : t('dashboard.notPersisted')}</span>
      {full && <span>{t('dashboard.storageFull')}</span>}
    </div>
  );
}
