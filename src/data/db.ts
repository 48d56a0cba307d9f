/**
 * The kiosk's IndexedDB database. Opened with strict durability: Chromium otherwise
 * acknowledges a write before it reaches the disk, and an application the citizen was
 * told is "saved" must survive a power cut (DESIGN §2.2).
 */
import Dexie, { type Table } from 'dexie';
import type { ServiceDefinition } from '../core/forms/types.ts';
import type { OutboxItem } from '../core/outbox/types.ts';
import type { StoredDraft } from './draft.ts';
import type { AuditEvent } from '../core/sync/protocol.ts';
import type { SearchIndex } from '../core/search/search-index.ts';

export interface CatalogEntry {
  id: string; // service id
  definition: ServiceDefinition;
}

/** Small key/value facts about this terminal: catalog version and ETag, terminal id, … */
export interface MetaEntry {
  key: string;
  value: unknown;
}

/** The key that encrypts the current citizen's draft; deleted when the session ends. */
export interface SessionKeyEntry {
  id: 'current';
  key: CryptoKey; // AES-GCM, non-extractable: script can use it but never read it out
  startedAt: number;
}

/** The local, append-only audit log; `seq` orders it and marks what the server has. */
export interface AuditEntry {
  seq?: number;
  event: AuditEvent;
}

export class RelaisDb extends Dexie {
  catalog!: Table<CatalogEntry, string>;
  meta!: Table<MetaEntry, string>;
  drafts!: Table<StoredDraft, string>;
  outbox!: Table<OutboxItem, string>;
  sessionKeys!: Table<SessionKeyEntry, string>;
  audit!: Table<AuditEntry, number>;
  searchIndex!: Table<SearchIndex, number>;

  constructor(name = 'relais', options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    super(name, { ...options, chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      catalog: 'id',
      meta: 'key',
      drafts: 'id, updatedAt',
      // [status+nextAttemptAt] finds due items without scanning delivered ones.
      outbox: 'id, status, [status+nextAttemptAt], queuedAt',
    });
    // Version 3 (version 2 is the search index's): citizen sessions and the audit log.
    // Drafts are now stored encrypted; plaintext drafts from version 1 cannot be kept.
    this.version(3)
      .stores({ sessionKeys: 'id', audit: '++seq' })
      .upgrade((tx) => tx.table('drafts').clear());
    // Version 2: the catalog's search index, built once per catalog version (in a worker)
    // and kept until the next one replaces it (src/data/search-index-store.ts).
    this.version(2).stores({ searchIndex: 'catalogVersion' });
  }
}

let shared: RelaisDb | undefined;

/** The page's one connection (a second one would only add blocked-upgrade races). */
export function db(): RelaisDb {
  shared ??= new RelaisDb();
  return shared;
}
