/**
 * What a decoded barcode means to the kiosk. A receipt's QR code carries the tracking link
 * (`<origin>/?track=<CODE>`, core/ids/track-url.ts); a person may also show a code printed
 * or typed elsewhere, so a bare tracking code counts too. Anything else is reported as
 * read, not acted on.
 */
import { parseTrackingUrl } from '../ids/track-url.ts';
import { normalizeTrackingCode } from '../ids/tracking-code.ts';

export type ScanMeaning = { kind: 'tracking'; trackingCode: string; origin: string | null } | { kind: 'other'; text: string };

export function meaningOf(text: string): ScanMeaning {
  const link = parseTrackingUrl(text);
  if (link) return { kind: 'tracking', trackingCode: link.trackingCode, origin: link.origin };
  const trimmed = text.trim();
  // A bare code: ten symbols, in two groups of five or not (an EAN-13 has thirteen).
  if (/^[0-9a-z]{5}[\s-]?[0-9a-z]{5}$/i.test(trimmed)) {
    const code = normalizeTrackingCode(trimmed);
    if (code) return { kind: 'tracking', trackingCode: code, origin: null };
  }
  return { kind: 'other', text };
}

/**
 * Camera errors (DOMException names from getUserMedia) as the message the citizen sees.
 * 'denied': no permission; 'none': no camera (or none that fits); 'busy': another program
 * holds it or the hardware failed; 'unsupported': this browser or context has no camera API.
 */
export type CameraProblem = 'denied' | 'none' | 'busy' | 'unsupported';

export function cameraProblem(errorName: string | undefined): CameraProblem {
  switch (errorName) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError': // older Chromium
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return 'none';
    case 'TypeError':
      return 'unsupported';
    default:
      return 'busy'; // NotReadableError, AbortError, TrackStartError and the unknown
  }
}
