import { describe, expect, it } from 'vitest';
import { contentRange, nextChunk, parseContentRange, serverOffset, uploadSealedAttachment, type AttachmentTransport } from '../../../../src/core/attachments/upload.ts';
import type { AttachmentUploadStatus } from '../../../../src/core/sync/protocol.ts';
import { readAttachmentRefs, attachmentRefErrors } from '../../../../src/core/attachments/refs.ts';
import { validateServiceDefinition } from '../../../../src/core/catalog/validate-service.ts';
import { minimalService } from '../../../fixtures/catalog/minimal-service.ts';
import type { FieldDefinition } from '../../../../src/core/forms/types.ts';

describe('chunk ranges', () => {
  it('cuts 64 KB chunks from an offset, the last one short, none at the end', () => {
    expect(nextChunk(0, 150_000)).toEqual({ start: 0, end: 65_536 });
    expect(nextChunk(131_072, 150_000)).toEqual({ start: 131_072, end: 150_000 });
    expect(nextChunk(150_000, 150_000)).toBeNull();
    expect(() => nextChunk(150_001, 150_000)).toThrow(RangeError);
    expect(() => nextChunk(-1, 10)).toThrow(RangeError);
  });

  it('writes and reads Content-Range with an inclusive end, refusing inconsistent ones', () => {
    expect(contentRange({ start: 0, end: 65_536 }, 150_000)).toBe('bytes 0-65535/150000');
    expect(parseContentRange('bytes 0-65535/150000')).toEqual({ start: 0, end: 65_536, total: 150_000 });
    for (const bad of [null, '', 'bytes 10-5/100', 'bytes 0-100/100', 'bytes */100', 'items 0-1/2', 'bytes 0-1/2, 3-4/5', 'bytes -1-5/10']) {
      expect(parseContentRange(bad)).toBeNull();
    }
  });

  it('reads the server position only when it fits the upload', () => {
    expect(serverOffset({ received: 10, total: 100, complete: false }, 100)).toBe(10);
    expect(serverOffset({ received: 10, total: 99 }, 100)).toBeNull();
    expect(serverOffset({ received: 101 }, 100)).toBeNull();
    expect(serverOffset(null, 100)).toBeNull();
  });
});

/** A server in memory that can drop the connection after storing a chunk. */
function fakeServer(options: { dropAfterStoring?: number[] } = {}) {
  let held = new Uint8Array(0);
  let total = -1;
  let puts = 0;
  const ranges: string[] = [];
  const status = (): AttachmentUploadStatus => ({ received: held.length, total, complete: held.length === total });
  const transport: AttachmentTransport = {
    async uploadStatus() {
      return total < 0 ? { status: 404, body: null, retryAfter: null } : { status: 200, body: status(), retryAfter: null };
    },
    async uploadChunk(_app, _att, start, chunk, size) {
      puts++;
      ranges.push(contentRange({ start, end: start + chunk.length }, size));
      if (total < 0) total = size;
      if (start !== held.length) return { status: 409, body: { code: 'upload-offset-mismatch', ...status() }, retryAfter: null };
      const next = new Uint8Array(held.length + chunk.length);
      next.set(held);
      next.set(chunk, held.length);
      held = next;
      if (options.dropAfterStoring?.includes(puts)) throw new TypeError('network error');
      return { status: 200, body: status(), retryAfter: null };
    },
  };
  return { transport, held: () => held, ranges };
}

describe('uploadSealedAttachment', () => {
  const sealed = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7) & 255);

  it('sends every chunk once and the server holds the exact bytes', async () => {
    const server = fakeServer();
    const result = await uploadSealedAttachment(server.transport, 'a', 'b', sealed);
    expect(result).toEqual({ ok: true, chunksSent: 4, resumedFrom: 0 });
    expect(Buffer.from(server.held()).equals(Buffer.from(sealed))).toBe(true);
  });

  it('after a dropped connection, resumes from where the server stopped: nothing sent twice', async () => {
    const server = fakeServer({ dropAfterStoring: [2] });
    await expect(uploadSealedAttachment(server.transport, 'a', 'b', sealed)).rejects.toThrow('network error');
    expect(server.held().length).toBe(131_072);
    const again = await uploadSealedAttachment(server.transport, 'a', 'b', sealed);
    expect(again).toEqual({ ok: true, chunksSent: 2, resumedFrom: 131_072 });
    expect(server.ranges).toEqual(['bytes 0-65535/200000', 'bytes 65536-131071/200000', 'bytes 131072-196607/200000', 'bytes 196608-199999/200000']);
    expect(Buffer.from(server.held()).equals(Buffer.from(sealed))).toBe(true);
  });

  it('an upload the server already holds whole sends nothing', async () => {
    const server = fakeServer();
    await uploadSealedAttachment(server.transport, 'a', 'b', sealed);
    expect(await uploadSealedAttachment(server.transport, 'a', 'b', sealed)).toEqual({ ok: true, chunksSent: 0, resumedFrom: 200_000 });
  });

  it('follows a 409 to the server position, and stops on any other refusal with the answer', async () => {
    const server = fakeServer();
    // The status query says nothing, but a first chunk had arrived (its answer was lost).
    let first = true;
    const lying: AttachmentTransport = {
      uploadStatus: async () => ({ status: 404, body: null, retryAfter: null }),
      uploadChunk: async (...args) => {
        if (first) {
          first = false;
          await server.transport.uploadChunk(...args);
        }
        return server.transport.uploadChunk(...args);
      },
    };
    expect(await uploadSealedAttachment(lying, 'a', 'b', sealed)).toMatchObject({ ok: true });
    expect(Buffer.from(server.held()).equals(Buffer.from(sealed))).toBe(true);

    const refusing: AttachmentTransport = {
      uploadStatus: async () => ({ status: 404, body: null, retryAfter: null }),
      uploadChunk: async () => ({ status: 413, body: { code: 'attachment-too-large' }, retryAfter: null }),
    };
    expect(await uploadSealedAttachment(refusing, 'a', 'b', sealed)).toEqual({ ok: false, response: { status: 413, body: { code: 'attachment-too-large' }, retryAfter: null } });
    const unauthorised: AttachmentTransport = { ...refusing, uploadStatus: async () => ({ status: 401, body: null, retryAfter: null }) };
    expect(await uploadSealedAttachment(unauthorised, 'a', 'b', sealed)).toMatchObject({ ok: false, response: { status: 401 } });
  });
});

describe('photo and signature fields in the form contract', () => {
  const label = { ar: 'صورة', fr: 'Photo' };
  const withField = (extra: Record<string, unknown>) => {
    const service = minimalService();
    service.steps[0]!.fields.push({ id: 'pic', label, ...extra } as unknown as FieldDefinition);
    return service;
  };

  it('the schema accepts photo and signature fields, with maxBytes', () => {
    expect(validateServiceDefinition(withField({ type: 'photo', maxBytes: 1_048_576 })).ok).toBe(true);
    expect(validateServiceDefinition(withField({ type: 'signature' })).ok).toBe(true);
  });

  it('refuses maxBytes out of bounds or on another type', () => {
    expect(validateServiceDefinition(withField({ type: 'photo', maxBytes: 10 })).ok).toBe(false);
    expect(validateServiceDefinition(withField({ type: 'photo', maxBytes: 1.5e9 })).ok).toBe(false);
    expect(validateServiceDefinition(withField({ type: 'text', maxBytes: 2048 })).ok).toBe(false);
  });

  it('reads references strictly and ties them to the answers', () => {
    const def = withField({ type: 'photo', maxBytes: 2048 });
    const id = '0b8a5c2e-4d1f-4a3b-9c7d-1e2f3a4b5c6d';
    const ref = { id, field: 'pic', mediaType: 'image/jpeg' as const, size: 1000, sha256: 'a'.repeat(64) };
    expect(readAttachmentRefs([ref])).toEqual({ ok: true, refs: [ref] });
    expect(readAttachmentRefs([ref, ref]).ok).toBe(false);
    expect(readAttachmentRefs([{ ...ref, mediaType: 'image/gif' }]).ok).toBe(false);
    expect(readAttachmentRefs('x').ok).toBe(false);
    expect(attachmentRefErrors(def, { pic: id }, [ref])).toEqual([]);
    expect(attachmentRefErrors(def, { pic: id }, [{ ...ref, size: 4096 }])).toEqual([{ field: 'pic', code: 'too-large', params: { max: 2048 } }]);
    expect(attachmentRefErrors(def, { pic: id }, [{ ...ref, field: 'other' }])).toEqual([
      { field: 'pic', code: 'wrong-type' },
      { field: 'other', code: 'unknown-field' },
    ]);
  });
});
