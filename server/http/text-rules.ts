/**
 * Characters no stored string may hold. PostgreSQL refuses NUL in text and jsonb, and
 * an unpaired surrogate has no UTF-8 form (jsonb refuses it, text would get U+FFFD): both
 * would fail inside the INSERT as a 500, so they are refused up front as a 4xx. Bidi
 * embeddings, overrides and isolates (U+202A–202E, U+2066–2069) and other control
 * characters are refused too: no kiosk keyboard types them, and in a back-office export
 * they can make one value read as another. Answers keep TAB, LF, CR and the bidi marks
 * (LRM, RLM, ALM) an Arabic keyboard may insert; ids and codes keep none of them.
 */
const LONE_SURROGATE = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const IN_ANSWERS = new RegExp(`[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]|${LONE_SURROGATE}`);
const IN_IDS = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f\\u200e\\u200f\\u061c\\u202a-\\u202e\\u2066-\\u2069\\ufeff]|${LONE_SURROGATE}`);

/** An answer (free text the citizen typed): true when it may be stored as is. */
export const isStorableText = (value: string): boolean => !IN_ANSWERS.test(value);

/** An id, code or name of a thing (service, terminal, actor): true when it may be stored. */
export const isStorableId = (value: string): boolean => !IN_IDS.test(value);
