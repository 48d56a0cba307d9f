/**
 * The relay's figures (core/figures/figures.ts) from the store: one statement counts the
 * applications submitted in the period per service, language, day and delivery-time bin
 * (GROUPING SETS over the same rows) with the median and 90th percentile, a second sums
 * the queues the relay's terminals last reported. Plain SQL that PGlite and PostgreSQL run
 * alike; ordering and the list of days are done here, not by a collation.
 *
 * Which applications are the relay's: those its terminals handed over — received_from,
 * the authenticated terminal that delivered it (a bundle may travel through another), or
 * for older rows without it, the terminal that made it.
 */
import { DELIVERY_BUCKETS, mostFirst, periodDays, type DeliveryBucket, type Figures } from '../../src/core/figures/figures.ts';
import type { Queryable } from '../store/db.ts';

export interface FiguresQuery {
  relayId: string;
  days: number;
  timeZone: string; // already checked against the store's time zones (knownTimeZone)
}

// The bin of each delivery time, from the shared limits, so kiosk and server bin alike.
const BUCKET_SQL = `CASE ${DELIVERY_BUCKETS.filter((b) => b.belowMs !== null)
  .map((b) => `WHEN wait_ms < ${b.belowMs} THEN '${b.key}'`)
  .join(' ')} ELSE '${DELIVERY_BUCKETS[DELIVERY_BUCKETS.length - 1]!.key}' END`;

const COUNTS_SQL = `
WITH chosen AS (
  SELECT s.service_id, s.language,
         to_char(s.submitted_at AT TIME ZONE $3, 'YYYY-MM-DD') AS day,
         -- A kiosk clock ahead of the server's would make it negative: counted as immediate.
         GREATEST(0, EXTRACT(EPOCH FROM (s.received_at - s.submitted_at)) * 1000)::float8 AS wait_ms
    FROM submissions s
   WHERE s.submitted_at >= ($1::date::timestamp AT TIME ZONE $3)
     AND s.submitted_at < (($2::date + 1)::timestamp AT TIME ZONE $3)
     AND EXISTS (SELECT 1 FROM terminals t WHERE t.relay_id = $4 AND t.terminal_id = COALESCE(s.received_from, s.terminal_id))
)
SELECT GROUPING(service_id) AS g_service, GROUPING(language) AS g_language, GROUPING(day) AS g_day, GROUPING(bucket) AS g_bucket,
       service_id, language, day, bucket, count(*)::int AS n,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY wait_ms) AS median_ms,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY wait_ms) AS p90_ms
  FROM (SELECT chosen.*, ${BUCKET_SQL} AS bucket FROM chosen) AS binned
 GROUP BY GROUPING SETS ((service_id), (language), (day), (bucket), ())`;

interface CountRow {
  g_service: number;
  g_language: number;
  g_day: number;
  g_bucket: number;
  service_id: string | null;
  language: string | null;
  day: string | null;
  bucket: DeliveryBucket | null;
  n: number;
  median_ms: number | null;
  p90_ms: number | null;
}

export async function relayFigures(db: Queryable, { relayId, days, timeZone }: FiguresQuery): Promise<Figures> {
  // Today in the relay's time zone, by the store's clock: the period's last day.
  const [today] = await db.query<{ day: string }>(`SELECT to_char(now() AT TIME ZONE $1, 'YYYY-MM-DD') AS day`, [timeZone]);
  const dayList = periodDays(today!.day, days);
  const [firstDay, lastDay] = [dayList[0]!, dayList[dayList.length - 1]!];
  const [rows, [queue]] = await Promise.all([
    db.query<CountRow>(COUNTS_SQL, [firstDay, lastDay, timeZone, relayId]),
    // Revoked terminals are left out: their last word is stale and they can no longer send.
    db.query<{ queued: number; attention: number; reporting: number; active: number }>(
      `SELECT COALESCE(sum((heartbeat->>'queued')::int + (heartbeat->>'sending')::int), 0)::int AS queued,
              COALESCE(sum((heartbeat->>'needsAttention')::int), 0)::int AS attention,
              count(heartbeat)::int AS reporting, count(*)::int AS active
         FROM terminals WHERE relay_id = $1 AND revoked_at IS NULL`,
      [relayId],
    ),
  ]);
  const pick = (flag: keyof CountRow, column: keyof CountRow) =>
    rows.filter((r) => Number(r[flag]) === 0).map((r): [string, number] => [String(r[column]), r.n]);
  // Only the () set has every grouping flag at 1.
  const all = rows.find((r) => Number(r.g_service) + Number(r.g_language) + Number(r.g_day) + Number(r.g_bucket) === 4);
  const total = all?.n ?? 0;
  const perDay = new Map(pick('g_day', 'day'));
  const perBucket = new Map(pick('g_bucket', 'bucket'));
  const toMs = (v: number | string | null) => (v === null || total === 0 ? null : Math.round(Number(v)));
  return {
    scope: 'relay',
    days,
    timeZone,
    firstDay,
    lastDay,
    total,
    byService: mostFirst(pick('g_service', 'service_id')),
    byLanguage: mostFirst(pick('g_language', 'language')),
    byDay: dayList.map((key) => ({ key, count: perDay.get(key) ?? 0 })),
    status: { delivered: total, queued: queue!.queued, needsAttention: queue!.attention, terminals: { reporting: queue!.reporting, active: queue!.active } },
    delivery: {
      count: total,
      buckets: DELIVERY_BUCKETS.map(({ key }) => ({ key, count: perBucket.get(key) ?? 0 })),
      medianMs: toMs(all?.median_ms ?? null),
      p90Ms: toMs(all?.p90_ms ?? null),
    },
  };
}

const zones = new WeakMap<Queryable, Promise<Set<string>>>();
/** Whether the store knows this IANA time zone (its list is read once per store). */
export async function knownTimeZone(db: Queryable, name: string): Promise<boolean> {
  let names = zones.get(db);
  if (!names) {
    names = db.query<{ name: string }>('SELECT name FROM pg_timezone_names').then((rows) => new Set(rows.map((r) => r.name)));
    zones.set(db, names);
    names.catch(() => zones.delete(db));
  }
  return (await names).has(name);
}
