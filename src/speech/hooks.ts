/** Preact hooks over the speech layer: its state, the persisted rate, stop on screen change. */
import { useEffect, useState } from 'preact/hooks';
import { speechLayer, type SpeechState } from './layer.ts';
import { onRateChange, storeRate, storedRate } from './rate.ts';

export function useSpeechState(): SpeechState {
  const [state, setState] = useState<SpeechState>({ speaking: speechLayer().speaking, paused: speechLayer().paused, current: null, engine: null });
  useEffect(() => speechLayer().subscribe(setState), []);
  return state;
}

/** The speech rate chosen on this kiosk (slow, normal, fast), kept across sessions. */
export function useSpeechRate(): [number, (rate: number) => void] {
  const [rate, setRate] = useState(storedRate);
  useEffect(() => onRateChange(setRate), []);
  return [rate, storeRate];
}

/**
 * Stops speech when `screenKey` changes (and when the component goes away), so nothing of
 * one screen is still being read on the next.
 */
export function useStopSpeechOnScreenChange(screenKey: unknown): void {
  useEffect(() => () => speechLayer().cancel(), [screenKey]);
}
