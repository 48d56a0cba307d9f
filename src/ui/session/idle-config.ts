/**
 * Idle timeout settings of this terminal (not of a citizen): 3 minutes without a touch,
 * then a 30-second warning (WCAG 2.2.1: the user can extend with one action). A relay can
 * change them in the terminal's localStorage; tests shorten them the same way.
 */
export const IDLE_SECONDS_KEY = 'relais.idleSeconds';
export const WARNING_SECONDS_KEY = 'relais.idleWarningSeconds';

function seconds(key: string, fallback: number): number {
  const value = Number(localStorage.getItem(key));
  return Number.isFinite(value) && value >= 1 ? value : fallback;
}

export function idleConfig(): { idleMs: number; warningMs: number } {
  return { idleMs: seconds(IDLE_SECONDS_KEY, 180) * 1000, warningMs: seconds(WARNING_SECONDS_KEY, 30) * 1000 };
}
