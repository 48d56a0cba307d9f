/**
 * Photos and signatures from the server's side: each sealed attachment arrives in chunks
 * (PUT with Content-Range), GET says how much is held so an upload resumes, and the
 * application that names them is refused with a retryable 409 until every one is whole.
 * Once accepted, the server has opened each one: the stored bytes are the kiosk's image,
 * byte for byte. A refusal stores nothing.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { attachmentRef, sealAttachment } from '../../src/core/attachments/seal.ts';
import { sealContent } from '../../src/core/crypto/envelope.ts';
import { sealingKeyOf } from '../../src/core/crypto/keys.ts';
import { attachmentPath, type AttachmentRef, type AttachmentUploadStatus, type Problem } from '../../src/core/sync/protocol.ts';
import { createApp } from '../../server/app.ts';
import { publishCatalog } from '../../server/catalog/publish-catalog.ts';
import { demoServices } from './helpers/catalog.ts';
import { TEST_KEY, testKeys } from './helpers/keys.ts';
import { postSubmission } from './helpers/submissions.ts';
import { STORES, useTestDb } from './helpers/test-db.ts';
import { enrollForTest, useDeviceToken, withDevice } from './helpers/terminal.ts';
import { enrollTerminal } from '../../server/terminals/terminal-store.ts';
import { ABANDONED_UPLOAD_DAYS, purgeAbandonedUploads } from '../../server/attachments/upload-store.ts';

const CHUNK = 64 * 1024;
const ANSWERS = {
  reason: 'first',
  fullName: 'Youssef Ait Lahcen',
  birthDate: '1990-04-02',
  address: 'Douar Tagmoute, Tafraout',
  availableFrom: '2026-03-10',
  timeSlots: ['morning'],
  phone: '0612345678',
};

/** A cnie-appointment application with a photo (and optionally a signature), sealed as a kiosk seals it. */
async function application(options: { photo?: Uint8Array; signature?: Uint8Array; refOverride?: Partial<AttachmentRef> } = {}) {
  const id = randomUUID();
  const key = sealingKeyOf(TEST_KEY);
  const files: Array<{ ref: AttachmentRef; bytes: Uint8Array; sealed: Uint8Array }> = [];
  const answers: Record<string, unknown> = { ...ANSWERS };
  const add = async (field: string, mediaType: AttachmentRef['mediaType'], bytes: Uint8Array) => {
    const attachmentId = randomUUID();
    const ref = { ...(await attachmentRef(attachmentId, field, mediaType, bytes)), ...(field === 'cniePhoto' ? options.refOverride : {}) };
    files.push({ ref, bytes, sealed: await sealAttachment(bytes, key, id, attachmentId) });
    answers[field] = attachmentId;
  };
  await add('cniePhoto', 'image/jpeg', options.photo ?? randomBytes(150_000));
  if (options.signature) await add('signature', 'image/png', options.signature);
  const payload = await sealContent({ answers: answers as never, attachments: files.map((f) => f.ref) }, key, id);
  const request = {
    id,
    serviceId: 'cnie-appointment',
    formVersion: 2,
    terminalId: 'relay-tafraout-01',
    language: 'fr',
    createdAt: '2026-03-02T09:00:00.000Z',
    submittedAt: '2026-03-02T09:12:30.000Z',
    payload,
  };
  return { id, request, files };
}

async function put(app: Hono, id: string, attachmentId: string, sealed: Uint8Array, start: number, end: number): Promise<Response> {
  return app.request(attachmentPath(id, attachmentId), {
    method: 'PUT',
    headers: { 'Content-Type': 'application/octet-stream', 'Content-Range': `bytes ${start}-${end - 1}/${sealed.length}` },
    body: sealed.slice(start, end),
  });
}

async function uploadAll(app: Hono, id: string, file: { ref: AttachmentRef; sealed: Uint8Array }, from = 0): Promise<number> {
  let requests = 0;
  for (let start = from; start < file.sealed.length; start += CHUNK) {
    const res = await put(app, id, file.ref.id, file.sealed, start, Math.min(file.sealed.length, start + CHUNK));
    expect(res.status).toBe(200);
    requests++;
  }
  return requests;
}

const status = async (app: Hono, id: string, attachmentId: string) => app.request(attachmentPath(id, attachmentId));

describe.each(STORES)('attachments (%s)', (kind) => {
  const db = useTestDb(kind);
  const device = useDeviceToken(db);
  const app = () => withDevice(createApp({ db: db(), keys: testKeys(), version: 'test' }), device());
  const count = async (table: string) => (await db().query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

  beforeEach(async () => {
    await publishCatalog(db(), demoServices());
  });

  it('takes a photo in 64 KB chunks, then the application; the stored image is byte-identical to the one sealed', async () => {
    const photo = randomBytes(200_000);
    const { id, request, files } = await application({ photo });
    const chunks = await uploadAll(app(), id, files[0]!);
    expect(chunks).toBe(Math.ceil((200_000 + 81) / CHUNK));
    const held = (await (await status(app(), id, files[0]!.ref.id)).json()) as AttachmentUploadStatus;
    expect(held).toEqual({ received: 200_081, total: 200_081, complete: true });

    const res = await postSubmission(app(), request);
    expect(res.status).toBe(201);
    const [row] = await db().query<{ data: Uint8Array; sha256: string; size: number; media_type: string; field_id: string }>(
      'SELECT data, sha256, size, media_type, field_id FROM submission_attachments WHERE submission_id = $1',
      [id],
    );
    expect(Buffer.from(row!.data).equals(Buffer.from(photo))).toBe(true);
    expect(row!.sha256).toBe(createHash('sha256').update(photo).digest('hex'));
    expect({ size: row!.size, media_type: row!.media_type, field_id: row!.field_id }).toEqual({ size: 200_000, media_type: 'image/jpeg', field_id: 'cniePhoto' });
    // The sealed upload is gone; GET still answers "whole" so a kiosk that lost the receipt skips re-uploading.
    expect(await count('attachment_uploads')).toBe(0);
    expect(((await (await status(app(), id, files[0]!.ref.id)).json()) as AttachmentUploadStatus).complete).toBe(true);
    // A resent application (lost receipt) replays the first answer.
    const again = await postSubmission(app(), request);
    expect(again.status).toBe(201);
  });

  it('resumes a dropped upload where the server stopped, and refuses a chunk that skips ahead with its position', async () => {
    const { id, request, files } = await application({ photo: randomBytes(180_000), signature: randomBytes(5_000) });
    const [photo, signature] = files as [(typeof files)[0], (typeof files)[0]];
    expect((await status(app(), id, photo.ref.id)).status).toBe(404);
    // Two chunks go through, then "the link drops".
    await put(app(), id, photo.ref.id, photo.sealed, 0, CHUNK);
    await put(app(), id, photo.ref.id, photo.sealed, CHUNK, 2 * CHUNK);
    const held = (await (await status(app(), id, photo.ref.id)).json()) as AttachmentUploadStatus;
    expect(held).toEqual({ received: 2 * CHUNK, total: photo.sealed.length, complete: false });

    // A chunk past the hole is refused with where the upload stands.
    const skip = await put(app(), id, photo.ref.id, photo.sealed, 2 * CHUNK + 10, 2 * CHUNK + 20);
    expect(skip.status).toBe(409);
    const problem = (await skip.json()) as Problem & AttachmentUploadStatus;
    expect(problem.code).toBe('upload-offset-mismatch');
    expect(problem.received).toBe(2 * CHUNK);
    // A chunk already held (its answer was lost) is fine and changes nothing.
    expect((await put(app(), id, photo.ref.id, photo.sealed, 0, CHUNK)).status).toBe(200);

    // The application before the uploads are whole: a retryable 409, nothing stored.
    const early = await postSubmission(app(), request);
    expect(early.status).toBe(409);
    expect(((await early.json()) as Problem).code).toBe('attachments-incomplete');
    expect(await count('submissions')).toBe(0);
    expect(await count('submission_attachments')).toBe(0);

    // Resume from the server's position: only the rest is sent.
    expect(await uploadAll(app(), id, photo, held.received)).toBe(Math.ceil((photo.sealed.length - 2 * CHUNK) / CHUNK));
    const missingSignature = await postSubmission(app(), request);
    expect(missingSignature.status).toBe(409);
    await uploadAll(app(), id, signature);
    const res = await postSubmission(app(), request);
    expect(res.status).toBe(201);
    const rows = await db().query<{ attachment_id: string; data: Uint8Array }>('SELECT attachment_id::text AS attachment_id, data FROM submission_attachments WHERE submission_id = $1', [id]);
    expect(rows).toHaveLength(2);
    for (const file of files) {
      const row = rows.find((r) => r.attachment_id === file.ref.id)!;
      expect(Buffer.from(row.data).equals(Buffer.from(file.bytes))).toBe(true);
    }
  });

  it('refuses an attachment whose SHA-256 differs from its reference (422, nothing stored, the bad upload dropped)', async () => {
    const { id, request, files } = await application({ refOverride: { sha256: 'ab'.repeat(32) } });
    await uploadAll(app(), id, files[0]!);
    const res = await postSubmission(app(), request);
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).code).toBe('attachment-mismatch');
    expect(await count('submissions')).toBe(0);
    expect(await count('submission_attachments')).toBe(0);
    expect(await count('audit_events')).toBe(0);
    expect(await count('attachment_uploads')).toBe(0);
  });

  it('refuses a tampered upload and one moved from another application (they do not open)', async () => {
    const tampered = await application();
    const bytes = new Uint8Array(tampered.files[0]!.sealed);
    bytes[500]! ^= 1;
    await uploadAll(app(), tampered.id, { ...tampered.files[0]!, sealed: bytes });
    const res = await postSubmission(app(), tampered.request);
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).code).toBe('attachment-mismatch');

    // The sealed bytes of application A uploaded under application B's ids.
    const a = await application();
    const b = await application();
    const moved = { ref: b.files[0]!.ref, sealed: a.files[0]!.sealed };
    await uploadAll(app(), b.id, moved);
    expect((await postSubmission(app(), b.request)).status).toBe(422);
    expect(await count('submissions')).toBe(0);
    expect(await count('submission_attachments')).toBe(0);
  });

  it('refuses bad chunks: no Content-Range, a body that differs from it, too large, another terminal adding to an upload', async () => {
    const { id, files } = await application();
    const path = attachmentPath(id, files[0]!.ref.id);
    expect((await app().request(path, { method: 'PUT', body: new Uint8Array(10) })).status).toBe(400);
    const short = await app().request(path, { method: 'PUT', headers: { 'Content-Range': 'bytes 0-99/1000' }, body: new Uint8Array(10) });
    expect(short.status).toBe(400);
    const huge = await app().request(path, { method: 'PUT', headers: { 'Content-Range': 'bytes 0-9/999999999' }, body: new Uint8Array(10) });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as Problem).code).toBe('attachment-too-large');
    const bigChunk = await app().request(path, { method: 'PUT', headers: { 'Content-Range': 'bytes 0-299999/300000' }, body: new Uint8Array(300_000) });
    expect(bigChunk.status).toBe(413);
    expect((await app().request(attachmentPath('not-a-uuid', files[0]!.ref.id))).status).toBe(400);
    expect(await count('attachment_uploads')).toBe(0);

    await put(app(), id, files[0]!.ref.id, files[0]!.sealed, 0, CHUNK);
    const foreign = await enrollTerminal(db(), { terminalId: 'elsewhere-01', relayId: 'relay-elsewhere', relayName: 'Another relay', label: 'elsewhere-01', enrolledBy: 'supervisor-test' });
    const other = withDevice(createApp({ db: db(), keys: testKeys(), version: 'test' }), foreign.token);
    const intruder = await put(other, id, files[0]!.ref.id, files[0]!.sealed, CHUNK, 2 * CHUNK);
    expect(intruder.status).toBe(403);
    expect(((await intruder.json()) as Problem).code).toBe('terminal-mismatch');
    expect((await put(other, id, files[0]!.ref.id, files[0]!.sealed, 0, CHUNK)).status).toBe(403);
    // Without a device token, nothing at all.
    const bare = createApp({ db: db(), keys: testKeys(), version: 'test' });
    expect((await bare.request(path)).status).toBe(401);
  });

  it('lets another terminal of the relay take over a photo upload the first one left half done (a forwarded bundle), then stores the application once', async () => {
    const { id, request, files } = await application();
    const file = files[0]!;
    await put(app(), id, file.ref.id, file.sealed, 0, CHUNK); // terminal A, then its link drops for good
    const b = withDevice(createApp({ db: db(), keys: testKeys(), version: 'test' }), await enrollForTest(db(), 'relay-test-02'));
    // B asks where the upload stands and goes on from there as A would: the server sends it back to byte 0.
    const resumed = await put(b, id, file.ref.id, file.sealed, CHUNK, 2 * CHUNK);
    expect(resumed.status).toBe(409);
    expect(((await resumed.json()) as AttachmentUploadStatus).received).toBe(0);
    expect(await uploadAll(b, id, file)).toBe(Math.ceil(file.sealed.length / CHUNK));
    expect((await postSubmission(b, request, id)).status).toBe(201);
    const [stored] = await db().query<{ data: Uint8Array }>('SELECT data FROM submission_attachments WHERE submission_id = $1', [id]);
    expect(Buffer.from(stored!.data).equals(Buffer.from(file.bytes))).toBe(true);
    // A comes back: its upload finds the attachment whole and its retry is the same application.
    expect(((await (await status(app(), id, file.ref.id)).json()) as AttachmentUploadStatus).complete).toBe(true);
    const again = await postSubmission(app(), request, id);
    expect(again.status).toBe(201); // the first answer, replayed
    expect(await count('submissions')).toBe(1);
  });

  it('clears uploads left half done for 30 days; their terminal, back later, sends the photo again from byte 0 and it is stored', async () => {
    const { id, request, files } = await application();
    const file = files[0]!;
    await put(app(), id, file.ref.id, file.sealed, 0, CHUNK); // then the terminal is gone for weeks
    const other = await application();
    await put(app(), other.id, other.files[0]!.ref.id, other.files[0]!.sealed, 0, CHUNK); // touched recently
    const later = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000);
    await db().query('UPDATE attachment_uploads SET updated_at = $2::timestamptz WHERE application_id = $1', [other.id, later(10).toISOString()]);

    expect(await purgeAbandonedUploads(db(), later(ABANDONED_UPLOAD_DAYS - 1))).toBe(0);
    expect(await purgeAbandonedUploads(db(), later(ABANDONED_UPLOAD_DAYS + 1))).toBe(1);
    expect(await db().query('SELECT application_id::text AS id FROM attachment_uploads')).toEqual([{ id: other.id }]);

    expect((await status(app(), id, file.ref.id)).status).toBe(404);
    const resumed = await put(app(), id, file.ref.id, file.sealed, CHUNK, 2 * CHUNK);
    expect(resumed.status).toBe(409);
    expect(((await resumed.json()) as AttachmentUploadStatus).received).toBe(0);
    expect(await uploadAll(app(), id, file)).toBe(Math.ceil(file.sealed.length / CHUNK));
    expect((await postSubmission(app(), request, id)).status).toBe(201);
    const [stored] = await db().query<{ data: Uint8Array }>('SELECT data FROM submission_attachments WHERE submission_id = $1', [id]);
    expect(Buffer.from(stored!.data).equals(Buffer.from(file.bytes))).toBe(true);
  });

  it('refuses references that do not fit the answers: a photo answer naming no reference, a reference no answer names, over maxBytes', async () => {
    const key = sealingKeyOf(TEST_KEY);
    const post = async (answers: Record<string, unknown>, attachments: AttachmentRef[]) => {
      const id = randomUUID();
      const payload = await sealContent({ answers: answers as never, attachments }, key, id);
      const body = { id, serviceId: 'cnie-appointment', formVersion: 2, terminalId: 'relay-tafraout-01', language: 'fr', createdAt: '2026-03-02T09:00:00.000Z', submittedAt: '2026-03-02T09:12:30.000Z', payload };
      const res = await postSubmission(app(), body);
      return { status: res.status, problem: (await res.json()) as Problem };
    };
    const photoId = randomUUID();
    const ref: AttachmentRef = { id: photoId, field: 'cniePhoto', mediaType: 'image/jpeg', size: 1000, sha256: 'cd'.repeat(32) };
    const dangling = await post({ ...ANSWERS, cniePhoto: photoId }, []);
    expect(dangling.status).toBe(422);
    expect(dangling.problem.errors).toEqual([{ field: 'cniePhoto', code: 'wrong-type' }]);
    const unnamed = await post({ ...ANSWERS }, [ref]);
    expect(unnamed.problem.errors).toEqual([{ field: 'cniePhoto', code: 'unknown-field' }]);
    const tooBig = await post({ ...ANSWERS, cniePhoto: photoId }, [{ ...ref, size: 2_000_000 }]);
    expect(tooBig.problem.errors).toEqual([{ field: 'cniePhoto', code: 'too-large', params: { max: 1_048_576 } }]);
    const notUuid = await post({ ...ANSWERS, cniePhoto: 'photo.jpg' }, []);
    expect(notUuid.problem.errors).toEqual([{ field: 'cniePhoto', code: 'wrong-type' }]);
    const malformed = await post({ ...ANSWERS, cniePhoto: photoId }, [{ ...ref, sha256: 'nope' }]);
    expect(malformed.problem.code).toBe('invalid-request');
    expect(await count('submissions')).toBe(0);
  });
});
