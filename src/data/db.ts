/**
 * The kiosk's IndexedDB database. Opened with strict durability: Chromium otherwise
 * acknowledges a write before it reaches the disk, and an application the citizen was
 * told is "saved" must survive a power cut (DESIGN §2.2).
 */
import Dexie, { type Table } from 'dexie';
import type { ServiceDefinition } from '../core/forms/types.ts';
import type { OutboxItem } from '../core/outbox/types.ts';
import type { Draft } from './draft.ts';

export interface CatalogEntry {
  id: string; // service id
  definition: ServiceDefinition;
}

/** Small key/value facts about this terminal: catalog version and ETag, terminal id, … */
export interface MetaEntry {
  key: string;
  value: unknown;
}

export class RelaisDb extends Dexie {
  catalog!: Table<CatalogEntry, string>;
  meta!: Table<MetaEntry, string>;
  drafts!: Table<Draft, string>;
  outbox!: Table<OutboxItem, string>;

  constructor(name = 'relais', options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    super(name, { ...options, chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      catalog: 'id',
      meta: 'key',
      drafts: 'id, updatedAt',
      // [status+nextAttemptAt] finds due items without scanning delivered ones.
      outbox: 'id, status, [status+nextAttemptAt], queuedAt',
    });
  }
}

let shared: RelaisDb | undefined;

/** The page's one connection (a second one would only add blocked-upgrade races). */
export function db(): RelaisDb {
  shared ??= new RelaisDb();
  return shared;
}
