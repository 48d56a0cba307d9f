/**
 * Guided reading (issue 3, item 6): while it is on, each new screen's heading and
 * questions are read aloud as they appear, and so is the list of errors when a step is
 * refused, with the element being read marked `data-speaking`. It watches the page rather
 * than each screen, so every screen (and any added later) is read the same way: headings,
 * field labels with their hints, and the error summary, in document order, each in its
 * own `lang`. Speech stops on a screen change (App cancels the layer).
 */
import { useEffect } from 'preact/hooks';
import { loadSpeech, storedSpeechRate } from '../speech-lazy.ts';

/** What a screen reads, in order: its title, then each question (label, then hint). */
const READ_ON_SCREEN = 'main h1, main .field .label, main .field .hint, main legend .label';
const READ_ON_ERROR = '.error-summary';

const langOf = (el: Element, fallback: string) => el.closest('[lang]')?.getAttribute('lang') ?? fallback;
const textOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

async function readAll(elements: Element[], fallbackLang: string, rate: number) {
  const { enqueue, stopSpeaking } = await loadSpeech();
  stopSpeaking();
  for (const el of elements) {
    const text = textOf(el);
    if (!text) continue;
    void enqueue({ text, lang: langOf(el, fallbackLang), rate }, () => {
      for (const other of document.querySelectorAll('[data-guided-speaking]')) {
        other.removeAttribute('data-guided-speaking');
        other.removeAttribute('data-speaking');
      }
      el.setAttribute('data-speaking', 'true');
      el.setAttribute('data-guided-speaking', 'true');
    }).then(() => {
      el.removeAttribute('data-speaking');
      el.removeAttribute('data-guided-speaking');
    });
  }
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
