/**
 * A full disk, recognised however it reaches us, and the storage levels the kiosk acts on.
 *
 * Chromium reports a write over quota as a DOMException named QuotaExceededError on the
 * transaction, while the request and the promise see an AbortError; Dexie wraps either
 * (`inner`), a BulkError lists them per operation (`failures`), and code of our own may
 * chain them (`cause`). All of those are the same event to the citizen: nothing new can be
 * written until space is freed, and nothing already written is lost.
 */
const QUOTA = 'QuotaExceededError';
const FULL = 'StorageFullError';
/** The legacy DOMException code of QuotaExceededError (still set by Chromium and Node). */
const QUOTA_CODE = 22;
const MAX_DEPTH = 6;

type Inspectable = {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
  error?: unknown;
  target?: unknown;
  transaction?: unknown;
  failures?: unknown;
};

function quotaIn(value: unknown, depth: number, seen: Set<unknown>): boolean {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null || seen.has(value)) return false;
  seen.add(value);
  const e = value as Inspectable;
  if (e.name === QUOTA || e.name === FULL || (e.code === QUOTA_CODE && typeof e.name === 'string' && e.name !== 'AbortError')) return true;
  // An AbortError (or Dexie's UnknownError) that says so in words, with nothing to unwrap.
  if ((e.name === 'AbortError' || e.name === 'UnknownError') && typeof e.message === 'string' && /quota/i.test(e.message)) return true;
  const failures = Array.isArray(e.failures) ? e.failures : e.failures && typeof e.failures === 'object' ? Object.values(e.failures) : [];
  const transaction = e.transaction as { error?: unknown } | undefined;
  const target = e.target as { error?: unknown; transaction?: { error?: unknown } } | undefined;
  const wrapped = [e.inner, e.cause, e.error, transaction?.error, target?.error, target?.transaction?.error, ...failures];
  return wrapped.some((inner) => quotaIn(inner, depth + 1, seen));
}

/**
 * True when `error` is, or wraps, a QuotaExceededError (DOMException, Dexie, inside an
 * AbortError). A request aborted because its transaction failed only sees an AbortError:
 * pass the transaction (Dexie's `tx.idbtrans`), whose `error` names the cause.
 */
export function isQuotaError(error: unknown, transaction?: { error?: unknown } | null): boolean {
  return quotaIn(error, 0, new Set()) || quotaIn(transaction?.error, 0, new Set());
}

/** Nothing new could be written: the disk (the browser's quota) is full. What was written before is intact. */
export class StorageFullError extends Error {
  constructor(cause: unknown) {
    super('storage is full: nothing new could be written', { cause });
    this.name = FULL;
  }
}

/** The error to rethrow from a write: a StorageFullError when the disk was full, else the error itself. */
export function storageFullOr(error: unknown, transaction?: { error?: unknown } | null): unknown {
  return error instanceof StorageFullError || !isQuotaError(error, transaction) ? error : new StorageFullError(error);
}

/** From this share of the quota on, staff see a warning (dashboard, home screen). */
export const STORAGE_WARNING_RATIO = 0.8;
/**
 * From this share on, new photos are refused: the last tenth of the quota is kept for
 * drafts and applications, which matter more than an image the citizen can bring on paper.
 */
export const PHOTO_REFUSAL_RATIO = 0.9;

export interface StorageEstimateLike {
  usage?: number | undefined;
  quota?: number | undefined;
}

export type StorageLevel = 'ok' | 'warning' | 'photos-refused';

/** Usage against quota (0..1+), or null when the browser does not say. */
export function storageRatio(estimate: StorageEstimateLike): number | null {
  if (estimate.quota === undefined || estimate.usage === undefined || !(estimate.quota > 0)) return null;
  return estimate.usage / estimate.quota;
}

export function storageLevel(estimate: StorageEstimateLike): StorageLevel {
  const ratio = storageRatio(estimate);
  if (ratio === null) return 'ok';
  return ratio >= PHOTO_REFUSAL_RATIO ? 'photos-refused' : ratio >= STORAGE_WARNING_RATIO ? 'warning' : 'ok';
}
