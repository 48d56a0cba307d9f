/**
 * The recording studio (issue 3, item 5), for signed-in staff: every prompt of a language
 * — UI strings, the catalog's texts, the pieces composed prompts use — with its status
 * (recorded, stale, missing) and its text; record (Opus, with a level meter), play,
 * re-record, delete; silence is trimmed before the clip is stored; the language's pack is
 * exported to a file or imported from one; its clips are published to the server, from
 * where the other terminals download them. Loaded only when opened.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Tree } from '../../core/i18n/coverage.ts';
import { directionOf, LANGUAGES, UI_LANGUAGES, type UiLanguage } from '../../core/i18n/languages.ts';
import { spokenLanguage } from '../../core/speech/lang.ts';
import { coverageOf, studioPrompts, type StudioPrompt } from '../../core/speech/prompts.ts';
import { clipStatus, type ClipStatus } from '../../core/speech/select.ts';
import type { StaffMember } from '../../core/auth/staff.ts';
import type { StaffSession } from '../../core/sync/protocol.ts';
import { db } from '../../data/db.ts';
import { clipStore, type StoredClip } from '../../speech/clip-store.ts';
import { playAudio, type Playback } from '../../speech/engines/audio.ts';
import { useLang } from '../i18n/context.tsx';
import { BackButton } from '../layout/BackButton.tsx';
import { StaffPinForm } from '../staff/StaffPinForm.tsx';
import { startRecording, type ActiveRecording } from './recorder.ts';
import { trimRecording } from './trim-audio.ts';
import { isQuotaError } from '../../core/storage/quota.ts';
import './studio.css';

const commonFiles = import.meta.glob<Tree>('../../../locales/*/common.json', { import: 'default' });

type ClipMeta = Omit<StoredClip, 'audio'> & { bytes: number };
type Filter = 'all' | ClipStatus;
type Notice = { kind: 'ok' | 'error'; text: string; details?: string[] } | null;

async function loadPrompts(lang: UiLanguage): Promise<StudioPrompt[]> {
  const tree = (await commonFiles[`../../../locales/${lang}/common.json`]?.()) ?? {};
  const services = (await db().catalog.toArray()).map((c) => c.definition);
  return studioPrompts(lang, tree, services);
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

interface Props {
  staff: StaffMember;
  /** The member's server session (publishing needs one); opened here with the PIN when missing. */
  session: StaffSession | null;
  onSession(session: StaffSession | null): void;
  onBack(): void;
}

export function StudioScreen({ staff, session, onSession, onBack }: Props) {
  const { t, lang: uiLang } = useLang();
  const [lang, setLang] = useState<UiLanguage>(uiLang);
  const [prompts, setPrompts] = useState<StudioPrompt[] | null>(null);
  const [clips, setClips] = useState<Map<string, ClipMeta>>(new Map());
  const [filter, setFilter] = useState<Filter>('all');
  const [recording, setRecording] = useState<{ key: string; active: ActiveRecording } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [level, setLevel] = useState(0);
  // The loudest level of the current take (kept on the meter, so a too-quiet take shows).
  const [peak, setPeak] = useState(0);
  const [lastTrim, setLastTrim] = useState<{ key: string; rawMs: number; durationMs: number } | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [playback, setPlayback] = useState<{ key: string; p: Playback } | null>(null);
  // Publishing waits for the PIN: the server records who published.
  const [askingPin, setAskingPin] = useState(false);
  const spoken = spokenLanguage(lang);

  const refreshClips = async () => setClips(new Map((await clipStore().list(spoken)).map((c) => [c.key, c])));
  useEffect(() => {
    setPrompts(null);
    void loadPrompts(lang).then(setPrompts);
    void refreshClips();
  }, [lang]);
  // Leaving the studio stops the microphone and any playback.
  const live = useRef<{ recording: typeof recording; playback: typeof playback }>({ recording: null, playback: null });
  live.current = { recording, playback };
  useEffect(
    () => () => {
      live.current.recording?.active.cancel();
      live.current.playback?.p.stop();
    },
    [],
  );

  const status = useMemo(() => new Map((prompts ?? []).map((p) => [p.key, clipStatus(clips.get(p.key), p.text, lang)])), [prompts, clips, lang]);
  const cover = coverageOf(prompts ?? [], status);
  const shown = (prompts ?? []).filter((p) => filter === 'all' || status.get(p.key) === filter);
  const nameOf = (code: UiLanguage) => (uiLang === 'ar' ? LANGUAGES[code].names.ar : LANGUAGES[code].names.fr);

  const record = async (prompt: StudioPrompt) => {
    setNotice(null);
    try {
      setPeak(0);
      const active = await startRecording((l) => {
        setLevel(l);
        setPeak((p) => Math.max(p, l));
      });
      setRecording({ key: prompt.key, active });
    } catch (error) {
      console.warn('studio: no microphone', error);
      setNotice({ kind: 'error', text: t('studio.micUnavailable') });
    }
  };

  const stop = async (prompt: StudioPrompt) => {
    if (!recording) return;
    const { active } = recording;
    setRecording(null);
    setBusy(prompt.key);
    try {
      const raw = await active.stop();
      const trimmed = await trimRecording(raw.blob);
      if (!trimmed) {
        setNotice({ kind: 'error', text: t('studio.silent') });
        return;
      }
      await clipStore().put({ key: prompt.key, lang, text: prompt.text, mime: trimmed.mime, audio: trimmed.wav, durationMs: trimmed.durationMs, recordedBy: staff.id });
      setLastTrim({ key: prompt.key, rawMs: trimmed.rawMs, durationMs: trimmed.durationMs });
      await refreshClips();
    } catch (error) {
      console.warn('studio: recording failed', error);
      setNotice({ kind: 'error', text: t(isQuotaError(error) ? 'console:storage.clipFull' : 'studio.recordFailed') });
    } finally {
      setBusy(null);
    }
  };

  const play = async (prompt: StudioPrompt) => {
    playback?.p.stop();
    const clip = await clipStore().get(prompt.key, lang);
    if (!clip) return;
    const p = playAudio(clip.audio, clip.mime);
    setPlayback({ key: prompt.key, p });
    p.done.catch(() => setNotice({ kind: 'error', text: t('studio.playFailed') })).finally(() => setPlayback((cur) => (cur?.p === p ? null : cur)));
  };

  const remove = async (prompt: StudioPrompt) => {
    await clipStore().delete(prompt.key, lang);
    await refreshClips();
  };

  const exportPack = async () => {
    const bytes = await clipStore().exportPack(lang);
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/octet-stream' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `relais-speech-${spoken}.rlspeech`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const importPack = async (file: File | undefined) => {
    if (!file) return;
    setNotice(null);
    const result = await clipStore().importPack(new Uint8Array(await file.arrayBuffer()));
    if (!result.ok) setNotice({ kind: 'error', text: t('studio.importFailed', { file: file.name }), details: result.errors.slice(0, 20) });
    else setNotice({ kind: 'ok', text: t('studio.imported', { count: result.imported, replaced: result.replaced, lang: result.lang }) });
    await refreshClips();
  };

  const publish = async (using: StaffSession | null = session) => {
    setNotice(null);
    if (!using) return setAskingPin(true);
    setAskingPin(false);
    setBusy('publish');
    try {
      const { publishLanguage } = await import('../../speech/clip-sync.ts');
      const result = await publishLanguage(db(), lang, using, staff.id, new Map((prompts ?? []).map((p) => [p.key, p.text])));
      if ('ok' in result && result.reason === 'session') {
        // The session ended (or the member left the relay): ask for the PIN again.
        onSession(null);
        setAskingPin(true);
        setNotice({ kind: 'error', text: t('studio.publishSessionEnded') });
      } else if ('ok' in result) setNotice({ kind: 'error', text: t(result.reason === 'offline' ? 'studio.publishOffline' : 'studio.publishRefused', { status: result.status ?? '' }) });
      else
        setNotice({
          kind: result.failed.length ? 'error' : 'ok',
          text: t('studio.published', { published: result.published, unchanged: result.unchanged, failed: result.failed.length }),
          details: result.failed.map((f) => `${f.key}: ${f.reason}`),
        });
    } finally {
      setBusy(null);
    }
  };

  return (
    <main class="screen studio" aria-labelledby="studio-title">
      <h1 id="studio-title">{t('studio.title')}</h1>
      <div class="studio-bar">
        <label>
          {t('studio.language')}{' '}
          <select value={lang} onChange={(e) => setLang((e.target as HTMLSelectElement).value as UiLanguage)} disabled={!!recording} data-testid="studio-language">
            {UI_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {LANGUAGES[code].endonym} · {nameOf(code)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('studio.show')}{' '}
          <select value={filter} onChange={(e) => setFilter((e.target as HTMLSelectElement).value as Filter)}>
            {(['all', 'missing', 'stale', 'current'] as const).map((f) => (
              <option key={f} value={f}>
                {t(`studio.filter.${f}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {prompts && (
        <p class="studio-coverage" data-testid="studio-coverage" data-recorded={cover.recorded} data-total={cover.total} data-stale={cover.stale}>
          {t('studio.coverage', { recorded: cover.recorded, total: cover.total, stale: cover.stale })}
        </p>
      )}
      <div class="actions studio-actions">
        <button type="button" class="button secondary" onClick={() => void exportPack()} disabled={cover.recorded + cover.stale === 0}>
          {t('studio.export')}
        </button>
        <label class="button secondary studio-import">
          {t('studio.import')}
          <input type="file" accept=".rlspeech,application/octet-stream" onChange={(e) => void importPack((e.target as HTMLInputElement).files?.[0])} data-testid="studio-import" />
        </label>
        <button type="button" class="button primary" onClick={() => void publish()} disabled={busy === 'publish' || cover.recorded === 0} data-testid="studio-publish">
          {busy === 'publish' ? t('studio.publishing') : t('studio.publish')}
        </button>
      </div>
      {askingPin && (
        <StaffPinForm
          staffId={staff.id}
          id="studio-pin"
          intro={t('studio.confirmPin')}
          onSession={(opened) => {
            onSession(opened);
            void publish(opened);
          }}
        />
      )}
      {notice && (
        <div class={`notice ${notice.kind === 'error' ? 'error' : ''}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="studio-notice">
          <p>{notice.text}</p>
          {notice.details && notice.details.length > 0 && (
            <ul>
              {notice.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {!prompts && <p>{t('studio.loading')}</p>}
      <ul class="studio-prompts">
        {shown.map((p) => {
          const s = status.get(p.key)!;
          const clip = clips.get(p.key);
          const isRecording = recording?.key === p.key;
          const trim = lastTrim?.key === p.key ? lastTrim : null;
          return (
            <li key={p.key} class="studio-prompt" data-prompt={p.key} data-status={s} data-source={p.source} {...(clip?.durationMs !== undefined ? { 'data-duration-ms': clip.durationMs } : {})}>
              <div class="studio-prompt-text">
                <code>{p.key}</code> <span class={`studio-status status-${s}`}>{t(`studio.status.${s}`)}</span>
                <p lang={lang} dir={directionOf(lang)}>
                  {p.text}
                </p>
                {s === 'stale' && clip && (
                  <p class="studio-old" lang={lang} dir={directionOf(lang)}>
                    {t('studio.recordedText', { text: clip.text })}
                  </p>
                )}
                {clip?.durationMs !== undefined && <span class="studio-duration">{t('studio.duration', { seconds: seconds(clip.durationMs) })}</span>}
                {trim && (
                  <span class="studio-trim" data-raw-ms={trim.rawMs} data-trimmed-ms={trim.durationMs}>
                    {' '}
                    {t('studio.trimmed', { kept: seconds(trim.durationMs), raw: seconds(trim.rawMs) })}
                  </span>
                )}
              </div>
              <div class="studio-prompt-actions">
                {isRecording ? (
                  <>
                    <meter class="studio-meter" min={0} max={1} low={0.1} high={0.9} value={level} aria-label={t('studio.level')} data-peak={peak.toFixed(2)} />
                    <button type="button" class="button primary" onClick={() => void stop(p)} data-action="stop">
                      {t('studio.stop')}
                    </button>
                  </>
                ) : (
                  <button type="button" class="button secondary" disabled={!!recording || busy === p.key} onClick={() => void record(p)} data-action="record">
                    {clip ? t('studio.rerecord') : t('studio.record')}
                  </button>
                )}
                {clip && !isRecording && (
                  <>
                    <button type="button" class="button secondary" onClick={() => void play(p)} data-action="play" disabled={!!recording}>
                      {playback?.key === p.key ? t('studio.playing') : t('studio.play')}
                    </button>
                    <button type="button" class="button secondary" onClick={() => void remove(p)} data-action="delete" disabled={!!recording}>
                      {t('studio.delete')}
                    </button>
                  </>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <div class="actions">
        <BackButton onClick={onBack} />
      </div>
    </main>
  );
}
