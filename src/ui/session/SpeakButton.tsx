/**
 * "Listen": reads a screen's text aloud through the speech layer (src/speech), one item
 * after another, marking the element being read with `data-speaking`. When no recording and
 * no voice exist for the language, the text is marked `data-speech-unvoiced` and the button
 * says so, so the agent can read it (DESIGN §6.4). A second button sets the speech rate.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PromptPart } from '../../core/speech/compose.ts';
import { enqueue, speechLayer } from '../../speech/speak.ts';
import { useSpeechRate } from '../../speech/hooks.ts';
import { nextRate } from '../../speech/rate.ts';
import { useLang } from '../i18n/context.tsx';
import { Pictogram } from '../icons/Pictogram.tsx';
import './speech.css';

export interface SpeakItem {
  text: string;
  /** Language of this text, if not the UI's (catalog text shown in a fallback language). */
  lang?: string;
  /** Prompt key of a recording (the i18n key, or a catalog text's key). */
  promptKey?: string;
  /** A prompt composed of recorded pieces (see core/speech/compose.ts). */
  parts?: readonly PromptPart[];
  /** Id of the element showing this text, highlighted while it is read. */
  targetId?: string;
}

type Status = 'idle' | 'loading' | 'speaking' | 'novoice';

function mark(ids: ReadonlyArray<string | undefined>, attribute: string, on: boolean) {
  for (const id of ids) {
    const el = id ? document.getElementById(id) : null;
    if (!el) continue;
    if (on) el.setAttribute(attribute, 'true');
    else el.removeAttribute(attribute);
  }
}

export function SpeakButton({ text, items, lang: textLang }: { text?: string; items?: readonly SpeakItem[]; lang?: string }) {
  const { t, lang: uiLang } = useLang();
  const [status, setStatus] = useState<Status>('idle');
  const [engine, setEngine] = useState<string | null>(null);
  const [rate, setRate] = useSpeechRate();
  const run = useRef(0);
  const list: readonly SpeakItem[] = items ?? (text ? [{ text }] : []);
  const targets = list.map((i) => i.targetId);

  // Whoever cancels the layer (another button, a screen change, the session's end) ends this reading.
  useEffect(
    () =>
      speechLayer().subscribe((state) => {
        if (!state.speaking) setStatus((s) => (s === 'speaking' || s === 'loading' ? 'idle' : s));
      }),
    [],
  );
  useEffect(
    () => () => {
      mark(targets, 'data-speaking', false);
      mark(targets, 'data-speech-unvoiced', false);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [targets.join(' ')],
  );

  async function read() {
    const id = ++run.current;
    const layer = speechLayer();
    layer.cancel();
    mark(targets, 'data-speech-unvoiced', false);
    setStatus('loading');
    setEngine(null);
    const outcomes = list.map((item) =>
      enqueue(
        { text: item.text, lang: item.lang ?? textLang ?? uiLang, rate, ...(item.promptKey ? { key: item.promptKey } : {}), ...(item.parts ? { parts: item.parts } : {}) },
        (used) => {
          if (run.current !== id) return;
          mark(targets, 'data-speaking', false);
          mark([item.targetId], 'data-speaking', true);
          setStatus('speaking');
          setEngine(used);
        },
      ).then((outcome) => {
        mark([item.targetId], 'data-speaking', false);
        return outcome;
      }),
    );
    const unvoiced: Array<string | undefined> = [];
    for (const [i, outcome] of (await Promise.all(outcomes)).entries()) {
      if (!outcome.spoken && outcome.error === 'language-unavailable') unvoiced.push(list[i]!.targetId);
    }
    if (run.current !== id) return;
    if (unvoiced.length) {
      mark(unvoiced, 'data-speech-unvoiced', true);
      setStatus('novoice');
    } else setStatus('idle');
  }

  function stop() {
    run.current++;
    speechLayer().cancel();
    mark(targets, 'data-speaking', false);
    setStatus('idle');
  }

  const busy = status === 'speaking' || status === 'loading';
  const after = nextRate(rate);
  const rateName = rate < 1 ? t('speech.rateSlow') : rate > 1 ? t('speech.rateFast') : t('speech.rateNormal');
  return (
    <>
      <div class="speak-controls" data-speech={status} data-speech-engine={engine ?? undefined}>
        <button type="button" class="button secondary" aria-pressed={busy} onClick={() => (busy ? stop() : void read())}>
          <Pictogram name={busy ? 'close' : 'speaker'} size={28} /> {busy ? t('speech.stop') : t('speech.listen')}
        </button>
        <button type="button" class="button ghost speech-rate" onClick={() => setRate(after)} aria-label={`${t('speech.rate')}: ${rateName}`} title={t('speech.rate')}>
          <Pictogram name="clock" size={24} /> {rateName}
        </button>
      </div>
      {status === 'novoice' && (
        <p class="notice speech-novoice" role="status">
          {t('speech.noVoice')}
        </p>
      )}
    </>
  );
}
