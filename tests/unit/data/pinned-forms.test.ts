/**
 * After a catalog update, the drafts and queued applications filled on an older form
 * version (they stay submittable: the server keeps every published version) are listed
 * for the supervisor; those on the current version, and settled ones, are not.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { olderFormVersions } from '../../../src/core/outbox/pinned-versions.ts';
import { RelaisDb } from '../../../src/data/db.ts';
import { startDraft } from '../../../src/data/drafts-repo.ts';
import { pinnedToOlderForms } from '../../../src/data/pinned-forms.ts';
import { markDelivered, markSending, newOutboxItem } from '../../../src/core/outbox/state-machine.ts';
import { demoService } from '../../support/catalog.ts';
import { sampleRequest } from '../../support/outbox-fixtures.ts';

const freshDb = () => new RelaisDb(`t-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });

describe('forms pinned to an older version', () => {
  it('keeps what is older than the current version, or whose service left the catalog', () => {
    const pins = [
      { kind: 'queued' as const, id: 'a', serviceId: 'life-certificate', formVersion: 1 },
      { kind: 'queued' as const, id: 'b', serviceId: 'life-certificate', formVersion: 2 },
      { kind: 'draft' as const, id: 'c', serviceId: 'gone', formVersion: 4 },
    ];
    expect(olderFormVersions(pins, new Map([['life-certificate', 2]]))).toEqual([
      { ...pins[0], currentVersion: 2 },
      { ...pins[2], currentVersion: null },
    ]);
  });

  it("lists this terminal's queued applications and the open draft on an older version, not delivered ones", async () => {
    const db = freshDb();
    const v1 = demoService('residence-certificate');
    const v2 = { ...v1, version: v1.version + 1 };
    const draft = await startDraft(db, v1, 'fr', 'consent-test-v1'); // a citizen is filling version 1
    const old = newOutboxItem({ ...sampleRequest(), serviceId: v1.id, formVersion: v1.version }, 'OLD', 1);
    const current = newOutboxItem({ ...sampleRequest(), serviceId: v1.id, formVersion: v2.version }, 'NEW', 2);
    const delivered = markDelivered(markSending(newOutboxItem({ ...sampleRequest(), serviceId: v1.id, formVersion: v1.version }, 'DONE', 3), 4), { id: 'x', trackingCode: 'DONE', receivedAt: '2026-11-23T10:00:00.000Z' }, 5);
    await db.outbox.bulkAdd([old, current, delivered]);
    await db.catalog.put({ id: v2.id, definition: v2 });
    const pinned = await pinnedToOlderForms(db);
    expect(pinned.map((p) => [p.kind, p.id, p.formVersion, p.currentVersion]).sort()).toEqual(
      [
        ['draft', draft.id, v1.version, v2.version],
        ['queued', old.id, v1.version, v2.version],
      ].sort(),
    );
    expect(pinned.find((p) => p.kind === 'queued')?.trackingCode).toBe('OLD');
  });
});
