/**
 * Store-and-forward, for a signed-in supervisor: export this terminal's applications still
 * to deliver as a signed bundle (a file to download, or animated QR codes for another
 * terminal's camera), and import a bundle from another terminal of the relay (a file, or
 * QR codes), which this terminal then delivers. Every refusal says what to do; nothing is
 * ever imported in part.
 */
import { useState } from 'preact/hooks';
import type { StaffMember } from '../../core/auth/staff.ts';
import { MAX_BUNDLE_BYTES } from '../../core/bundle/format.ts';
import { db } from '../../data/db.ts';
import { currentEnrollment } from '../../data/enrollment.ts';
import { terminalId } from '../../data/meta.ts';
import { bundleableItems, exportBundle } from '../../data/bundle-export.ts';
import { importBundle, type ImportProblem, type ImportResult } from '../../data/bundle-import.ts';
import { syncSigningKeys } from '../../data/terminal-keys.ts';
import { useLiveQuery } from '../hooks/use-live-query.ts';
import { useLang } from '../i18n/context.tsx';
import { BackButton } from '../layout/BackButton.tsx';
import { lazyComponent } from '../lazy.tsx';
import { bundleFileName, saveBytes } from './save-file.ts';

const QrSend = lazyComponent(() => import('../qr-transfer/QrSend.tsx').then((m) => m.QrSend));
const QrReceive = lazyComponent(() => import('../qr-transfer/QrReceive.tsx').then((m) => m.QrReceive));

/** What each refusal tells the supervisor, and what to do about it. */
const PROBLEM_TEXT = {
  'not-a-bundle': 'bundle:error.notABundle',
  'unsupported-version': 'bundle:error.unsupportedVersion',
  truncated: 'bundle:error.truncated',
  corrupt: 'bundle:error.corrupt',
  tampered: 'bundle:error.tampered',
  foreign: 'bundle:error.foreign',
  revoked: 'bundle:error.revoked',
  'too-large': 'bundle:error.tooLarge',
  'storage-full': 'bundle:error.storageFull',
} as const satisfies Record<ImportProblem, string>;

interface Props {
  supervisor: StaffMember;
  onBack(): void;
  onSyncNow(): Promise<void>;
}

interface Exported {
  count: number;
  left: number;
  fileName: string;
  kilobytes: string;
}

const kilobytes = (bytes: number) => (bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0);

/** Room for the bundle and what IndexedDB adds to it; unknown (no estimate) counts as room. */
async function hasRoomFor(bytes: number): Promise<boolean> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  if (!estimate?.quota) return true;
  return estimate.quota - (estimate.usage ?? 0) > bytes * 1.5;
}

export function BundleScreen({ supervisor, onBack, onSyncNow }: Props) {
  const { t } = useLang();
  const waiting = useLiveQuery(async () => (await bundleableItems(db())).length, []);
  const [busy, setBusy] = useState<'export' | 'import' | 'sync' | null>(null);
  const [exported, setExported] = useState<Exported | null>(null);
  const [exportFailed, setExportFailed] = useState(false);
  const [qrBytes, setQrBytes] = useState<Uint8Array | null>(null);
  const [receiving, setReceiving] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const imported = result?.ok ? result.ids : [];
  const delivered = useLiveQuery(async () => (await db().outbox.bulkGet(imported)).filter((i) => i?.status === 'delivered').length, [imported.join()]);

  const makeBundle = async (): Promise<{ bytes: Uint8Array<ArrayBuffer>; fileName: string } | null> => {
    setBusy('export');
    setExportFailed(false);
    setExported(null);
    try {
      const out = await exportBundle(db(), Date.now(), supervisor.id);
      const label = (await currentEnrollment(db()))?.label ?? (await terminalId(db())).slice(0, 8);
      const fileName = bundleFileName(label, new Date());
      setExported({ count: out.count, left: out.left, fileName, kilobytes: kilobytes(out.bytes.byteLength) });
      return { bytes: out.bytes, fileName };
    } catch (error) {
      console.error('bundle export failed', error);
      setExportFailed(true);
      return null;
    } finally {
      setBusy(null);
    }
  };

  const download = async () => {
    const made = await makeBundle();
    if (made) saveBytes(made.bytes, made.fileName);
  };

  const showQr = async () => {
    const made = await makeBundle();
    if (made) setQrBytes(made.bytes);
  };

  const importBytes = async (bytes: Uint8Array) => {
    setBusy('import');
    setResult(null);
    try {
      // Online, the relay's key list is refreshed first: a terminal enrolled since the last sync is known then.
      if (navigator.onLine) await syncSigningKeys(db()).catch(() => undefined);
      if (!(await hasRoomFor(bytes.byteLength))) return setResult({ ok: false, reason: 'storage-full' });
      setResult(await importBundle(db(), bytes, Date.now(), { actor: supervisor.id }));
    } catch (error) {
      console.error('bundle import failed', error);
      setResult({ ok: false, reason: 'corrupt' });
    } finally {
      setBusy(null);
    }
  };

  const pickFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // the same file can be picked again after a refusal
    if (!file) return;
    if (file.size > MAX_BUNDLE_BYTES) return setResult({ ok: false, reason: 'too-large' });
    await importBytes(new Uint8Array(await file.arrayBuffer()));
  };

  const sendNow = async () => {
    setBusy('sync');
    try {
      await onSyncNow();
    } finally {
      setBusy(null);
    }
  };

  if (qrBytes) return <QrSend bytes={qrBytes} onClose={() => setQrBytes(null)} />;
  if (receiving)
    return (
      <QrReceive
        onClose={() => setReceiving(false)}
        onBytes={(bytes) => {
          setReceiving(false);
          void importBytes(bytes);
        }}
      />
    );

  return (
    <main class="screen bundles" aria-labelledby="bundles-title" aria-busy={busy !== null}>
      <h1 id="bundles-title">{t('bundle:title')}</h1>
      <p>{t('bundle:intro')}</p>

      <section class="bundle-export" aria-labelledby="bundle-export-title">
        <h2 id="bundle-export-title">{t('bundle:export.title')}</h2>
        <p data-testid="bundle-waiting" data-count={waiting ?? ''}>
          {waiting === 0 ? t('bundle:export.none') : t('bundle:export.waiting', { count: waiting ?? 0 })}
        </p>
        <div class="actions">
          <button type="button" class="button primary" data-testid="bundle-download" disabled={busy !== null || !waiting} onClick={() => void download()}>
            {t('bundle:export.download')}
          </button>
          <button type="button" class="button secondary" data-testid="bundle-show-qr" disabled={busy !== null || !waiting} onClick={() => void showQr()}>
            {t('bundle:export.qr')}
          </button>
        </div>
        {busy === 'export' && <p role="status">{t('bundle:export.working')}</p>}
        {exported && (
          <p class="notice" role="status" data-testid="bundle-exported" data-count={exported.count}>
            {t('bundle:export.done', { count: exported.count, size: exported.kilobytes, file: exported.fileName })}
            {exported.left > 0 && ` ${t('bundle:export.left', { count: exported.left })}`}
          </p>
        )}
        {exportFailed && (
          <p class="notice error" role="alert">
            {t('bundle:export.failed')}
          </p>
        )}
      </section>

      <section class="bundle-import" aria-labelledby="bundle-import-title">
        <h2 id="bundle-import-title">{t('bundle:import.title')}</h2>
        <p>{t('bundle:import.help')}</p>
        <div class="field">
          <label for="bundle-file">{t('bundle:import.file')}</label>
          <input id="bundle-file" class="input" type="file" accept=".relais,application/vnd.relais.bundle" disabled={busy !== null} onChange={(e) => void pickFile(e.currentTarget)} />
        </div>
        <div class="actions">
          <button type="button" class="button secondary" data-testid="bundle-scan-qr" disabled={busy !== null} onClick={() => setReceiving(true)}>
            {t('bundle:import.qr')}
          </button>
        </div>
        {busy === 'import' && <p role="status">{t('bundle:import.working')}</p>}
        {result && !result.ok && (
          <p class="notice error" role="alert" data-testid="bundle-import-error" data-reason={result.reason}>
            {t(PROBLEM_TEXT[result.reason], { max: Math.round(MAX_BUNDLE_BYTES / 1_048_576) })}
          </p>
        )}
        {result?.ok && (
          <div class="notice" role="status" data-testid="bundle-import-result" data-imported={result.imported} data-already-delivered={result.alreadyDelivered} data-already-queued={result.alreadyQueued}>
            <p>{result.fromThisTerminal ? t('bundle:import.own') : t('bundle:import.from', { label: result.from.label || result.from.terminalId })}</p>
            <ul>
              <li>{t('bundle:import.imported', { count: result.imported })}</li>
              {result.alreadyDelivered > 0 && <li>{t('bundle:import.alreadyDelivered', { count: result.alreadyDelivered })}</li>}
              {result.alreadyQueued > 0 && <li>{t('bundle:import.alreadyQueued', { count: result.alreadyQueued })}</li>}
            </ul>
            {result.imported > 0 && (
              <>
                <p data-testid="bundle-delivered" data-delivered={delivered ?? 0}>
                  {t('bundle:import.delivered', { count: delivered ?? 0, total: result.imported })}
                </p>
                <button type="button" class="button primary" data-testid="bundle-send-now" disabled={busy !== null} onClick={() => void sendNow()}>
                  {busy === 'sync' ? t('bundle:import.sending') : t('bundle:import.sendNow')}
                </button>
              </>
            )}
          </div>
        )}
      </section>

      <div class="actions">
        <BackButton onClick={onBack} />
      </div>
    </main>
  );
}
