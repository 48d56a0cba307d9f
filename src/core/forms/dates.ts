/**
 * Calendar dates as 'YYYY-MM-DD' strings. Dates of birth and appointments are civil dates,
 * not instants, so they are never turned into Date objects (which would shift them by the
 * time zone). ISO strings of four-digit years compare correctly as plain strings.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * A field's `minDate`/`maxDate` as a date: literal dates as they are, 'today' as the
 * caller's today, or null when the bound cannot be resolved (no today given).
 */
export function resolveDateBound(bound: string | undefined, today: string | undefined): string | null {
  if (bound === undefined) return null;
  if (bound === 'today') return isIsoDate(today) ? today : null;
  return isIsoDate(bound) ? bound : null;
}

/**
 * Today's civil date in a time zone, for callers to pass as `today`. Core never reads the
 * clock itself: the kiosk passes `new Date()`, the server the submission's `submittedAt`.
 * Morocco is UTC+1 except during Ramadan (UTC+0), which Intl knows as Africa/Casablanca.
 */
export function isoDateIn(instant: Date, timeZone = 'Africa/Casablanca'): string {
  const parts = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}
