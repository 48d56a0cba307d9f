/** The pure side of speech: languages, engine choice, clip hashing, composition, packs. */
export * from './lang.ts';
export * from './text.ts';
export * from './select.ts';
export * from './compose.ts';
export * from './pack.ts';
export * from './tifinagh-voice.ts';
