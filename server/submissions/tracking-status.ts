/** What a citizen may see about an application: its state and dates, nothing personal. */
import type { TrackingState, TrackingStatus } from '../../src/core/sync/protocol.ts';
import type { Queryable } from '../store/db.ts';
import { toIso } from '../util/time.ts';

export async function findTrackingStatus(db: Queryable, trackingCode: string): Promise<TrackingStatus | null> {
  const [row] = await db.query<{ service_id: string; state: TrackingState; received_at: Date; updated_at: Date }>(
    'SELECT service_id, state, received_at, updated_at FROM submissions WHERE tracking_code = $1',
    [trackingCode],
  );
  if (!row) return null;
  return {
    trackingCode,
    serviceId: row.service_id,
    state: row.state,
    receivedAt: toIso(row.received_at),
    updatedAt: toIso(row.updated_at),
  };
}
