/**
 * The kiosk's screens and the few facts that decide which one shows. Persistent state
 * (catalog, drafts, outbox) lives in IndexedDB; this component holds only navigation.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ServiceDefinition } from '../core/forms/types.ts';
import { db } from '../data/db.ts';
import type { Draft, DraftAttachment } from '../data/draft.ts';
import { findField } from '../core/forms/fields.ts';
import { activeDraft, saveDraft, startDraft } from '../data/drafts-repo.ts';
import { endSession } from '../data/session.ts';
import { appendAudit } from '../data/audit-log.ts';
import { stopSpeechIfLoaded } from './speech-lazy.ts';
import { CONSENT_NOTICE_VERSION } from './session/consent-version.ts';
import { IdleGuard } from './session/IdleGuard.tsx';
import { lazyComponent } from './lazy.tsx';
import { EnrollmentBanner } from './enroll/EnrollmentBanner.tsx';
import { enrollmentState } from '../data/enrollment.ts';
import { closeStaffSession } from '../data/supervisor-api.ts';
import type { StaffSession } from '../core/sync/protocol.ts';
import type { StaffMember } from '../core/auth/staff.ts';
import type { SyncRunner } from '../data/sync-runner.ts';
import { useLiveQuery } from './hooks/use-live-query.ts';
import { useLang, useLocalized } from './i18n/context.tsx';
import { ServiceList } from './catalog/ServiceList.tsx';
import { FormScreen } from './form/FormScreen.tsx';
import { TopBar } from './layout/TopBar.tsx';
import { LanguageDialog, WelcomeScreen } from './i18n/LanguagePicker.tsx';
import { FallbackNotice } from './i18n/FallbackNotice.tsx';
import { applyDisplay, DEFAULT_DISPLAY, type DisplayPrefs } from './session/display-prefs.ts';
import { GuidedReader } from './session/GuidedReader.tsx';
import { isQuotaError } from '../core/storage/quota.ts';
import { UpdateBanner } from './pwa/UpdateBanner.tsx';
import { stopAllCameras } from './scan/camera.ts';
import { parseTrackingUrl } from '../core/ids/track-url.ts';
import type { UpdateOffer } from './pwa/service-worker.ts';

// Screens most citizens never see: fetched when first shown (precached for offline use).
const StaffSignIn = lazyComponent(() => import('./staff/StaffSignIn.tsx').then((m) => m.StaffSignIn));
const EnrollScreen = lazyComponent(() => import('./enroll/EnrollScreen.tsx').then((m) => m.EnrollScreen));
const TerminalsScreen = lazyComponent(() => import('./supervisor/TerminalsScreen.tsx').then((m) => m.TerminalsScreen));
const ConsentScreen = lazyComponent(() => import('./session/ConsentScreen.tsx').then((m) => m.ConsentScreen));
const TranslationStatus = lazyComponent(() => import('./supervisor/TranslationStatus.tsx').then((m) => m.TranslationStatus));
const StudioScreen = lazyComponent(() => import('./studio/StudioScreen.tsx').then((m) => m.StudioScreen));
// A service's introduction and the receipt: fetched when first shown (precached, so offline too).
const ServiceIntro = lazyComponent(() => import('./catalog/ServiceIntro.tsx').then((m) => m.ServiceIntro));
const ReceiptScreen = lazyComponent(() => import('./receipt/ReceiptScreen.tsx').then((m) => m.ReceiptScreen));
// Reading and display help ("Aa"): the dialog loads when first opened.
const DisplayDialog = lazyComponent(() => import('./session/DisplayDialog.tsx').then((m) => m.DisplayDialog));
// This terminal's queue, and the storage banner staff see from 80 % (precached like every chunk).
const OutboxScreen = lazyComponent(() => import('./outbox/OutboxScreen.tsx').then((m) => m.OutboxScreen));
const StorageStatus = lazyComponent(() => import('./supervisor/StorageStatus.tsx').then((m) => m.StorageStatus));
// Refused applications: the supervisor's actions, and the corrections agents make with the citizen.
const AttentionScreen = lazyComponent(() => import('./supervisor/AttentionScreen.tsx').then((m) => m.AttentionScreen));
const CorrectionsToMake = lazyComponent(() => import('./outbox/CorrectionsToMake.tsx').then((m) => m.CorrectionsToMake));
// The figures and their charts (uPlot): fetched only when a supervisor opens them.
const FiguresScreen = lazyComponent(() => import('./figures/FiguresScreen.tsx').then((m) => m.FiguresScreen));
// Tracking an application: the scanner (zxing, in a worker) is fetched only when a scan starts.
const ScanScreen = lazyComponent(() => import('./scan/ScanScreen.tsx').then((m) => m.ScanScreen));
const TrackStatusScreen = lazyComponent(() => import('./track/TrackStatusScreen.tsx').then((m) => m.TrackStatusScreen));
// Store-and-forward bundles (export, import, QR transfer): a supervisor's screen, fetched when opened.
const BundleScreen = lazyComponent(() => import('./bundle/BundleScreen.tsx').then((m) => m.BundleScreen));

type Route = { name: 'welcome' } | { name: 'translations' } | { name: 'studio' } | { name: 'home' } | { name: 'enroll' } | { name: 'terminals' } | { name: 'attention' } | { name: 'figures' } | { name: 'intro'; service: ServiceDefinition } | { name: 'consent'; service: ServiceDefinition; corrects?: string } | { name: 'form' } | { name: 'receipt'; id: string; service: ServiceDefinition } | { name: 'outbox' } | { name: 'staff' } | { name: 'scan' } | { name: 'track'; code: string } | { name: 'bundles' };

/** A receipt's link (`/?track=CODE`, e.g. opened by a phone that scanned it) starts on that application's status. */
/** What a refused change added: a signature when each new or replaced attachment answers a signature field, else a photo. */
function refusedKind(draft: Draft, attachments: Record<string, DraftAttachment>): 'photo' | 'signature' {
  const added = Object.entries(attachments).filter(([field, a]) => draft.attachments?.[field]?.ref.id !== a.ref.id);
  return added.length > 0 && added.every(([field]) => findField(draft.definition, field)?.type === 'signature') ? 'signature' : 'photo';
}

function startRoute(): Route {
  const link = parseTrackingUrl(location.search);
  if (!link) return { name: 'welcome' };
  history.replaceState(history.state, '', location.pathname); // a reload or the next session starts as usual
  return { name: 'track', code: link.trackingCode };
}

export type CatalogState = 'loading' | 'ready' | 'failed' | 'offline' | 'unenrolled';

interface Props {
  sync: SyncRunner;
  catalogState: CatalogState;
  update: UpdateOffer | null;
  /** A supervisor enrolled this terminal: fetch the catalog and relay configuration, send what waits. */
  onEnrolled(): void;
}

export function App({ sync, catalogState, update, onEnrolled }: Props) {
  const { t, lang, setLang } = useLang();
  const loc = useLocalized();
  // Each session starts with the choice of language.
  const [route, setRoute] = useState<Route>(startRoute);
  const [pickingLanguage, setPickingLanguage] = useState(false);
  // Reading and display help, for this citizen's session only.
  const [display, setDisplay] = useState<DisplayPrefs>(DEFAULT_DISPLAY);
  const [displayOpen, setDisplayOpen] = useState(false);
  useEffect(() => applyDisplay(display), [display]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [syncing, setSyncing] = useState(false);
  // Why the last draft write failed: 'full' when the disk was (a new photo is then taken back).
  const [draftSaveFailed, setDraftSaveFailed] = useState<false | 'full' | 'failed'>(false);
  // A photo or signature a full disk refused: the message names which one.
  const [attachmentRefused, setAttachmentRefused] = useState<'photo' | 'signature' | null>(null);
  // Changing it remounts every screen, so no in-memory state of one citizen reaches the next.
  const [sessionNonce, setSessionNonce] = useState(0);
  // The agent or supervisor signed in on this terminal (in memory only: a reload signs out).
  const [staff, setStaff] = useState<StaffMember | null>(null);
  // A supervisor's server session (opened with the PIN, for server-side actions), in memory only.
  const [staffSession, setStaffSession] = useState<StaffSession | null>(null);
  const enrollment = useLiveQuery(() => enrollmentState(db()), []);
  // Nothing of one screen is still being read on the next.
  const screenKey = `${sessionNonce}:${route.name}:${'id' in route ? route.id : ''}`;
  useEffect(() => () => stopSpeechIfLoaded(), [screenKey]);
  const services = useLiveQuery(async () => (await db().catalog.toArray()).map((c) => c.definition), []);

  // A draft in progress when the page last closed (reload, crash, update) comes back.
  useEffect(() => {
    void activeDraft(db()).then((found) => {
      if (found) {
        setDraft(found);
        setRoute({ name: 'form' });
      }
    });
  }, []);

  const home = () => setRoute({ name: 'home' });

  const signOut = () => {
    if (staffSession) void closeStaffSession(db(), staffSession).catch(() => undefined);
    setStaffSession(null);
    setStaff(null);
  };

  /**
   * Ends the citizen's session ("done", leaving the form, or the idle timeout): the
   * session key and drafts are deleted, speech stops, and every screen is rebuilt empty.
   */
  const finishSession = async (reason: 'done' | 'left' | 'idle') => {
    const wiped = await endSession(db());
    for (const id of wiped) await appendAudit(db(), { actor: staff?.id ?? 'citizen', action: reason === 'left' ? 'discarded' : 'wiped', applicationId: id });
    stopSpeechIfLoaded();
    stopAllCameras();
    if (reason === 'idle') signOut(); // a terminal left alone is not left signed in
    setDraft(null);
    setDraftSaveFailed(false);
    setAttachmentRefused(null);
    setPickingLanguage(false);
    setDisplayOpen(false);
    setDisplay(DEFAULT_DISPLAY);
    setRoute({ name: 'welcome' });
    setSessionNonce((n) => n + 1);
  };

  const change = (changes: { answers?: Draft['answers']; stepIndex?: number; attachments?: Draft['attachments'] }) => {
    if (!draft) return;
    const next = { ...draft, ...changes, language: lang };
    setDraft(next);
    // IndexedDB runs write transactions on one store in the order they were made.
    saveDraft(db(), next).then(
      () => {
        setDraftSaveFailed(false);
        if (changes.attachments) setAttachmentRefused(null);
      },
      (error: unknown) => {
        console.error('draft save failed', error);
        const full = isQuotaError(error);
        // A full disk refuses a new photo or signature first: it is taken back (the stored draft is the one before it).
        if (full && changes.attachments) {
          setDraft((current) => (current === next ? draft : current));
          setAttachmentRefused(refusedKind(draft, changes.attachments));
        } else setDraftSaveFailed(full ? 'full' : 'failed');
      },
    );
  };

  const syncNow = async () => {
    setSyncing(true);
    try {
      await sync.syncNow();
    } finally {
      setSyncing(false);
    }
  };

  let screen;
  if (route.name === 'welcome') {
    screen = (
      <WelcomeScreen
        onPick={(code) => {
          setLang(code);
          home();
        }}
      />
    );
  } else if (route.name === 'intro') {
    screen = (
      <ServiceIntro
        service={route.service}
        onBack={home}
        onStart={() => setRoute({ name: 'consent', service: route.service })}
      />
    );
  } else if (route.name === 'consent') {
    screen = (
      <ConsentScreen
        service={route.service}
        onDecline={home}
        onAccept={async () => {
          setDraft(await startDraft(db(), route.service, lang, CONSENT_NOTICE_VERSION, staff?.id, route.corrects));
          setRoute({ name: 'form' });
        }}
      />
    );
  } else if (route.name === 'form' && draft) {
    screen = (
      <FormScreen
        draft={draft}
        assistedByName={staff && staff.id === draft.assistedBy ? staff.name : undefined}
        onChange={change}
        onExit={() => void finishSession('left')}
        onSubmit={async () => {
          const { submitDraft } = await import('../data/submit-draft.ts');
          const item = await submitDraft(db(), draft);
          setDraft(null);
          setRoute({ name: 'receipt', id: item.id, service: draft.definition });
          void sync.run();
        }}
      />
    );
  } else if (route.name === 'receipt') {
    screen = <ReceiptScreen id={route.id} service={route.service} onDone={() => void finishSession('done')} />;
  } else if (route.name === 'staff') {
    screen = (
      <StaffSignIn
        onBack={home}
        onSignedIn={(member) => {
          setStaff(member);
          void appendAudit(db(), { actor: member.id, action: 'signed-in', applicationId: null });
          home();
        }}
      />
    );
  } else if (route.name === 'enroll') {
    screen = (
      <EnrollScreen
        onBack={home}
        onEnrolled={() => {
          onEnrolled();
          home();
        }}
      />
    );
  } else if (route.name === 'terminals' && staff?.role === 'supervisor') {
    screen = (
      <TerminalsScreen
        supervisor={staff}
        session={staffSession}
        onSession={setStaffSession}
        onBack={home}
        onOpenQueue={() => setRoute({ name: 'outbox' })}
        onOpenAttention={() => setRoute({ name: 'attention' })}
        onSyncNow={async () => {
          await syncNow();
          await import('../data/heartbeat.ts').then((h) => h.sendHeartbeat(db()));
        }}
      />
    );
  } else if (route.name === 'figures' && staff?.role === 'supervisor') {
    screen = <FiguresScreen supervisor={staff} session={staffSession} onSession={setStaffSession} onBack={home} />;
  } else if (route.name === 'bundles' && staff?.role === 'supervisor') {
    screen = <BundleScreen supervisor={staff} onBack={home} onSyncNow={syncNow} />;
  } else if (route.name === 'attention' && staff?.role === 'supervisor') {
    screen = <AttentionScreen supervisor={staff} onBack={() => setRoute({ name: 'terminals' })} />;
  } else if (route.name === 'translations' && staff?.role === 'supervisor') {
    screen = <TranslationStatus onBack={home} />;
  } else if (route.name === 'studio' && staff) {
    screen = <StudioScreen staff={staff} session={staffSession} onSession={setStaffSession} onBack={home} />;
  } else if (route.name === 'scan') {
    screen = <ScanScreen onBack={home} onTrack={(code) => setRoute({ name: 'track', code })} />;
  } else if (route.name === 'track') {
    screen = <TrackStatusScreen trackingCode={route.code} onBack={home} onScanAgain={() => setRoute({ name: 'scan' })} />;
  } else if (route.name === 'outbox') {
    screen = <OutboxScreen onBack={home} />;
  } else {
    screen = (
      <>
        <EnrollmentBanner state={enrollment} onEnroll={() => setRoute({ name: 'enroll' })} />
        {staff?.role === 'supervisor' && (
          <div class="actions supervisor-actions">
            <button type="button" class="button secondary" onClick={() => setRoute({ name: 'terminals' })}>
              {t('terminals.open')}
            </button>
            <button type="button" class="button secondary" data-testid="figures-button" onClick={() => setRoute({ name: 'figures' })}>
              {t('figures:open')}
            </button>
            <button type="button" class="button secondary" data-testid="bundles-button" onClick={() => setRoute({ name: 'bundles' })}>
              {t('bundle:open')}
            </button>
            <button type="button" class="button secondary" onClick={() => setRoute({ name: 'translations' })}>
              {t('translations.open')}
            </button>
          </div>
        )}
        {staff && <StorageStatus warnOnly />}
        {staff && <CorrectionsToMake onCorrect={(item, service) => setRoute({ name: 'consent', service, corrects: item.id })} />}
        {staff && (
          <div class="actions staff-actions">
            <button type="button" class="button secondary" data-testid="studio-button" onClick={() => setRoute({ name: 'studio' })}>
              {t('studio.open')}
            </button>
          </div>
        )}
        {draft && (
          <div class="resume-banner" role="status">
            <span>{t('home.resume', { service: loc(draft.definition.title).text })}</span>
            <button type="button" class="button primary" onClick={() => setRoute({ name: 'form' })}>
              {t('home.resumeAction')}
            </button>
          </div>
        )}
        <div class="actions track-actions">
          <button type="button" class="button secondary" data-testid="track-open" onClick={() => setRoute({ name: 'scan' })}>
            {t('scan.open')}
          </button>
        </div>
        <ServiceList services={services} catalogState={catalogState} onPick={(service) => setRoute({ name: 'intro', service })} />
      </>
    );
  }

  return (
    <>
      <TopBar
        staffName={staff?.name ?? null}
        onStaff={() => {
          if (staff) {
            void appendAudit(db(), { actor: staff.id, action: 'signed-out', applicationId: null });
            signOut();
          } else setRoute({ name: 'staff' });
        }}
        syncing={syncing} onHome={home} onSyncNow={syncNow} onOpenOutbox={() => setRoute({ name: 'outbox' })}
        onLanguages={() => setPickingLanguage(true)} onDisplay={() => setDisplayOpen(true)}
        screenKey={`${screenKey}:${route.name === 'form' ? (draft?.stepIndex ?? '') : ''}`} />
      {displayOpen && <DisplayDialog prefs={display} onChange={setDisplay} onClose={() => setDisplayOpen(false)} />}
      <GuidedReader on={display.guided && !displayOpen && !pickingLanguage} screenKey={`${sessionNonce}:${route.name}:${draft?.stepIndex ?? ''}`} lang={lang} />
      {pickingLanguage && (
        <LanguageDialog
          onClose={() => setPickingLanguage(false)}
          onPick={(code) => {
            setLang(code); // the screen and everything entered stay as they are
            setPickingLanguage(false);
          }}
        />
      )}
      <FallbackNotice />
      <UpdateBanner offer={update} />
      {draftSaveFailed && (
        <p class="notice error" role="alert">
          {t(draftSaveFailed === 'full' ? 'console:storage.draftFull' : 'form.draftSaveFailed')}
        </p>
      )}
      {attachmentRefused && route.name === 'form' && (
        <p class="notice error" role="alert" data-testid="photo-refused">
          {t(attachmentRefused === 'signature' ? 'attachments.quotaFullSignature' : 'attachments.quotaFull')}
        </p>
      )}
      <IdleGuard active={staff !== null || (route.name !== 'home' && route.name !== 'outbox' && route.name !== 'welcome')} onExpire={() => void finishSession('idle')} />
      <div key={sessionNonce} data-screen-root>
        {screen}
      </div>
    </>
  );
}
