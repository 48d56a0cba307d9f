/**
 * The rules that tie a sealed application's attachment references to its answers: every
 * photo or signature answer names exactly one reference of that field, every reference is
 * named by an answer, and each reference is well formed and within its field's limit.
 * The server runs it after opening the payload; its findings are per-field errors.
 */
import { isUuid } from '../ids/uuid.ts';
import { allFields } from '../forms/fields.ts';
import type { Answers, FieldDefinition, FieldError, ServiceDefinition } from '../forms/types.ts';
import { ATTACHMENT_MEDIA_TYPES, DEFAULT_MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, type AttachmentRef } from '../sync/protocol.ts';

export const isAttachmentField = (field: FieldDefinition): boolean => field.type === 'photo' || field.type === 'signature';
export const maxBytesOf = (field: FieldDefinition): number => field.maxBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Reads an untrusted `attachments` value: the references, or a reason it is not a list of them. */
export function readAttachmentRefs(value: unknown): { ok: true; refs: AttachmentRef[] } | { ok: false; detail: string } {
  if (value === undefined) return { ok: true, refs: [] };
  if (!Array.isArray(value)) return { ok: false, detail: 'attachments must be an array' };
  if (value.length > MAX_ATTACHMENTS) return { ok: false, detail: `at most ${MAX_ATTACHMENTS} attachments` };
  const refs: AttachmentRef[] = [];
  const ids = new Set<string>();
  for (const item of value as unknown[]) {
    const r = item as Partial<AttachmentRef> | null;
    if (!r || typeof r !== 'object') return { ok: false, detail: 'an attachment reference must be an object' };
    if (!isUuid(r.id) || ids.has(r.id)) return { ok: false, detail: 'attachment ids must be distinct lower-case UUIDs' };
    if (typeof r.field !== 'string' || r.field.length > 64) return { ok: false, detail: 'attachment field must be a field id' };
    if (!(ATTACHMENT_MEDIA_TYPES as readonly unknown[]).includes(r.mediaType)) return { ok: false, detail: 'attachment mediaType must be image/jpeg, image/webp or image/png' };
    if (typeof r.size !== 'number' || !Number.isInteger(r.size) || r.size < 1) return { ok: false, detail: 'attachment size must be a positive integer' };
    if (typeof r.sha256 !== 'string' || !SHA256_HEX.test(r.sha256)) return { ok: false, detail: 'attachment sha256 must be 64 lower-case hex digits' };
    ids.add(r.id);
    refs.push({ id: r.id, field: r.field, mediaType: r.mediaType!, size: r.size, sha256: r.sha256 });
  }
  return { ok: true, refs };
}

/** Per-field errors ('wrong-type' for a reference that does not fit its answer, 'too-large' over maxBytes). */
export function attachmentRefErrors(def: ServiceDefinition, answers: Answers, refs: readonly AttachmentRef[]): FieldError[] {
  const errors: FieldError[] = [];
  const byId = new Map(refs.map((r) => [r.id, r]));
  const named = new Set<string>();
  for (const field of allFields(def).filter(isAttachmentField)) {
    const value = answers[field.id];
    if (value === undefined || value === null) continue;
    const ref = typeof value === 'string' ? byId.get(value) : undefined;
    if (!ref || ref.field !== field.id) {
      errors.push({ field: field.id, code: 'wrong-type' });
      continue;
    }
    named.add(ref.id);
    if (ref.size > maxBytesOf(field)) errors.push({ field: field.id, code: 'too-large', params: { max: maxBytesOf(field) } });
  }
  for (const ref of refs) if (!named.has(ref.id)) errors.push({ field: ref.field, code: 'unknown-field' });
  return errors;
}
