/**
 * When the outbox is synced: at start-up, on the `online` event, on a timer, when an
 * item's backoff ends, and when someone presses "sync now". A Web Lock makes sure two
 * tabs (or a tab and a reloaded tab) never run passes at the same time.
 */
import { recoverOutbox, runSyncPass, type SyncReport } from '../core/outbox/sync-pass.ts';
import type { RelaisDb } from './db.ts';
import { httpTransport } from './http-transport.ts';
import { outboxStore } from './outbox-repo.ts';
import type { OutboxItem } from '../core/outbox/types.ts';
import { deliverAudit } from './audit-sync.ts';
import { renewTokenIfDue } from './enrollment.ts';

const LOCK = 'relais-outbox-sync';

export class SyncRunner {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private interval: ReturnType<typeof setInterval> | undefined;
  private running: Promise<SyncReport | null> | null = null;
  private readonly onOnline = () => void this.linkReturned();

  constructor(
    private readonly database: RelaisDb,
    private readonly periodMs = 60_000,
  ) {}

  async start(): Promise<void> {
    window.addEventListener('online', this.onOnline);
    this.interval = setInterval(() => void this.run(), this.periodMs);
    void this.run();
  }

  stop(): void {
    window.removeEventListener('online', this.onOnline);
    clearInterval(this.interval);
    clearTimeout(this.timer);
  }

  /** "Sync now": every queued item becomes due at once, backoff or not. */
  async syncNow(): Promise<SyncReport | null> {
    return this.runWithDue(() => true);
  }

  /**
   * The link is back: items that waited only because there was no network are due now.
   * Items a server asked to wait (5xx, 429, Retry-After) keep their backoff.
   */
  private linkReturned(): Promise<SyncReport | null> {
    return this.runWithDue((item) => item.lastError?.kind === 'network');
  }

  private async runWithDue(select: (item: OutboxItem) => boolean): Promise<SyncReport | null> {
    const now = Date.now();
    await this.database.outbox
      .where('status')
      .equals('queued')
      .filter(select)
      .modify({ nextAttemptAt: now });
    if (this.running) await this.running;
    return this.run();
  }

  run(): Promise<SyncReport | null> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<SyncReport | null> {
    const report = await this.lockedPass().catch((error: unknown) => {
      // A full disk, or a database closed under us: nothing is lost (an item whose outcome
      // could not be written is still 'sending' and the next pass requeues it); the
      // interval tries again.
      console.warn('sync pass failed', error);
      return null;
    });
    if (report) await deliverAudit(this.database).catch(() => undefined); // next pass tries again
    // Whatever this pass did, wake up when the next queued item falls due.
    clearTimeout(this.timer);
    if (report?.nextDueAt != null) {
      this.timer = setTimeout(() => void this.run(), Math.max(0, report.nextDueAt - Date.now()));
    }
    return report;
  }

  private async lockedPass(): Promise<SyncReport | null> {
    return await navigator.locks.request(LOCK, { ifAvailable: true }, async (lock) => {
      if (!lock) return null; // another tab is syncing
      const store = outboxStore(this.database);
      // Under the lock no other pass runs, here or in another tab, so an item still in
      // 'sending' was left by a pass that died (reload, crash) or could not write its
      // outcome (a full disk): it goes back to the queue. Recovering only at start-up
      // would leave such an item stuck until the next reload.
      await recoverOutbox(store, Date.now());
      await renewTokenIfDue(this.database);
      const transport = httpTransport(this.database);
      return runSyncPass({
        store,
        transport,
        attachments: transport,
        now: Date.now,
        random: Math.random,
        lanes: 2,
      });
    });
  }
}
