/**
 * The search box of the home screen and the spoken count of what it found. Results
 * update as the citizen or agent types; the count is a polite live region, so a screen
 * reader says it without taking focus from the box. The box has the on-screen keyboard,
 * in the script of the UI language (the kiosk's touch screen has no other).
 */
import { keyboardFor } from '../../core/keyboard/choose.ts';
import { useLang } from '../i18n/context.tsx';
import { Pictogram } from '../icons/Pictogram.tsx';
import { useOnScreenKeyboard } from '../keyboard/use-on-screen-keyboard.tsx';

interface Props {
  query: string;
  onQuery(query: string): void;
  /** What the status line says: nothing (no query), preparing, or a count. */
  status: { kind: 'idle' } | { kind: 'preparing' } | { kind: 'found'; total: number; shown: number };
}

export function ServiceSearch({ query, onQuery, status }: Props) {
  const { t, lang } = useLang();
  const osk = useOnScreenKeyboard('service-search-input', keyboardFor('text', lang), t('search.label'));
  return (
    <div class="service-search" role="search">
      <label for="service-search-input" class="service-search-label">
        {t('search.label')}
      </label>
      <div class="service-search-row">
        <input
          id="service-search-input"
          type="search"
          dir="auto"
          autocomplete="off"
          autocorrect="off"
          spellcheck={false}
          enterkeyhint="search"
          placeholder={t('search.placeholder')}
          value={query}
          onInput={(event) => onQuery(event.currentTarget.value)}
          {...osk.inputProps}
        />
        {query !== '' && (
          <button type="button" class="service-search-clear" aria-label={t('search.clear')} onClick={() => onQuery('')}>
            <Pictogram name="close" size={28} />
          </button>
        )}
        {osk.toggle}
      </div>
      {osk.panel}
      <p role="status" class="service-search-status">
        {status.kind === 'preparing' && t('search.preparing')}
        {status.kind === 'found' && (status.total === 0 ? t('search.none', { query: query.trim() }) : t('search.count', { count: status.total }))}
        {status.kind === 'found' && status.total > status.shown && ` ${t('search.showingFirst', { count: status.shown })}`}
      </p>
    </div>
  );
}
