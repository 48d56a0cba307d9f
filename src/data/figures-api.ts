/**
 * The figures screen's data: the relay's figures from the server (a supervisor's session,
 * this terminal's device token), or — when the server cannot be reached — this terminal's
 * own, summarized from its outbox with the same rules (core/figures/figures.ts).
 */
import { FIGURES_PATH, summarize, type ApplicationRecord, type Figures } from '../core/figures/figures.ts';
import { STAFF_HEADER, type StaffSession } from '../core/sync/protocol.ts';
import type { RelaisDb } from './db.ts';
import { call, type ApiResult } from './supervisor-api.ts';

/** The terminal's own time zone: where its relay's days start. */
export const terminalTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export const relayFigures = (database: RelaisDb, session: StaffSession, days: number, timeZone = terminalTimeZone()): Promise<ApiResult<Figures>> =>
  call<Figures>(database, `${FIGURES_PATH}?days=${days}&tz=${encodeURIComponent(timeZone)}`, { headers: { [STAFF_HEADER]: session.token } }, 200);

/** This terminal's figures from its outbox: what it queued, delivered or had refused. */
export async function terminalFigures(database: RelaisDb, days: number, timeZone = terminalTimeZone(), now = Date.now()): Promise<Figures> {
  const records: ApplicationRecord[] = [];
  await database.outbox.each((item) => {
    records.push({
      serviceId: item.request.serviceId,
      language: item.request.language,
      submittedAt: Date.parse(item.request.submittedAt),
      status: item.status === 'queued' || item.status === 'sending' ? 'waiting' : item.status === 'delivered' || item.status === 'needs-attention' ? item.status : 'closed',
      ...(item.status === 'delivered' && item.deliveredAt !== undefined ? { deliveryMs: item.deliveredAt - item.queuedAt } : {}),
    });
  });
  return summarize(records, { days, timeZone, now });
}
