/** What the sync pass needs from storage; src/data/outbox-repo.ts implements it on Dexie. */
import type { OutboxItem } from './types.ts';

export interface OutboxStore {
  /** Queued items whose nextAttemptAt <= now, oldest first. */
  due(now: number, limit: number): Promise<OutboxItem[]>;
  /** The earliest nextAttemptAt among queued items, or null when nothing is queued. */
  nextDueAt(): Promise<number | null>;
  /** Items stuck in 'sending' (a previous page died mid-request). */
  interrupted(): Promise<OutboxItem[]>;
  /**
   * Writes `next` only if the stored item still has status `expected`; returns false
   * otherwise. This guards against two tabs or a timer and a button racing on one item.
   */
  replace(next: OutboxItem, expected: OutboxItem['status']): Promise<boolean>;
}
