/**
 * The relay's figures (issue 5, item 6): applications per service, per day and per
 * language, delivered against waiting, and the time from submit to delivery. The server
 * computes them for the whole relay (GET FIGURES_PATH, server/figures/); a terminal that
 * cannot reach it computes the same shape from its own outbox with summarize() below, so
 * the screen draws one kind of thing either way and says which.
 *
 * Days are calendar days in the terminal's time zone (an application submitted at 23:30
 * in Casablanca counts on that day, whatever UTC says); an application belongs to the day
 * it was submitted on.
 */

/** GET ?days=<1–366>&tz=<IANA time zone> with a supervisor's session (STAFF_HEADER). */
export const FIGURES_PATH = '/api/relay/figures';
/** The periods the screen offers; the server takes any whole number of days up to MAX_FIGURE_DAYS. */
export const FIGURE_PERIODS = [7, 30, 90] as const;
export const MAX_FIGURE_DAYS = 366;

/** Time from submit to delivery, in these bins: under a minute, an hour, a day, a week, and longer. */
export const DELIVERY_BUCKETS = [
  { key: 'minute', belowMs: 60_000 },
  { key: 'hour', belowMs: 3_600_000 },
  { key: 'day', belowMs: 86_400_000 },
  { key: 'week', belowMs: 604_800_000 },
  { key: 'more', belowMs: null },
] as const;
export type DeliveryBucket = (typeof DELIVERY_BUCKETS)[number]['key'];

export interface KeyCount<K extends string = string> {
  key: K;
  count: number;
}

export interface Figures {
  /** 'relay': every terminal, from the server; 'terminal': this terminal's outbox only. */
  scope: 'relay' | 'terminal';
  days: number;
  timeZone: string;
  firstDay: string; // YYYY-MM-DD, the period's first and last (today) calendar days
  lastDay: string;
  /** Applications submitted in the period that the source knows of. */
  total: number;
  byService: KeyCount[]; // most first, then by id
  byLanguage: KeyCount[]; // most first, then by code
  byDay: KeyCount[]; // every day of the period in order, zeros included
  status: {
    /** Delivered applications submitted in the period. */
    delivered: number;
    /** Waiting to be sent (queued or being sent) and refused by the server, now, whenever submitted. */
    queued: number;
    needsAttention: number;
    /** Relay: terminals whose last heartbeat the queue counts come from, of the relay's active terminals. */
    terminals?: { reporting: number; active: number };
  };
  /** Delivered applications of the period: time from submit to delivery. */
  delivery: {
    count: number;
    buckets: KeyCount<DeliveryBucket>[]; // in DELIVERY_BUCKETS order
    medianMs: number | null;
    p90Ms: number | null;
  };
}

export const bucketOf = (ms: number): DeliveryBucket => DELIVERY_BUCKETS.find((b) => b.belowMs === null || ms < b.belowMs)!.key;

/**
 * The p-quantile (0–1) of values sorted ascending, interpolated between the two nearest
 * ranks — what PostgreSQL's percentile_cont computes, so both sources agree.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
export function localDay(instant: number, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The `days` calendar days ending with lastDay (YYYY-MM-DD), oldest first. */
export function periodDays(lastDay: string, days: number): string[] {
  const last = Date.parse(`${lastDay}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => new Date(last - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

/** Most first, ties by key in code-point order (not a collation: both stores and the kiosk agree). */
export const mostFirst = (counts: Iterable<[string, number]>): KeyCount[] =>
  [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

/** One application as a terminal's outbox knows it. */
export interface ApplicationRecord {
  serviceId: string;
  language: string;
  submittedAt: number; // epoch ms
  /** waiting: queued or being sent; closed: refused and then handed back or discarded. */
  status: 'waiting' | 'delivered' | 'needs-attention' | 'closed';
  /** Delivered: time from entering the outbox to the server's acknowledgement. */
  deliveryMs?: number;
}

/** This terminal's figures for the `days` calendar days ending today (in timeZone). */
export function summarize(records: readonly ApplicationRecord[], { days, timeZone, now }: { days: number; timeZone: string; now: number }): Figures {
  const dayList = periodDays(localDay(now, timeZone), days);
  const firstDay = dayList[0]!;
  const lastDay = dayList[dayList.length - 1]!;
  const services = new Map<string, number>();
  const languages = new Map<string, number>();
  const perDay = new Map(dayList.map((d) => [d, 0]));
  const waits: number[] = [];
  let total = 0;
  let delivered = 0;
  let queued = 0;
  let needsAttention = 0;
  for (const r of records) {
    // What waits is counted whenever it was submitted, as in a heartbeat.
    if (r.status === 'waiting') queued++;
    if (r.status === 'needs-attention') needsAttention++;
    const day = localDay(r.submittedAt, timeZone);
    if (day < firstDay || day > lastDay) continue;
    total++;
    services.set(r.serviceId, (services.get(r.serviceId) ?? 0) + 1);
    languages.set(r.language, (languages.get(r.language) ?? 0) + 1);
    perDay.set(day, perDay.get(day)! + 1);
    if (r.status !== 'delivered') continue;
    delivered++;
    if (r.deliveryMs !== undefined) waits.push(Math.max(0, r.deliveryMs));
  }
  waits.sort((a, b) => a - b);
  const buckets = new Map<DeliveryBucket, number>(DELIVERY_BUCKETS.map((b) => [b.key, 0]));
  for (const ms of waits) buckets.set(bucketOf(ms), buckets.get(bucketOf(ms))! + 1);
  return {
    scope: 'terminal',
    days,
    timeZone,
    firstDay,
    lastDay,
    total,
    byService: mostFirst(services),
    byLanguage: mostFirst(languages),
    byDay: dayList.map((key) => ({ key, count: perDay.get(key)! })),
    status: { delivered, queued, needsAttention },
    delivery: {
      count: waits.length,
      buckets: [...buckets].map(([key, count]) => ({ key, count })),
      medianMs: percentile(waits, 0.5),
      p90Ms: percentile(waits, 0.9),
    },
  };
}
