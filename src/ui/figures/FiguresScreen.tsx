/**
 * The relay's figures for a signed-in supervisor (issue 5, item 6): applications per day,
 * service and language, delivered against waiting, and the time from submit to delivery,
 * over the last 7, 30 or 90 days. From the server for the whole relay (after the PIN is
 * confirmed with it, as for the terminals); when the server cannot be reached, from this
 * terminal's outbox, and the screen says so. Each chart has a table of the same numbers.
 */
import { useEffect, useState } from 'preact/hooks';
import type { StaffMember } from '../../core/auth/staff.ts';
import { FIGURE_PERIODS, type Figures, type KeyCount } from '../../core/figures/figures.ts';
import { isUiLanguage, LANGUAGES } from '../../core/i18n/languages.ts';
import type { StaffSession } from '../../core/sync/protocol.ts';
import { db } from '../../data/db.ts';
import { relayFigures, terminalFigures } from '../../data/figures-api.ts';
import { useLiveQuery } from '../hooks/use-live-query.ts';
import { useLang, useLocalized } from '../i18n/context.tsx';
import { dateFormat } from '../i18n/locale.ts';
import { BackButton } from '../layout/BackButton.tsx';
import { StaffPinForm } from '../staff/StaffPinForm.tsx';
import { BarChart } from './BarChart.tsx';
import { formatDuration } from './format.ts';
import './figures.css';

interface Props {
  supervisor: StaffMember;
  session: StaffSession | null;
  onSession(session: StaffSession | null): void;
  onBack(): void;
}

/** Where the figures came from, when it is not the whole relay. */
type Fallback = null | 'offline' | 'failed';

/** One chart, its one-line summary and its table (the chart's accessible equivalent). */
function FigureBlock({ id, title, summary, head, rows, ticks, slanted, folded }: { id: string; title: string; summary?: string; head: string; rows: Array<{ key: string; label: string; count: number }>; ticks?: string[]; slanted?: boolean; folded?: boolean }) {
  const { t } = useLang();
  const table = (
    <table class="figures-table" data-figure={id}>
      <caption class="visually-hidden">{title}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">{t('figures:count')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-key={r.key}>
            <th scope="row">{r.label}</th>
            <td data-count={r.count}>{r.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <figure class="figure" id={`figure-${id}`} aria-labelledby={`figure-${id}-title`}>
      <h2 id={`figure-${id}-title`}>{title}</h2>
      <BarChart labels={rows.map((r) => r.label)} ticks={ticks} values={rows.map((r) => r.count)} slanted={slanted} />
      {summary && <figcaption>{summary}</figcaption>}
      {folded ? (
        <details>
          <summary>{t('figures:table')}</summary>
          {table}
        </details>
      ) : (
        table
      )}
    </figure>
  );
}

export function FiguresScreen({ supervisor, session, onSession, onBack }: Props) {
  const { t, lang } = useLang();
  const loc = useLocalized();
  const [days, setDays] = useState<number>(30);
  const [figures, setFigures] = useState<Figures | null>(null);
  const [fallback, setFallback] = useState<Fallback>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const titles = useLiveQuery(async () => new Map((await db().catalog.toArray()).map((c) => [c.id, c.definition.title])), []);

  /** This terminal's own figures, said to be only that. */
  const showLocal = async (why: Exclude<Fallback, null>) => {
    setFallback(why);
    setFigures(await terminalFigures(db(), days));
  };

  const load = async (current: StaffSession) => {
    setBusy(true);
    const result = await relayFigures(db(), current, days);
    setBusy(false);
    setMessage(null);
    if (result.ok) {
      setFallback(null);
      setFigures(result.value);
    } else if (result.code === 'staff-session-required' || result.code === 'not-a-supervisor') {
      onSession(null); // expired or no longer allowed: ask for the PIN again
      setFigures(null);
      setMessage(t('terminals.failed'));
    } else await showLocal(result.code === 'offline' ? 'offline' : 'failed');
  };

  useEffect(() => {
    if (session) void load(session);
    else if (fallback) void showLocal(fallback);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session, days]);

  const day = dateFormat(lang, { show: 'date', timeZone: 'UTC' });
  const dayName = (key: string) => day.format(Date.parse(`${key}T12:00:00Z`));
  const serviceName = (id: string) => {
    const title = titles?.get(id);
    return title ? loc(title).text : id;
  };
  const languageName = (code: string) => (isUiLanguage(code) ? LANGUAGES[code].names[lang === 'ar' ? 'ar' : 'fr'] : code);
  const rowsOf = (list: KeyCount[], label: (key: string) => string) => list.map((c) => ({ key: c.key, label: label(c.key), count: c.count }));
  const top = (list: KeyCount[], label: (key: string) => string) => (list[0] ? t('figures:top', { name: label(list[0].key), n: list[0].count }) : undefined);

  return (
    <main class="screen figures" aria-labelledby="figures-title" data-scope={figures?.scope ?? ''}>
      <h1 id="figures-title">{t('figures:title')}</h1>
      <div class="actions period" role="group" aria-label={t('figures:period')}>
        {FIGURE_PERIODS.map((n) => (
          <button key={n} type="button" class="button secondary" aria-pressed={days === n} disabled={busy} onClick={() => setDays(n)}>
            {t('figures:periodDays', { count: n })}
          </button>
        ))}
      </div>
      {!session && <StaffPinForm staffId={supervisor.id} id="figures-pin" intro={t('figures:confirmPin')} onSession={onSession} onOffline={() => void showLocal('offline')} />}
      {message && (
        <p class="notice error" role="alert">
          {message}
        </p>
      )}
      {busy && !figures && <p role="status">{t('figures:loading')}</p>}
      {fallback && (
        <p class="notice" role="status" data-testid="figures-fallback">
          {t(`figures:${fallback}`)}
        </p>
      )}
      {figures && (
        <>
          <p class="badge figures-scope" data-testid="figures-scope">
            {t(figures.scope === 'relay' ? 'figures:scopeRelay' : 'figures:scopeTerminal', { from: dayName(figures.firstDay), to: dayName(figures.lastDay) })}
          </p>
          <dl class="figures-totals">
            <div data-figure="total">
              <dt>{t('figures:total')}</dt>
              <dd>{figures.total}</dd>
            </div>
            <div data-figure="delivered">
              <dt>{t('figures:delivered')}</dt>
              <dd>{figures.status.delivered}</dd>
            </div>
            <div data-figure="queued">
              <dt>{t('figures:queued')}</dt>
              <dd>{figures.status.queued}</dd>
            </div>
            <div data-figure="attention">
              <dt>{t('figures:attention')}</dt>
              <dd>{figures.status.needsAttention}</dd>
            </div>
          </dl>
          <p class="hint">
            {figures.scope === 'relay'
              ? t('figures:relayNote', { reporting: figures.status.terminals?.reporting ?? 0, active: figures.status.terminals?.active ?? 0 })
              : t('figures:terminalNote')}
          </p>
          {figures.total === 0 && <p>{t('figures:empty')}</p>}
          <FigureBlock
            id="day"
            title={t('figures:perDay')}
            head={t('figures:day')}
            rows={rowsOf(figures.byDay, dayName)}
            ticks={figures.byDay.map((d) => `${d.key.slice(8)}/${d.key.slice(5, 7)}`)}
            summary={figures.total > 0 ? (([busiest]) => t('figures:busiest', { day: dayName(busiest!.key), n: busiest!.count }))([...figures.byDay].sort((a, b) => b.count - a.count)) : undefined}
            folded
          />
          <FigureBlock id="service" title={t('figures:perService')} head={t('figures:service')} rows={rowsOf(figures.byService, serviceName)} summary={top(figures.byService, serviceName)} slanted />
          <FigureBlock id="language" title={t('figures:perLanguage')} head={t('figures:language')} rows={rowsOf(figures.byLanguage, languageName)} summary={top(figures.byLanguage, languageName)} />
          <FigureBlock
            id="status"
            title={t('figures:status')}
            head={t('figures:state')}
            rows={[
              { key: 'delivered', label: t('figures:delivered'), count: figures.status.delivered },
              { key: 'queued', label: t('figures:queued'), count: figures.status.queued },
              { key: 'attention', label: t('figures:attention'), count: figures.status.needsAttention },
            ]}
          />
          <FigureBlock
            id="delivery"
            title={t('figures:delivery')}
            head={t('figures:delay')}
            rows={figures.delivery.buckets.map((b) => ({ key: b.key, label: t(`figures:bucket.${b.key}`), count: b.count }))}
            summary={
              figures.delivery.medianMs === null || figures.delivery.p90Ms === null
                ? t('figures:noDelivery')
                : t('figures:median', { median: formatDuration(figures.delivery.medianMs, lang), p90: formatDuration(figures.delivery.p90Ms, lang) })
            }
            slanted
          />
        </>
      )}
      <div class="actions">
        <BackButton onClick={onBack} />
      </div>
    </main>
  );
}
