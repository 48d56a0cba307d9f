/** The sync pass with attachments: uploaded (resuming) before the application, retried when the link or the server says so, purged once delivered. */
import { describe, expect, it } from 'vitest';
import { newOutboxItem } from '../../../../src/core/outbox/state-machine.ts';
import { runSyncPass } from '../../../../src/core/outbox/sync-pass.ts';
import type { AttachmentTransport } from '../../../../src/core/attachments/upload.ts';
import { memoryStore, receiptFor, sampleRequest, scriptedTransport } from '../../../support/outbox-fixtures.ts';

function uploads(script: Array<'ok' | 'drop' | 413>) {
  const held = new Map<string, number>();
  const totals = new Map<string, number>();
  const log: string[] = [];
  const transport: AttachmentTransport = {
    async uploadStatus(_app, att) {
      log.push(`GET ${att}`);
      const n = held.get(att);
      return n === undefined ? { status: 404, body: null, retryAfter: null } : { status: 200, body: { received: n, total: totals.get(att)!, complete: n === totals.get(att) }, retryAfter: null };
    },
    async uploadChunk(_app, att, start, chunk, total) {
      log.push(`PUT ${att} ${start}`);
      const step = script.shift() ?? 'ok';
      if (step === 413) return { status: 413, body: { code: 'attachment-too-large' }, retryAfter: null };
      held.set(att, start + chunk.length);
      totals.set(att, total);
      if (step === 'drop') throw new TypeError('network');
      return { status: 200, body: { received: start + chunk.length, total, complete: start + chunk.length === total }, retryAfter: null };
    },
  };
  return { transport, log };
}

const sealed = (n: number) => new Uint8Array(n).fill(7);
const deps = (store: ReturnType<typeof memoryStore>, submit: ReturnType<typeof scriptedTransport>, files: AttachmentTransport) => ({
  store,
  transport: submit,
  attachments: files,
  now: () => 1_000,
  random: () => 0.5,
});

describe('sync pass with attachments', () => {
  it('uploads each attachment, then posts the application; delivered, the sealed bytes are dropped', async () => {
    const request = sampleRequest();
    const store = memoryStore([newOutboxItem(request, 'ABCDE-12345', 0, [{ id: 'att-1', sealed: sealed(100_000) }, { id: 'att-2', sealed: sealed(10) }])]);
    const submit = scriptedTransport([receiptFor(request.id)]);
    const files = uploads([]);
    const report = await runSyncPass(deps(store, submit, files.transport));
    expect(report.delivered).toBe(1);
    expect(files.log).toEqual(['GET att-1', 'PUT att-1 0', 'PUT att-1 65536', 'GET att-2', 'PUT att-2 0']);
    const item = store.items.get(request.id)!;
    expect(item.status).toBe('delivered');
    expect(item.attachments).toBeUndefined();
  });

  it('a dropped upload is a retry, and the next pass resumes where the server stopped', async () => {
    const request = sampleRequest();
    const store = memoryStore([newOutboxItem(request, 'ABCDE-12345', 0, [{ id: 'att-1', sealed: sealed(200_000) }])]);
    const submit = scriptedTransport([receiptFor(request.id)]);
    const files = uploads(['ok', 'drop']);
    const first = await runSyncPass(deps(store, submit, files.transport));
    expect(first).toMatchObject({ delivered: 0, retrying: 1 });
    expect(store.items.get(request.id)!.lastError).toEqual({ kind: 'network' });
    expect(submit.calls).toEqual([]); // never posted before the uploads were whole
    store.items.set(request.id, { ...store.items.get(request.id)!, nextAttemptAt: 0 });
    const second = await runSyncPass(deps(store, submit, files.transport));
    expect(second.delivered).toBe(1);
    expect(files.log.filter((l) => l.startsWith('PUT'))).toEqual(['PUT att-1 0', 'PUT att-1 65536', 'PUT att-1 131072', 'PUT att-1 196608']);
  });

  it('an upload the server refuses for good needs attention; a 409 attachments-incomplete is retried', async () => {
    const refused = sampleRequest();
    const store = memoryStore([newOutboxItem(refused, 'ABCDE-12345', 0, [{ id: 'att-1', sealed: sealed(10) }])]);
    await runSyncPass(deps(store, scriptedTransport([]), uploads([413]).transport));
    expect(store.items.get(refused.id)).toMatchObject({ status: 'needs-attention', lastError: { kind: 'rejected', status: 413, code: 'attachment-too-large' } });

    const waiting = sampleRequest();
    const store2 = memoryStore([newOutboxItem(waiting, 'ABCDE-12345', 0, [{ id: 'att-1', sealed: sealed(10) }])]);
    const incomplete = scriptedTransport([{ status: 409, retryAfter: null, body: { code: 'attachments-incomplete' } }]);
    const report = await runSyncPass(deps(store2, incomplete, uploads([]).transport));
    expect(report.retrying).toBe(1);
    expect(store2.items.get(waiting.id)).toMatchObject({ status: 'queued', lastError: { kind: 'server', status: 409, code: 'attachments-incomplete' } });
  });
});
