/**
 * The on-screen keyboard's layouts, as data. Terminals at a relay have a French AZERTY
 * keyboard at best and no Tifinagh one, so the kiosk draws its own keys.
 *
 * - `tifinagh`: the IRCAM letters on AZERTY positions, as in Debian's xkb `ma(tifinagh)`
 *   (a→ⴰ, z→ⵣ, e→ⴻ, r→ⵔ, …). As there, Shift gives the emphatic letter of the same key
 *   (ⵣ→ⵥ, ⵔ→ⵕ, ⵜ→ⵟ, ⵙ→ⵚ, ⴷ→ⴹ). The labialised ⴳⵯ and ⴽⵯ are typed as ⴳ or ⴽ then ⵯ.
 * - `arabic`: the usual Arabic PC rows, with the hamza forms of alef at the end of the last row.
 * - `latin`: AZERTY letters, French accented letters and the Latin Amazigh letters
 *   (ɛ ɣ ḥ ḍ ṛ ṣ ṭ ẓ ǧ ʷ) used to transcribe Tachelhit, Tarifit and Tamazight.
 * - `symbols`: digits and the punctuation an address or a name may need.
 * - `cnie`: what an ID card number is made of: Latin capitals and digits.
 * - `mrz`: the characters of an ID card's machine-readable zone: those and the filler `<`.
 * - `phone`, `number`, `date`, `pin`: digit pads with only the signs those fields take
 *   (a staff PIN takes digits alone).
 */

export type LayoutId = 'tifinagh' | 'arabic' | 'latin' | 'symbols' | 'cnie' | 'mrz' | 'phone' | 'number' | 'date' | 'pin';

export interface CharKey {
  /** What the key types. */
  text: string;
  /** What it types while Shift is on, when that differs. */
  shifted?: string;
  /** BCP 47 tag of the key's label when it differs from the layout's. */
  lang?: string;
}

export interface Layout {
  id: LayoutId;
  /** BCP 47 tag of the key labels; absent for digit pads, which carry no language. */
  lang?: string;
  /** Direction the keys of a row are laid out in. */
  dir: 'ltr' | 'rtl';
  /** The layout's name in its own script, shown on the layout switcher. */
  nativeName: string;
  rows: CharKey[][];
  /** A Shift key is drawn: upper case for Latin, emphatic letters for Tifinagh. */
  shift: boolean;
  /** Shift means capital letters, so it is turned on by itself at the start of a field. */
  caseful: boolean;
  /** A space bar is drawn. */
  space: boolean;
  /** A small digit pad rather than a full keyboard. */
  pad: boolean;
}

/** Keys from space-separated labels; `shifted` gives, position by position, the Shift outputs. */
function row(labels: string, shifted?: string, lang?: string): CharKey[] {
  const texts = labels.split(' ');
  const shifts = shifted?.split(' ');
  if (shifts && shifts.length !== texts.length) throw new Error(`shift row does not match: ${labels}`);
  return texts.map((text, i) => {
    const key: CharKey = { text };
    const s = shifts?.[i];
    if (s !== undefined && s !== text) key.shifted = s;
    if (lang) key.lang = lang;
    return key;
  });
}

/** A row of letters whose Shift form is the capital letter. */
const caseRow = (labels: string, lang?: string): CharKey[] => row(labels, labels.toUpperCase(), lang);

const TIFINAGH: Layout = {
  id: 'tifinagh',
  lang: 'zgh',
  dir: 'ltr',
  nativeName: 'ⵜⵉⴼⵉⵏⴰⵖ',
  rows: [
    // AZERTY top row: a z e r t y u i o p ^
    row('ⴰ ⵣ ⴻ ⵔ ⵜ ⵢ ⵓ ⵉ ⵄ ⵃ ⵯ', 'ⴰ ⵥ ⴻ ⵕ ⵟ ⵢ ⵓ ⵉ ⵄ ⵃ ⵯ'),
    // home row: q s d f g h j k l m
    row('ⵇ ⵙ ⴷ ⴼ ⴳ ⵀ ⵊ ⴽ ⵍ ⵎ', 'ⵇ ⵚ ⴹ ⴼ ⴳ ⵀ ⵊ ⴽ ⵍ ⵎ'),
    // bottom row: w x c v b n, then the hyphen of compound names
    row('ⵡ ⵅ ⵛ ⵖ ⴱ ⵏ -'),
  ],
  shift: true,
  caseful: false,
  space: true,
  pad: false,
};

const ARABIC: Layout = {
  id: 'arabic',
  lang: 'ar',
  dir: 'rtl',
  nativeName: 'عربي',
  rows: [row('ض ص ث ق ف غ ع ه خ ح ج د'), row('ش س ي ب ل ا ت ن م ك ط ذ'), row('ئ ء ؤ ر ى ة و ز ظ أ إ آ')],
  shift: false,
  caseful: false,
  space: true,
  pad: false,
};

const LATIN: Layout = {
  id: 'latin',
  lang: 'fr',
  dir: 'ltr',
  nativeName: 'Latin',
  rows: [
    caseRow('a z e r t y u i o p'),
    caseRow('q s d f g h j k l m'),
    [...caseRow('w x c v b n'), ...row("' -")],
    caseRow('é è ê ë à â ç ù ô î ï'),
    // ʷ marks labialisation (gʷ, kʷ) and has no capital.
    caseRow('ɛ ɣ ḥ ḍ ṛ ṣ ṭ ẓ ǧ ʷ', 'zgh-Latn'),
  ],
  shift: true,
  caseful: true,
  space: true,
  pad: false,
};

const SYMBOLS: Layout = {
  id: 'symbols',
  dir: 'ltr',
  nativeName: '123',
  rows: [row('1 2 3 4 5 6 7 8 9 0'), row("- / , . ' ( ) : ° n°")],
  shift: false,
  caseful: false,
  space: true,
  pad: false,
};

const CNIE: Layout = {
  id: 'cnie',
  lang: 'fr',
  dir: 'ltr',
  nativeName: 'CNIE',
  rows: [row('1 2 3 4 5 6 7 8 9 0'), row('A Z E R T Y U I O P'), row('Q S D F G H J K L M'), row('W X C V B N')],
  shift: false,
  caseful: false,
  space: false,
  pad: false,
};

// A pasted MRZ may be one 90-character line: the parser cuts it into three, so no line-break key.
const MRZ: Layout = { ...CNIE, id: 'mrz', nativeName: 'MRZ', rows: [...CNIE.rows.slice(0, 3), row('W X C V B N <')] };

const pad = (id: 'phone' | 'number' | 'date' | 'pin', last: string): Layout => ({
  id,
  dir: 'ltr',
  nativeName: '123',
  rows: [row('1 2 3'), row('4 5 6'), row('7 8 9'), row(last)],
  shift: false,
  caseful: false,
  space: false,
  pad: true,
});

export const LAYOUTS: Readonly<Record<LayoutId, Layout>> = {
  tifinagh: TIFINAGH,
  arabic: ARABIC,
  latin: LATIN,
  symbols: SYMBOLS,
  cnie: CNIE,
  mrz: MRZ,
  // `+` for the international form (+212 6…); a phone number takes nothing else.
  phone: pad('phone', '+ 0'),
  // A decimal comma (the form reads it as a point) and a minus sign.
  number: pad('number', '- 0 ,'),
  // Only for dates typed as text: day/month/year or ISO.
  date: pad('date', '/ 0 -'),
  pin: pad('pin', '0'),
};

/** What a key types, with Shift on or off. */
export function keyOutput(key: CharKey, shifted: boolean): string {
  return shifted && key.shifted !== undefined ? key.shifted : key.text;
}

/** Every string a key of the layout can type, at both Shift levels (and the space). */
export function layoutOutputs(layout: Layout): Set<string> {
  const out = new Set<string>();
  for (const key of layout.rows.flat()) {
    out.add(key.text);
    if (key.shifted !== undefined) out.add(key.shifted);
  }
  if (layout.space) out.add(' ');
  return out;
}

/**
 * Whether the layout can type this text: some sequence of its keys produces exactly it.
 * A digit pad refuses letters, the Arabic layout refuses Latin, and so on.
 */
export function canType(layout: Layout, text: string): boolean {
  const outputs = [...layoutOutputs(layout)].filter((o) => o.length > 0);
  // Keys may type several characters (n°): reachability of each prefix, left to right.
  const reachable = new Array<boolean>(text.length + 1).fill(false);
  reachable[0] = true;
  for (let i = 0; i < text.length; i++) {
    if (!reachable[i]) continue;
    for (const o of outputs) if (text.startsWith(o, i)) reachable[i + o.length] = true;
  }
  return reachable[text.length] === true;
}
