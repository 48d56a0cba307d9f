import { useLang } from '../i18n/context.tsx';
import { Pictogram } from '../icons/Pictogram.tsx';

/** The same "back" everywhere: an arrow that turns with the reading direction, and the word. */
export function BackButton({ onClick }: { onClick(): void }) {
  const { t } = useLang();
  return (
    <button type="button" class="button secondary" onClick={onClick}>
      <Pictogram name="back" size={28} class="directional" /> {t('nav.back')}
    </button>
  );
}
