/**
 * Applications the server refused, for the supervisor: each with its localized reasons
 * (the problem code, and each field error with the field's label from the catalog) and
 * what can be done. The terminal cannot open the sealed answers and the citizen's draft
 * is gone, so a correctable one is handed back to an agent, who enters it again with the
 * citizen (core/outbox/attention.ts); anything else is discarded with a reason, after a
 * confirmation. Both are audited. Nothing leaves this list without one of these actions.
 */
import { useState } from 'preact/hooks';
import type { StaffMember } from '../../core/auth/staff.ts';
import { correctionCheck, DISCARD_REASONS, MAX_DISCARD_NOTE, type DiscardReason } from '../../core/outbox/attention.ts';
import type { OutboxItem } from '../../core/outbox/types.ts';
import type { ServiceDefinition } from '../../core/forms/types.ts';
import { attentionItems, discardRejected, handBackRejected, withdrawHandBackOf } from '../../data/attention.ts';
import { db } from '../../data/db.ts';
import { useLiveQuery } from '../hooks/use-live-query.ts';
import { useLang, useLocalized } from '../i18n/context.tsx';
import { fallbackChain } from '../i18n/i18n.ts';
import { dateFormat } from '../i18n/locale.ts';
import { BackButton } from '../layout/BackButton.tsx';
import { deliveryReasons } from '../outbox/problem-text.ts';
import './console.css';

interface Props {
  supervisor: StaffMember;
  onBack(): void;
}

type Discarding = { id: string; reason: DiscardReason | null; note: string; confirming: boolean };

export function AttentionScreen({ supervisor, onBack }: Props) {
  const { t, lang } = useLang();
  const items = useLiveQuery(() => attentionItems(db()), []);
  const catalog = useLiveQuery(() => db().catalog.toArray(), []);
  const byId = new Map(catalog?.map((c) => [c.id, c.definition]));
  const [discarding, setDiscarding] = useState<Discarding | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const act = async (item: OutboxItem, action: () => Promise<boolean>, done: string) => {
    setBusy(true);
    const moved = await action();
    setBusy(false);
    setDiscarding(null);
    setMessage(moved ? t(done, { code: item.trackingCode }) : t('console:attention.moved'));
  };

  return (
    <main class="screen attention" aria-labelledby="attention-title">
      <h1 id="attention-title">{t('console:attention.title')}</h1>
      <p class="hint">{t('console:attention.intro')}</p>
      {message && (
        <p class="notice" role="status" data-testid="attention-message">
          {message}
        </p>
      )}
      {items?.length === 0 && <p>{t('console:attention.empty')}</p>}
      <ul class="outbox-list attention-list">
        {items?.map((item) => (
          <AttentionItem
            key={item.id}
            item={item}
            def={byId.get(item.request.serviceId)}
            when={dateFormat(lang, { show: 'date-time' })}
            busy={busy}
            discarding={discarding?.id === item.id ? discarding : null}
            onDiscarding={setDiscarding}
            onHandBack={() => void act(item, () => handBackRejected(db(), item.id, supervisor.id), 'console:attention.handedBackDone')}
            onWithdraw={() => void act(item, () => withdrawHandBackOf(db(), item.id, supervisor.id), 'console:attention.withdrawn')}
            onDiscard={(reason, note) => void act(item, () => discardRejected(db(), item.id, supervisor.id, reason, note), 'console:attention.discarded')}
          />
        ))}
      </ul>
      <div class="actions">
        <BackButton onClick={onBack} />
      </div>
    </main>
  );
}

interface ItemProps {
  item: OutboxItem;
  def: ServiceDefinition | undefined;
  when: { format(date: number): string };
  busy: boolean;
  discarding: Discarding | null;
  onDiscarding(state: Discarding | null): void;
  onHandBack(): void;
  onWithdraw(): void;
  onDiscard(reason: DiscardReason, note: string): void;
}

function AttentionItem({ item, def, when, busy, discarding, onDiscarding, onHandBack, onWithdraw, onDiscard }: ItemProps) {
  const { t, lang } = useLang();
  const loc = useLocalized();
  const check = correctionCheck(item.lastError, def !== undefined);
  const reasons = deliveryReasons(t, item.lastError, def, fallbackChain(lang));
  return (
    <li class={`outbox-item status-${item.status}`} data-id={item.id} data-status={item.status} data-correctable={check.possible}>
      <span class="tracking-code" dir="ltr">
        {item.trackingCode}
      </span>
      <span>{def ? loc(def.title).text : item.request.serviceId}</span>
      <span class="hint">{t('console:attention.form', { version: item.request.formVersion, date: when.format(item.queuedAt) })}</span>
      <ul class="reasons" data-testid="attention-reasons">
        {reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {item.status === 'handed-back' && item.handedBack && (
        <>
          <p>{t('console:attention.handedBack', { by: item.handedBack.by, date: when.format(item.handedBack.at) })}</p>
          <button type="button" class="button secondary" disabled={busy} onClick={onWithdraw}>
            {t('console:attention.withdraw')}
          </button>
        </>
      )}
      {item.status === 'needs-attention' && !check.possible && <p class="notice">{t('console:attention.cannotCorrect', { why: t(`console:attention.why.${check.why}`) })}</p>}
      {item.status === 'needs-attention' && !discarding && (
        <div class="actions">
          {check.possible && (
            <button type="button" class="button primary" disabled={busy} onClick={onHandBack}>
              {t('console:attention.handBack')}
            </button>
          )}
          <button type="button" class="button secondary" disabled={busy} onClick={() => onDiscarding({ id: item.id, reason: null, note: '', confirming: false })}>
            {t('console:attention.discard')}
          </button>
        </div>
      )}
      {item.status === 'needs-attention' && discarding && !discarding.confirming && (
        <form
          class="discard-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (discarding.reason) onDiscarding({ ...discarding, confirming: true });
          }}
        >
          <fieldset>
            <legend>{t('console:attention.discardWhy')}</legend>
            {DISCARD_REASONS.map((reason) => (
              <label key={reason} class="choice">
                <input type="radio" name={`reason-${item.id}`} value={reason} checked={discarding.reason === reason} onChange={() => onDiscarding({ ...discarding, reason })} />
                {t(`console:attention.reason.${reason}`)}
              </label>
            ))}
          </fieldset>
          <div class="field">
            <label for={`note-${item.id}`}>{t('console:attention.note')}</label>
            <textarea id={`note-${item.id}`} class="input" maxLength={MAX_DISCARD_NOTE} value={discarding.note} onInput={(e) => onDiscarding({ ...discarding, note: (e.currentTarget as HTMLTextAreaElement).value })} />
          </div>
          <div class="actions">
            <button type="submit" class="button primary" disabled={!discarding.reason}>
              {t('console:attention.continue')}
            </button>
            <button type="button" class="button secondary" onClick={() => onDiscarding(null)}>
              {t('terminals.cancel')}
            </button>
          </div>
        </form>
      )}
      {item.status === 'needs-attention' && discarding?.confirming && discarding.reason && (
        <div class="confirm" role="group" aria-label={t('console:attention.discard')}>
          <p>{t('console:attention.confirm', { code: item.trackingCode })}</p>
          <button type="button" class="button danger" disabled={busy} onClick={() => onDiscard(discarding.reason!, discarding.note)}>
            {t('console:attention.confirmYes')}
          </button>
          <button type="button" class="button secondary" onClick={() => onDiscarding(null)}>
            {t('terminals.cancel')}
          </button>
        </div>
      )}
    </li>
  );
}
