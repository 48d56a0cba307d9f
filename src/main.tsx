/**
 * Start-up: render from what IndexedDB already holds, then (in the background) refresh
 * the catalog and start the outbox sync. Nothing here waits for the network.
 */
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { db } from './data/db.ts';
import { SyncRunner } from './data/sync-runner.ts';
import { App, type CatalogState } from './ui/App.tsx';
import { LangContext } from './ui/i18n/context.tsx';
import { changeLanguage, directionOf, initI18n, isUiLanguage, type UiLanguage } from './ui/i18n/i18n.ts';
import { registerServiceWorker, type UpdateOffer } from './ui/pwa/service-worker.ts';
import type { TFunction } from 'i18next';
import '@fontsource/noto-sans-tifinagh/tifinagh-400.css'; // only the Tifinagh letters (18 KB woff2, OFL-1.1), fetched when Tifinagh is drawn
import './ui/styles.css';

const LANG_KEY = 'relais.uiLanguage'; // the language choice only: no personal data
const HEARTBEAT_EVERY_MS = 5 * 60_000;

function applyDocumentLanguage(lang: UiLanguage): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
}

async function refreshCatalog(setState: (s: CatalogState) => void): Promise<void> {
  // Loaded after first paint: the schema validator is not start-up JavaScript.
  const { syncCatalog } = await import('./data/catalog-sync.ts');
  const { syncRelayConfig } = await import('./data/relay-sync.ts');
  const [result] = await Promise.all([syncCatalog(db()), syncRelayConfig(db())]);
  if (result.kind !== 'failed') setState('ready');
  // Recorded prompts published from other terminals come with the catalog (loaded only now).
  if (result.kind !== 'failed') void import('./speech/clip-sync.ts').then((s) => s.syncSpeechClips(db())).catch((e: unknown) => console.warn('speech clips not synced', e));
  else setState(result.reason === 'offline' ? 'offline' : result.status === 401 ? 'unenrolled' : 'failed');
  if (result.kind !== 'failed') void import('./data/heartbeat.ts').then((h) => h.sendHeartbeat(db()));
}

function Root({ initialLang, initialT, sync }: { initialLang: UiLanguage; initialT: TFunction; sync: SyncRunner }) {
  const [lang, setLangState] = useState(initialLang);
  const [t, setT] = useState<TFunction>(() => initialT);
  const [catalogState, setCatalogState] = useState<CatalogState>('loading');
  const [update, setUpdate] = useState<UpdateOffer | null>(null);

  useEffect(() => {
    registerServiceWorker(setUpdate);
    void refreshCatalog(setCatalogState);
    sync.start().catch((error: unknown) => console.error('outbox sync could not start', error));
    const onOnline = () => void refreshCatalog(setCatalogState);
    window.addEventListener('online', onOnline);
    // The relay's dashboard hears from this terminal every few minutes while it is online.
    const beat = setInterval(() => navigator.onLine && void import('./data/heartbeat.ts').then((h) => h.sendHeartbeat(db())), HEARTBEAT_EVERY_MS);
    // Ask the browser not to evict this terminal's queue under storage pressure.
    void navigator.storage?.persist?.().catch(() => false);
    return () => {
      window.removeEventListener('online', onOnline);
      clearInterval(beat);
    };
  }, [sync]);

  const value = useMemo(
    () => ({
      lang,
      t,
      setLang: (next: UiLanguage) => {
        void changeLanguage(next).then((nextT) => {
          localStorage.setItem(LANG_KEY, next);
          applyDocumentLanguage(next);
          setLangState(next);
          setT(() => nextT);
        });
      },
    }),
    [lang, t],
  );
  return (
    <LangContext.Provider value={value}>
      <App
        sync={sync}
        catalogState={catalogState}
        update={update}
        onEnrolled={() => {
          void refreshCatalog(setCatalogState);
          void sync.syncNow(); // applications held back while the terminal had no valid token
        }}
      />
    </LangContext.Provider>
  );
}

async function boot(): Promise<void> {
  const stored = localStorage.getItem(LANG_KEY);
  const lang: UiLanguage = isUiLanguage(stored) ? stored : 'ar';
  applyDocumentLanguage(lang);
  const t = await initI18n(lang);
  render(<Root initialLang={lang} initialT={t} sync={new SyncRunner(db())} />, document.getElementById('app')!);
}

void boot();
