/**
 * What the server clears on its own, at start and twice a day: idempotency keys past their
 * retention, and photo uploads abandoned half done.
 */
import { purgeAbandonedUploads } from '../attachments/upload-store.ts';
import { purgeExpiredKeys } from '../submissions/idempotency.ts';
import type { Db } from './db.ts';

export async function housekeeping(db: Db, now = new Date()): Promise<void> {
  const keys = await purgeExpiredKeys(db, now);
  if (keys > 0) console.log(`Purged ${keys} expired idempotency keys`);
  const uploads = await purgeAbandonedUploads(db, now);
  if (uploads > 0) console.log(`Purged ${uploads} photo uploads abandoned half done`);
}
