/**
 * The few web-standard globals core/ may use because Node 20 and every browser have them.
 * Everything else (fetch, indexedDB, crypto, timers, the DOM) is passed in as an argument;
 * that is what keeps core/ testable in Node and free of the DOM.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array | ArrayBuffer): string;
}
