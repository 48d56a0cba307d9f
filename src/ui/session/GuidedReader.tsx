/**
 * Guided reading (issue 3, item 6): while it is on, each new screen's heading and
 * questions are read aloud as they appear, and so is the list of errors when a step is
 * refused, with the element being read marked `data-speaking`. It watches the page rather
 * than each screen, so every screen (and any added later) is read the same way: headings,
 * field labels with their hints, and the error summary, in document order, each in its
 * own `lang`. A question's label is its catalog text's prompt (`data-speech-key`), so an
 * agent's recording of it plays when current (the reader is src/ui/layout/read-aloud.ts,
 * shared with the top bar's speak button). Speech stops on a screen change (App cancels
 * the layer).
 */
import { useEffect } from 'preact/hooks';
import { loadReader, storedSpeechRate } from '../speech-lazy.ts';

/** What a screen reads, in order: its title, then each question (label, then hint). */
const READ_ON_SCREEN = 'main h1, main .field .label, main .field .hint, main legend .label';
const READ_ON_ERROR = '.error-summary';

async function readAll(elements: Element[], lang: string, rate: number) {
  const reader = await loadReader();
  await reader.readPieces(reader.collectPieces(elements, lang, { markRoot: true }), rate);
}

/** `screenKey` changes when the screen (or the form step) changes. */
export function GuidedReader({ on, screenKey, lang }: { on: boolean; screenKey: string; lang: string }) {
  const rate = storedSpeechRate();

  useEffect(() => {
    if (!on) return;
    // After the screen has rendered: read what it asks.
    const timer = setTimeout(() => void readAll([...document.querySelectorAll(READ_ON_SCREEN)], lang, rate), 150);
    return () => clearTimeout(timer);
  }, [on, screenKey, lang, rate]);

  useEffect(() => {
    if (!on) return;
    // A refused step shows (and focuses) the error summary: read it.
    const seen = new WeakSet<Element>();
    const observer = new MutationObserver(() => {
      const summary = document.querySelector(READ_ON_ERROR);
      if (summary && !seen.has(summary)) {
        seen.add(summary);
        void readAll([summary], lang, rate);
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [on, lang, rate]);

  return null;
}
