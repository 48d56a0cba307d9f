/**
 * The relay's terminals, for a signed-in supervisor: when each was enrolled and by whom,
 * when it last called the server, and a revoke button (with a confirmation) for a lost or
 * stolen one. Server-side actions need a session the server opened against the PIN, so
 * the supervisor confirms their PIN once per sign-in.
 */
import { useEffect, useState } from 'preact/hooks';
import type { StaffMember } from '../../core/auth/staff.ts';
import type { StaffSession, TerminalSummary } from '../../core/sync/protocol.ts';
import { db } from '../../data/db.ts';
import { terminalId } from '../../data/meta.ts';
import { relayTerminals, revokeRelayTerminal, type ApiResult } from '../../data/supervisor-api.ts';
import { useLiveQuery } from '../hooks/use-live-query.ts';
import { isStale, type Heartbeat } from '../../core/sync/heartbeat.ts';
import { StorageStatus } from './StorageStatus.tsx';
import { CatalogStatus } from './CatalogStatus.tsx';
import './console.css';
import { useLang } from '../i18n/context.tsx';
import { dateFormat } from '../i18n/locale.ts';
import { BackButton } from '../layout/BackButton.tsx';
import { StaffPinForm } from '../staff/StaffPinForm.tsx';

interface Props {
  supervisor: StaffMember;
  session: StaffSession | null;
  onSession(session: StaffSession | null): void;
  onBack(): void;
  onOpenQueue(): void;
  /** Applications the server refused, to hand back or discard (AttentionScreen). */
  onOpenAttention(): void;
  onSyncNow(): Promise<void>;
}

/** What a terminal's last heartbeat says: its queue, storage and versions. */
function HeartbeatFacts({ heartbeat: h, when }: { heartbeat: Heartbeat; when: { format(date: number): string } }) {
  const { t } = useLang();
  return (
    <dl class="heartbeat" data-queued={h.queued} data-needs-attention={h.needsAttention}>
      <div>
        <dt>{t('dashboard.queued')}</dt>
        <dd>{t('dashboard.counts', { queued: h.queued, sending: h.sending, attention: h.needsAttention })}</dd>
      </div>
      {h.oldestQueuedAt && (
        <div>
          <dt>{t('dashboard.oldest')}</dt>
          <dd>{when.format(Date.parse(h.oldestQueuedAt))}</dd>
        </div>
      )}
      {h.storageQuota !== null && h.storageUsed !== null && (
        <div>
          <dt>{t('dashboard.storageShort')}</dt>
          <dd>
            {Math.round((h.storageUsed / h.storageQuota) * 100)} % · {h.persisted ? t('dashboard.persisted') : t('dashboard.notPersisted')}
          </dd>
        </div>
      )}
      <div>
        <dt>{t('dashboard.versions')}</dt>
        <dd dir="ltr">
          {h.appVersion} · {t('dashboard.catalog', { version: h.catalogVersion ?? '—' })}
        </dd>
      </div>
      <div>
        <dt>{t('dashboard.lastSync')}</dt>
        <dd>{h.lastSyncAt ? when.format(Date.parse(h.lastSyncAt)) : '—'}</dd>
      </div>
    </dl>
  );
}

export function TerminalsScreen({ supervisor, session, onSession, onBack, onOpenQueue, onOpenAttention, onSyncNow }: Props) {
  const { t, lang } = useLang();
  const own = useLiveQuery(() => terminalId(db()), []);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [terminals, setTerminals] = useState<TerminalSummary[] | null>(null);
  const [staleAfter, setStaleAfter] = useState(30);
  const [serverCatalog, setServerCatalog] = useState<number | null>(null);
  const attention = useLiveQuery(() => db().outbox.where('status').anyOf('needs-attention', 'handed-back').count(), []);
  const [confirming, setConfirming] = useState<TerminalSummary | null>(null);
  const when = dateFormat(lang, { show: 'date-time' });

  const failure = (result: Exclude<ApiResult<unknown>, { ok: true }>) => {
    if (result.code === 'staff-session-required') onSession(null); // expired: ask for the PIN again
    const key = result.code === 'offline' ? 'terminals.offline' : result.code === 'wrong-pin' ? 'enroll.wrongPin' : result.code === 'staff-locked' ? 'enroll.locked' : 'terminals.failed';
    setMessage({ text: t(key, { count: result.retryAfterSeconds ?? 30 }), error: true });
  };

  const load = async (current: StaffSession) => {
    const result = await relayTerminals(db(), current);
    if (result.ok) {
      setTerminals(result.value.terminals);
      setStaleAfter(result.value.staleAfterMinutes);
      setServerCatalog(result.value.catalogVersion ?? null);
    } else failure(result);
  };

  useEffect(() => {
    if (session) void load(session);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session]);

  const syncAndReload = async () => {
    setBusy(true);
    await onSyncNow();
    setBusy(false);
    if (session) await load(session);
  };

  const revoke = async (target: TerminalSummary) => {
    if (!session) return;
    setBusy(true);
    const result = await revokeRelayTerminal(db(), session, target.terminalId);
    setBusy(false);
    setConfirming(null);
    if (!result.ok) return failure(result);
    setMessage({ text: t('terminals.revokedDone', { label: target.label }), error: false });
    await load(session);
  };

  return (
    <main class="screen terminals" aria-labelledby="terminals-title">
      <h1 id="terminals-title">{t('terminals.title')}</h1>
      <section class="this-terminal" aria-labelledby="this-terminal-title">
        <h2 id="this-terminal-title">{t('dashboard.thisTerminal')}</h2>
        <StorageStatus />
        <div class="actions">
          <button type="button" class="button secondary" onClick={onOpenQueue}>
            {t('dashboard.queue')}
          </button>
          <button type="button" class="button secondary" disabled={busy} onClick={() => void syncAndReload()}>
            {t('sync.now')}
          </button>
          <button type="button" class={attention ? 'button primary' : 'button secondary'} data-testid="open-attention" onClick={onOpenAttention}>
            {t('console:attention.openCount', { n: attention ?? 0 })}
          </button>
        </div>
        <CatalogStatus
          serverVersion={serverCatalog}
          onPulled={async () => {
            await import('../../data/heartbeat.ts').then((h) => h.sendHeartbeat(db()));
            if (session) await load(session);
          }}
        />
      </section>
      {!session && (
        <StaffPinForm
          staffId={supervisor.id}
          id="terminals-pin"
          intro={t('terminals.confirmPin')}
          onSession={(opened) => {
            setMessage(null);
            onSession(opened);
          }}
        />
      )}
      {message && (
        <p class={message.error ? 'notice error' : 'notice'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {session && terminals?.length === 0 && <p>{t('terminals.empty')}</p>}
      {session && terminals && terminals.length > 0 && (
        <ul class="terminal-list">
          {terminals.map((terminal) => {
            const catalogBehind = !terminal.revokedAt && serverCatalog !== null && (terminal.heartbeat?.catalogVersion ?? 0) < serverCatalog;
            return (
              <li
                key={terminal.terminalId}
                class={`terminal-item${!terminal.revokedAt && isStale(terminal.heartbeatAt, staleAfter, Date.now()) ? ' stale' : ''}${catalogBehind ? ' catalog-behind' : ''}`}
                data-terminal={terminal.terminalId}
                data-revoked={terminal.revokedAt !== null}
                data-stale={!terminal.revokedAt && isStale(terminal.heartbeatAt, staleAfter, Date.now())}
                data-catalog-behind={catalogBehind}
              >
                <span class="label">
                  {terminal.label}
                  {terminal.terminalId === own && ` (${t('terminals.thisOne')})`}
                </span>
                <span class="hint" dir="ltr">
                  {terminal.terminalId}
                </span>
                <span class="hint">{t('terminals.enrolled', { date: when.format(Date.parse(terminal.enrolledAt)), by: terminal.enrolledBy })}</span>
                <span class="hint">{terminal.lastSeenAt ? t('terminals.lastSeen', { date: when.format(Date.parse(terminal.lastSeenAt)) }) : t('terminals.neverSeen')}</span>
                {!terminal.revokedAt && isStale(terminal.heartbeatAt, staleAfter, Date.now()) && (
                  <span class="badge warning">{t('dashboard.stale', { minutes: staleAfter })}</span>
                )}
                {catalogBehind && (
                  <span class="badge warning" data-testid="catalog-behind">
                    {t('console:catalog.behind', { version: terminal.heartbeat?.catalogVersion ?? '—', server: serverCatalog })}
                  </span>
                )}
                {terminal.heartbeat && <HeartbeatFacts heartbeat={terminal.heartbeat} when={when} />}
                <span class="badge">
                  {terminal.revokedAt ? t('terminals.revokedState', { date: when.format(Date.parse(terminal.revokedAt)), by: terminal.revokedBy ?? '' }) : t('terminals.active')}
                </span>
                {!terminal.revokedAt && confirming?.terminalId !== terminal.terminalId && (
                  <button type="button" class="button secondary" disabled={busy} onClick={() => setConfirming(terminal)}>
                    {t('terminals.revoke')}
                  </button>
                )}
                {confirming?.terminalId === terminal.terminalId && (
                  <div class="confirm" role="group" aria-label={t('terminals.revoke')}>
                    <p>{t('terminals.revokeConfirm', { label: terminal.label })}</p>
                    <button type="button" class="button danger" disabled={busy} onClick={() => void revoke(terminal)}>
                      {t('terminals.revokeYes')}
                    </button>
                    <button type="button" class="button secondary" onClick={() => setConfirming(null)}>
                      {t('terminals.cancel')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <div class="actions">
        <BackButton onClick={onBack} />
      </div>
    </main>
  );
}
