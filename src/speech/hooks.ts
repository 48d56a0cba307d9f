/** Preact hooks over the speech layer: its state, the persisted rate, stop on screen change. */
import { useEffect, useState } from 'preact/hooks';
import { speechLayer, type SpeechState } from './layer.ts';

export function useSpeechState(): SpeechState {
  const [state, setState] = useState<SpeechState>({ speaking: speechLayer().speaking, paused: speechLayer().paused, current: null, engine: null });
  useEffect(() => speechLayer().subscribe(setState), []);
  return state;
}

const RATE_KEY = 'relais.speech.rate';
export const SPEECH_RATES = [0.75, 1, 1.25] as const;

function storedRate(): number {
  try {
    const value = Number(localStorage.getItem(RATE_KEY));
    return (SPEECH_RATES as readonly number[]).includes(value) ? value : 1;
  } catch {
    return 1;
  }
}

const rateListeners = new Set<(rate: number) => void>();

/** The speech rate chosen on this kiosk (slow, normal, fast), kept across sessions. */
export function useSpeechRate(): [number, (rate: number) => void] {
  const [rate, setRate] = useState(storedRate);
  useEffect(() => {
    rateListeners.add(setRate);
    return () => void rateListeners.delete(setRate);
  }, []);
  return [
    rate,
    (next) => {
      try {
        localStorage.setItem(RATE_KEY, String(next));
      } catch {
        /* private mode: keep it for this page only */
      }
      for (const l of rateListeners) l(next);
    },
  ];
}

/**
 * Stops speech when `screenKey` changes (and when the component goes away), so nothing of
 * one screen is still being read on the next.
 */
export function useStopSpeechOnScreenChange(screenKey: unknown): void {
  useEffect(() => () => speechLayer().cancel(), [screenKey]);
}
