/**
 * Reads a screen aloud (issue 3, item 6), for the top bar's speak button and guided
 * reading. Loaded with the speech layer, never at start-up (src/ui/speech-lazy.ts).
 *
 * The screen is cut into pieces in reading order — headings, paragraphs, labels, hints,
 * list items, table cells, the names of buttons and links, images' alt text — skipping
 * what is hidden (and what asks to be skipped: `data-speech-skip`, e.g. the keyboard's
 * keys). Inline markup stays inside its sentence; a stretch in another language (`lang`)
 * is its own piece, spoken in that language. A piece whose element carries
 * `data-speech-key` is that prompt (a catalog text such as
 * `service.<id>.field.<name>.label`), so an agent's recording of it is played when current;
 * a piece whose text is exactly one of the UI's strings in its language gets that string's
 * key the same way. Each piece is marked `data-speaking` while it is read; when no voice
 * and no recording exist for its language it is marked `data-speech-unvoiced`.
 */
import type { EngineKind } from '../../core/speech/select.ts';
import { enqueue, speechLayer, type SpeakOutcome } from '../../speech/speak.ts';
import { i18next } from '../i18n/i18n.ts';

export interface Piece {
  /** The element marked while the piece is read. */
  el: Element;
  text: string;
  lang: string;
  /** Prompt key of a recording of exactly this text. */
  key?: string;
}

const SKIP = 'script, style, template, noscript, svg, input, textarea, [data-speech-skip]';
const NAMED = 'button, a[href], [role="button"], summary';
/** Elements read inside their parent's sentence. */
const INLINE = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'BR', 'CODE', 'DATA', 'EM', 'I', 'KBD', 'MARK', 'Q', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR']);
/** Spans that are pieces of their own (a question's label, its hint, its error). */
const OWN_PIECE = '.label, .hint, .optional, .field-error';
const SAYABLE = /[\p{L}\p{N}]/u;

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

function skipped(el: Element): boolean {
  if (el.matches(SKIP) || (el as HTMLElement).hidden || el.getAttribute('aria-hidden') === 'true' || el.classList.contains('visually-hidden')) return true;
  const style = getComputedStyle(el);
  return style.display === 'none' || style.visibility === 'hidden';
}

/** Whether an element starts a piece of its own rather than being read in its parent's. */
function breaks(el: Element, lang: string): boolean {
  if (!INLINE.has(el.tagName) || el.matches(NAMED) || el.hasAttribute('data-speech-key') || el.matches(OWN_PIECE)) return true;
  const own = el.getAttribute('lang');
  return own !== null && own !== lang;
}

function breaksInside(el: Element, lang: string): boolean {
  for (const d of el.querySelectorAll('*')) if (!d.closest(SKIP) && breaks(d, lang)) return true;
  return false;
}

/** The text a sighted reader sees (a button's name may also use its visually hidden part). */
function visibleText(node: Node, withHiddenLabels = false): string {
  let out = '';
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) out += (child as Text).data;
    else if (child instanceof Element) {
      const hiddenLabel = withHiddenLabels && child.classList.contains('visually-hidden');
      if (!hiddenLabel && skipped(child)) continue;
      out += child.tagName === 'BR' ? ' ' : visibleText(child, withHiddenLabels);
    }
  }
  return out;
}

function nameOf(el: Element): string {
  return el.getAttribute('aria-label') ?? visibleText(el, true);
}

/** The UI's strings of a language by text, for the recordings of whole strings (`nav.next`). */
const uiKeys = new Map<string, Map<string, string>>();
function uiKeyOf(text: string, lang: string): string | undefined {
  let byText = uiKeys.get(lang);
  if (!byText) {
    byText = new Map();
    const walk = (tree: Record<string, unknown>, prefix: string) => {
      for (const [k, v] of Object.entries(tree)) {
        if (typeof v === 'string') {
          if (!v.includes('{{') && !byText!.has(clean(v))) byText!.set(clean(v), prefix + k);
        } else if (v && typeof v === 'object') walk(v as Record<string, unknown>, `${prefix}${k}.`);
      }
    };
    walk((i18next.getResourceBundle(lang, 'common') as Record<string, unknown> | undefined) ?? {}, '');
    uiKeys.set(lang, byText);
  }
  return byText.get(text);
}

/**
 * The pieces of `roots`, in document order. With `markRoot`, each piece marks the root it
 * came from (guided reading marks a whole question while reading its parts).
 */
export function collectPieces(roots: readonly Element[], uiLang: string, options: { markRoot?: boolean } = {}): Piece[] {
  const out: Piece[] = [];
  let root: Element;
  const push = (el: Element, raw: string, lang: string, key?: string) => {
    const text = clean(raw);
    if (!SAYABLE.test(text)) return;
    const found = key ?? uiKeyOf(text, lang);
    out.push({ el: options.markRoot ? root : el, text, lang, ...(found ? { key: found } : {}) });
  };
  const visit = (el: Element, inherited: string) => {
    if (skipped(el)) return;
    const lang = el.getAttribute('lang') || inherited;
    const key = el.getAttribute('data-speech-key') ?? undefined;
    if (key !== undefined || !breaksInside(el, lang)) {
      const text = el.matches(NAMED)
        ? nameOf(el)
        : el instanceof HTMLImageElement
          ? el.alt
          : el instanceof HTMLSelectElement
            ? (el.selectedOptions[0]?.textContent ?? '')
            : visibleText(el);
      push(el, text, lang, key);
      return;
    }
    let run = '';
    for (const child of el.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) run += (child as Text).data;
      else if (child instanceof Element && !skipped(child)) {
        if (!breaks(child, lang) && !breaksInside(child, lang)) run += visibleText(child);
        else {
          push(el, run, lang);
          run = '';
          visit(child, lang);
        }
      }
    }
    push(el, run, lang);
  };
  for (const r of roots) {
    root = r;
    visit(r, r.closest('[lang]')?.getAttribute('lang') ?? uiLang);
  }
  return out;
}

/** What the kiosk reads as "the screen": an open dialog, else the screen itself. */
export function screenRoot(): Element | null {
  const dialogs = document.querySelectorAll('[role="dialog"][aria-modal="true"], [role="alertdialog"]');
  return dialogs[dialogs.length - 1] ?? document.querySelector('[data-screen-root]') ?? document.querySelector('main');
}

const marked = new Set<Element>();
function mark(el: Element, attribute: 'data-speaking' | 'data-speech-unvoiced') {
  el.setAttribute(attribute, 'true');
  marked.add(el);
}

/** Removes the marks this reader set (on stop, a new reading, a screen change). */
export function clearMarks(): void {
  for (const el of marked) {
    el.removeAttribute('data-speaking');
    el.removeAttribute('data-speech-unvoiced');
  }
  marked.clear();
}

export type ReadResult = 'done' | 'novoice' | 'stopped';

/**
 * Reads the pieces in turn after stopping whatever was speaking. Settles when the last
 * piece ended ('done'), when some piece had no voice at all ('novoice': those are marked
 * for the agent), or when something cancelled the reading ('stopped').
 */
export async function readPieces(pieces: readonly Piece[], rate: number, onStart?: (engine: EngineKind, piece: Piece) => void): Promise<ReadResult> {
  speechLayer().cancel();
  clearMarks();
  const outcomes: SpeakOutcome[] = await Promise.all(
    pieces.map((piece) =>
      enqueue({ text: piece.text, lang: piece.lang, rate, ...(piece.key ? { key: piece.key } : {}) }, (engine) => {
        for (const el of marked) el.removeAttribute('data-speaking');
        mark(piece.el, 'data-speaking');
        onStart?.(engine, piece);
      }).then((outcome) => {
        piece.el.removeAttribute('data-speaking');
        return outcome;
      }),
    ),
  );
  if (outcomes.some((o) => !o.spoken && (o.error === 'interrupted' || o.error === 'canceled'))) return 'stopped';
  const unvoiced = pieces.filter((_, i) => {
    const o = outcomes[i]!;
    return !o.spoken && o.error === 'language-unavailable';
  });
  for (const piece of unvoiced) mark(piece.el, 'data-speech-unvoiced');
  return unvoiced.length > 0 ? 'novoice' : 'done';
}

/**
 * The top bar's speak button: reads the current screen in the UI language. `live()` says
 * whether this reading is still wanted (the button was not pressed again meanwhile).
 */
export async function readScreen(lang: string, rate: number, live: () => boolean, onStart: (engine: EngineKind) => void): Promise<ReadResult> {
  const root = screenRoot();
  if (!root || !live()) return 'stopped';
  return readPieces(collectPieces([root], lang), rate, (engine) => live() && onStart(engine));
}

/** Stops the reading and removes its marks. */
export function stopReading(): void {
  speechLayer().cancel();
  clearMarks();
}
