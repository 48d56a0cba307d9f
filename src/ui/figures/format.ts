/** A duration in the UI language, in the largest unit under which it fits: 40 s, 12 min, 5 h, 3 d. */
import { intlLocale } from '../i18n/locale.ts';

const UNITS = [
  { unit: 'second', ms: 1_000, below: 60_000 },
  { unit: 'minute', ms: 60_000, below: 3_600_000 },
  { unit: 'hour', ms: 3_600_000, below: 86_400_000 },
  { unit: 'day', ms: 86_400_000, below: Infinity },
] as const;

export function formatDuration(ms: number, lang: string): string {
  const { unit, ms: size } = UNITS.find((u) => ms < u.below)!;
  const value = ms / size;
  return new Intl.NumberFormat(intlLocale(lang), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}
