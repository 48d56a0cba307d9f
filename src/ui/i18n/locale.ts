/**
 * Dates and times in the UI language. Arabic and French go through Intl (Moroccan Arabic
 * writes Western digits on forms); the Amazigh languages use our own month names
 * (core/i18n/calendar.ts), since Chromium's ICU has none for them.
 */
import { formatAmazighDate, isAmazigh } from '../../core/i18n/calendar.ts';

/** The Intl locale for a UI language; Amazigh codes get French's (for numbers only). */
export function intlLocale(lang: string): string {
  if (lang === 'ar') return 'ar-MA-u-nu-latn';
  if (isAmazigh(lang)) return 'fr-MA';
  return `${lang}-MA`;
}

export interface DateOptions {
  /** 'date': day month year; 'date-time': with hours and minutes; 'time': hours and minutes only. */
  show?: 'date' | 'date-time' | 'time';
  long?: boolean; // the month in words (Intl's long/medium style)
  timeZone?: string;
}

export function dateFormat(lang: string, { show = 'date', long = false, timeZone }: DateOptions = {}): { format(date: Date | number): string } {
  if (!isAmazigh(lang)) {
    const style: Intl.DateTimeFormatOptions =
      show === 'time' ? { timeStyle: 'short' } : show === 'date' ? { dateStyle: long ? 'long' : 'medium' } : { dateStyle: long ? 'long' : 'medium', timeStyle: 'short' };
    return new Intl.DateTimeFormat(intlLocale(lang), { ...style, ...(timeZone ? { timeZone } : {}) });
  }
  const numeric = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) });
  return {
    format(date) {
      const parts = Object.fromEntries(numeric.formatToParts(date).map((p) => [p.type, p.value]));
      const [year, month, day, hour, minute] = [parts.year, parts.month, parts.day, parts.hour, parts.minute].map(Number) as [number, number, number, number, number];
      if (show === 'time') return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
      return formatAmazighDate(lang, show === 'date' ? { year, month, day } : { year, month, day, hour, minute });
    },
  };
}
