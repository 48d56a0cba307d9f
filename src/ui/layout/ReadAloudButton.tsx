/**
 * The top bar's speak button (issue 3, item 6): reads the current screen aloud in reading
 * order, marking each piece while it is read, at the rate chosen under "Aa"; a second press
 * stops. The reader and the speech layer (src/ui/layout/read-aloud.ts) load on the first
 * press, so the button costs the start-up JavaScript almost nothing. Reading stops when
 * the screen (or the form's step, or the language) changes. With no voice and no
 * recording for the language, the text is marked and the top bar says so (NoVoiceNotice),
 * so the agent reads it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLang } from '../i18n/context.tsx';
import { Pictogram } from '../icons/Pictogram.tsx';
import { loadReader, storedSpeechRate } from '../speech-lazy.ts';

export function NoVoiceNotice() {
  const { t } = useLang();
  return (
    <p class="notice speech-novoice" role="status" data-testid="read-aloud-novoice">
      {t('speech.noVoice')}
    </p>
  );
}

export function ReadAloudButton({ screenKey, onNoVoice }: { screenKey: string; onNoVoice(noVoice: boolean): void }) {
  const { t, lang } = useLang();
  // idle | loading | speaking | novoice, and the engine speaking (clip, native, offline).
  const [status, setStatus] = useState('idle');
  const [engine, setEngine] = useState<string>();
  const run = useRef(0); // 0 until the first press: nothing to stop (or load) before it

  const stop = () => {
    setStatus('idle');
    setEngine(undefined);
    if (run.current) {
      run.current++; // the reading under way, if any, is no longer wanted
      void loadReader().then((reader) => reader.stopReading());
    }
  };
  useEffect(() => onNoVoice(status === 'novoice'), [status]);
  // A new screen, step or language: whatever was being read of the old one stops.
  useEffect(() => stop, [screenKey, lang]);

  const read = async () => {
    const id = ++run.current;
    const live = () => run.current === id;
    setStatus('loading');
    const result = await (await loadReader()).readScreen(lang, storedSpeechRate(), live, (kind) => {
      setStatus('speaking');
      setEngine(kind);
    });
    if (!live()) return;
    setStatus(result === 'novoice' ? result : 'idle');
    setEngine(undefined);
  };

  const busy = status === 'speaking' || status === 'loading';
  return (
    <button type="button" class="button ghost" aria-pressed={busy} data-testid="read-aloud" data-speech={status} data-speech-engine={engine} onClick={busy ? stop : read}>
      <Pictogram name={busy ? 'close' : 'speaker'} size={28} /> {busy ? t('speech.stop') : t('speech.readScreen')}
    </button>
  );
}
