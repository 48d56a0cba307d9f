/**
 * The speech rate chosen on this kiosk (slow, normal, fast), kept across sessions in
 * localStorage. Nothing of the speech layer is imported here: the start-up screens (the
 * reading help dialog, the top bar) read and set it without loading the layer.
 */
const RATE_KEY = 'relais.speech.rate';
export const SPEECH_RATES = [0.75, 1, 1.25] as const;

const listeners = new Set<(rate: number) => void>();

export function storedRate(): number {
  try {
    const value = Number(localStorage.getItem(RATE_KEY));
    return (SPEECH_RATES as readonly number[]).includes(value) ? value : 1;
  } catch {
    return 1;
  }
}

export function storeRate(rate: number): void {
  try {
    localStorage.setItem(RATE_KEY, String(rate));
  } catch {
    /* private mode: keep it for this page only */
  }
  for (const listener of listeners) listener(rate);
}

/** Called with the new rate whenever it is set (every speak control shows the same one). */
export function onRateChange(listener: (rate: number) => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The next rate of the cycle slow → normal → fast → slow. */
export const nextRate = (rate: number): number => SPEECH_RATES[(SPEECH_RATES.indexOf(rate as (typeof SPEECH_RATES)[number]) + 1) % SPEECH_RATES.length]!;
