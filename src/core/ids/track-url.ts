/**
 * The link a receipt's QR code carries: `<origin>/?track=<TRACKING-CODE>`. Any kiosk that
 * scans it can open the application's status; a phone that scans it opens the same page.
 * Pure string handling (no URL global in core): the parser accepts what a scanner or a
 * person may hand over and returns a canonical tracking code, or null.
 */
import { normalizeTrackingCode } from './tracking-code.ts';

export const TRACK_PARAM = 'track';

/** The receipt link for a tracking code, e.g. `https://relais.example/?track=7KQ2M-4ZP9D`. */
export function trackingUrl(origin: string, trackingCode: string): string {
  return `${origin.replace(/\/+$/, '')}/?${TRACK_PARAM}=${encodeURIComponent(trackingCode)}`;
}

export interface ScannedTrackLink {
  /** `scheme://host[:port]` in lower case, or null when the text was only a path or query. */
  origin: string | null;
  trackingCode: string;
}

/**
 * Reads a receipt link: a full URL, or a path or query such as `/?track=…`. The `track`
 * parameter must hold a valid tracking code (case, O/0 and I/1 as `normalizeTrackingCode`
 * allows); anything else, or a link without it, gives null. A bare code is not a link.
 */
export function parseTrackingUrl(text: string): ScannedTrackLink | null {
  if (typeof text !== 'string') return null;
  const trimmed = text.trim();
  const query = trimmed.indexOf('?');
  if (query < 0) return null;
  const origin = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]+)/i.exec(trimmed)?.[1]?.toLowerCase() ?? null;
  const end = trimmed.indexOf('#', query);
  const params = trimmed.slice(query + 1, end < 0 ? undefined : end).split('&');
  for (const param of params) {
    const eq = param.indexOf('=');
    const key = decode(eq < 0 ? param : param.slice(0, eq));
    if (key !== TRACK_PARAM) continue;
    const value = decode(eq < 0 ? '' : param.slice(eq + 1));
    const code = value === null ? null : normalizeTrackingCode(value);
    return code === null ? null : { origin, trackingCode: code };
  }
  return null;
}

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return null; // a malformed escape such as %E0%A4%A
  }
}
