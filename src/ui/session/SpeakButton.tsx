import { useState } from 'preact/hooks';
import { speak } from '../../speech/speak.ts';
import { useLang } from '../i18n/context.tsx';
import { Pictogram } from '../icons/Pictogram.tsx';

/** "Listen": reads `text` aloud, or says on screen that no voice exists for this language. */
export function SpeakButton({ text }: { text: string }) {
  const { t, lang } = useLang();
  const [noVoice, setNoVoice] = useState(false);
  return (
    <>
      <button type="button" class="button secondary" onClick={() => setNoVoice(!speak(text, lang))}>
        <Pictogram name="speaker" size={28} /> {t('speech.listen')}
      </button>
      {noVoice && (
        <p class="notice" role="status">
          {t('speech.noVoice')}
        </p>
      )}
    </>
  );
}
