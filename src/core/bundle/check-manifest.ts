/**
 * Reads a bundle's manifest bytes into a BundleManifest, or names what is wrong. Shape
 * only: the signature (read-bundle.ts) decides whether to trust what it says.
 */
import { isUuid } from '../ids/uuid.ts';
import { TRACKING_CODE_PATTERN } from '../ids/tracking-code.ts';
import { KEY_ID_PATTERN } from '../crypto/keys.ts';
import { MAX_ATTACHMENTS, MAX_SEALED_ATTACHMENT_BYTES, MAX_SUBMISSION_BYTES, TERMINAL_ID_PATTERN } from '../sync/protocol.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION, ENC_BYTES, MAX_BUNDLE_ITEMS, type BodyPart, type BundleManifest, type BundleProblem, type ManifestItem } from './format.ts';

export type ManifestCheck = { ok: true; manifest: BundleManifest } | { ok: false; problem: BundleProblem };

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isInstant = (v: unknown): v is string => typeof v === 'string' && v.length <= 40 && /^\d{4}-\d\d-\d\dT/.test(v) && !Number.isNaN(Date.parse(v));
const SHA256_HEX = /^[0-9a-f]{64}$/;
const SHORT_TEXT = /^[\w.:@+-]{1,100}$/; // service ids, languages

/** A problem thrown from deep inside the walk: the first one found is the answer. */
class Refusal extends Error {
  constructor(readonly problem: BundleProblem) {
    super(problem);
  }
}
const refuse = (problem: BundleProblem = 'corrupt'): never => {
  throw new Refusal(problem);
};

function part(v: unknown, maxLength: number): BodyPart {
  if (!isObject(v) || !isCount(v.offset) || !isCount(v.length) || typeof v.sha256 !== 'string' || !SHA256_HEX.test(v.sha256)) return refuse();
  if (v.length > maxLength) refuse('too-large');
  return { offset: v.offset, length: v.length, sha256: v.sha256 };
}

function request(v: unknown, id: string): ManifestItem['request'] {
  if (!isObject(v) || v.id !== id || 'payload' in v) return refuse();
  const { serviceId, formVersion, terminalId, language, createdAt, submittedAt } = v;
  if (typeof serviceId !== 'string' || !SHORT_TEXT.test(serviceId)) refuse();
  if (!Number.isSafeInteger(formVersion) || (formVersion as number) < 1) refuse();
  if (typeof terminalId !== 'string' || !TERMINAL_ID_PATTERN.test(terminalId)) refuse();
  if (typeof language !== 'string' || !SHORT_TEXT.test(language)) refuse();
  if (!isInstant(createdAt) || !isInstant(submittedAt)) refuse();
  // Kept member for member (members a newer kiosk added too): the server compares the whole request.
  return v as ManifestItem['request'];
}

function item(v: unknown): ManifestItem {
  if (!isObject(v) || !isUuid(v.id) || !isCount(v.queuedAt) || typeof v.trackingCode !== 'string' || !TRACKING_CODE_PATTERN.test(v.trackingCode)) return refuse();
  const payload = part(v.payload, MAX_SUBMISSION_BYTES);
  const keyId = (v.payload as Loose).keyId;
  if (typeof keyId !== 'string' || !KEY_ID_PATTERN.test(keyId) || payload.length <= ENC_BYTES) refuse();
  if (!Array.isArray(v.attachments)) refuse();
  const list = v.attachments as unknown[];
  if (list.length > MAX_ATTACHMENTS) refuse('too-large');
  const attachments = list.map((a) => {
    if (!isObject(a) || !isUuid(a.id)) return refuse();
    return { id: a.id as string, ...part(a, MAX_SEALED_ATTACHMENT_BYTES) };
  });
  if (new Set(attachments.map((a) => a.id)).size !== attachments.length) refuse();
  return { id: v.id as string, request: request(v.request, v.id as string), queuedAt: v.queuedAt, trackingCode: v.trackingCode, payload: { ...payload, keyId: keyId as string }, attachments };
}

/** Every part lies inside the body, none overlaps another, and together they fill it. */
function checkLayout(items: ManifestItem[], bodyLength: number): void {
  const parts = items.flatMap((i) => [i.payload, ...i.attachments]).sort((a, b) => a.offset - b.offset);
  let end = 0;
  for (const p of parts) {
    if (p.offset !== end) refuse();
    end = p.offset + p.length;
  }
  if (end !== bodyLength) refuse();
}

export function checkManifest(bytes: Uint8Array): ManifestCheck {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, problem: 'corrupt' };
  }
  try {
    if (!isObject(value) || value.format !== BUNDLE_FORMAT) return refuse();
    if (value.version !== BUNDLE_VERSION) refuse('unsupported-version');
    const { bundleId, createdAt, signer, bodyLength, items } = value;
    if (!isUuid(bundleId) || !isInstant(createdAt) || !isCount(bodyLength) || !Array.isArray(items)) refuse();
    if (!isObject(signer) || typeof signer.terminalId !== 'string' || !TERMINAL_ID_PATTERN.test(signer.terminalId)) refuse();
    const s = signer as Loose;
    if (s.relayId !== null && typeof s.relayId !== 'string') refuse();
    if (typeof s.keyId !== 'string' || !KEY_ID_PATTERN.test(s.keyId)) refuse();
    if ((items as unknown[]).length > MAX_BUNDLE_ITEMS) refuse('too-large');
    const checked = (items as unknown[]).map(item);
    if (new Set(checked.map((i) => i.id)).size !== checked.length) refuse();
    checkLayout(checked, bodyLength as number);
    return {
      ok: true,
      manifest: {
        format: BUNDLE_FORMAT,
        version: BUNDLE_VERSION,
        bundleId: bundleId as string,
        createdAt: createdAt as string,
        signer: { terminalId: s.terminalId as string, relayId: s.relayId as string | null, keyId: s.keyId as string },
        bodyLength: bodyLength as number,
        items: checked,
      },
    };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problem: error.problem };
    throw error;
  }
}
