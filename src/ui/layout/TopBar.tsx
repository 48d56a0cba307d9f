import { useState } from 'preact/hooks';
import { db } from '../../data/db.ts';
import { countByStatus } from '../../data/outbox-repo.ts';
import { useLiveQuery } from '../hooks/use-live-query.ts';
import { useOnline } from '../hooks/use-online.ts';
import { useLang } from '../i18n/context.tsx';
import { LANGUAGES } from '../i18n/i18n.ts';
import { Pictogram } from '../icons/Pictogram.tsx';
import { NoVoiceNotice, ReadAloudButton } from './ReadAloudButton.tsx';

interface Props {
  staffName: string | null;
  onStaff(): void;
  syncing: boolean;
  onHome(): void;
  onSyncNow(): void;
  onOpenOutbox(): void;
  /** Opens the language choice over the current screen (nothing entered is lost). */
  onLanguages(): void;
  /** Opens reading and display help (guided reading, contrast, text size). */
  onDisplay(): void;
  /** Changes with the screen (and the form's step): the speak button stops reading then. */
  screenKey: string;
}

export function TopBar({ staffName, onStaff, syncing, onHome, onSyncNow, onOpenOutbox, onLanguages, onDisplay, screenKey }: Props) {
  const { t, lang } = useLang();
  const online = useOnline();
  const counts = useLiveQuery(() => countByStatus(db()), []);
  const waiting = (counts?.queued ?? 0) + (counts?.sending ?? 0);
  const attention = counts?.['needs-attention'] ?? 0;
  const [noVoice, setNoVoice] = useState(false);
  return (
    <>
      <header class="top-bar">
        {/* The visible brand starts the accessible name (WCAG 2.5.3); the hidden part says what it does. */}
        <button type="button" class="button ghost" onClick={onHome}>
          <Pictogram name="home" size={32} /> <span class="brand">{t('app.name')}</span>
          <span class="visually-hidden"> — {t('nav.home')}</span>
        </button>
        {/* The language's own name, then what the button does, so it reads in any language. */}
        <button type="button" class="button ghost" aria-haspopup="dialog" data-testid="language-button" onClick={onLanguages}>
          <Pictogram name="globe" size={28} /> <span lang={lang}>{LANGUAGES[lang].endonym}</span>
          <span class="visually-hidden"> — {t('nav.language')}</span>
        </button>
        <button type="button" class="button ghost" aria-haspopup="dialog" data-testid="display-button" onClick={onDisplay}>
          <Pictogram name="speaker" size={28} /> <span aria-hidden="true">Aa</span>
          <span class="visually-hidden">{t('display.open')}</span>
        </button>
        <ReadAloudButton screenKey={screenKey} onNoVoice={setNoVoice} />
        <button type="button" class="button ghost" onClick={onStaff} data-testid="staff-button">
          {staffName ? `${t('staff.assisting', { name: staffName })} · ${t('staff.signOut')}` : t('staff.open')}
        </button>
        <div class="sync-area">
          <span class={`net ${online ? 'online' : 'offline'}`} role="status" data-online={online}>
            <Pictogram name={online ? 'online' : 'offline'} size={28} /> {t(online ? 'net.online' : 'net.offline')}
          </span>
          <button type="button" class="button ghost" onClick={onOpenOutbox} data-testid="queue-chip">
            {t('sync.waiting', { count: waiting })}
            {attention > 0 && <span class="badge warning"> · {t('sync.attention', { count: attention })}</span>}
          </button>
          <button type="button" class="button ghost" onClick={onSyncNow} disabled={syncing}>
            <Pictogram name="sync" size={28} /> {t(syncing ? 'sync.running' : 'sync.now')}
          </button>
        </div>
      </header>
      {noVoice && <NoVoiceNotice />}
    </>
  );
}
