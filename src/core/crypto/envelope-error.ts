/**
 * Why a sealed item could not be opened, as a code (STYLE habit 4):
 * - `wrong-key`: the item names another key than the one given;
 * - `tampered`: it does not authenticate: ciphertext, `enc` or the associated data (the
 *   application or attachment id) differ from what was sealed, or the key does not match;
 * - `malformed`: not an envelope at all (bad base64url, wrong sizes, unreadable content).
 */
export type EnvelopeErrorCode = 'wrong-key' | 'tampered' | 'malformed';

export class EnvelopeError extends Error {
  override readonly name = 'EnvelopeError';
  readonly code: EnvelopeErrorCode;

  constructor(code: EnvelopeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export const isEnvelopeError = (error: unknown): error is EnvelopeError => error instanceof EnvelopeError;
