/**
 * Publishes a set of service definitions: when anything was added, changed or removed,
 * the catalog version is bumped once and each change is stamped with it, so a kiosk can
 * ask for what changed since the version it holds. Publishing the same files again
 * changes nothing. Runs under an advisory lock so two API nodes starting together do not
 * both bump the version.
 */
import type { ServiceDefinition } from '../../src/core/forms/types.ts';
import type { Queryable, Db } from '../store/db.ts';
import { isEmptyPlan, planChanges, type IncomingService, type Refusal, type StoredService } from './plan-changes.ts';

const PUBLISH_LOCK = 7_265_128;

export interface PublishOptions {
  /** Ids to leave as they are (their files exist but are invalid): never removed. */
  keep?: readonly string[];
  now?: Date;
}

export interface PublishResult {
  version: number; // the catalog version after publishing
  bumped: boolean;
  added: string[];
  changed: string[];
  removed: string[];
  refused: Refusal[];
}

async function storedServices(tx: Queryable): Promise<StoredService[]> {
  const rows = await tx.query<{ service_id: string; form_version: number; content_hash: string; form_hash: string; removed: boolean }>(
    `SELECT service_id, form_version, content_hash, form_hash, removed_in_version IS NOT NULL AS removed
       FROM catalog_services`,
  );
  return rows.map((r) => ({ id: r.service_id, formVersion: r.form_version, contentHash: r.content_hash, formHash: r.form_hash, removed: r.removed }));
}

async function upsert(tx: Queryable, next: IncomingService, version: number): Promise<void> {
  const { service } = next;
  const definition = JSON.stringify(service);
  await tx.query(
    `INSERT INTO catalog_services (service_id, form_version, definition, content_hash, form_hash, changed_in_version, removed_in_version)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6, NULL)
     ON CONFLICT (service_id) DO UPDATE SET form_version = EXCLUDED.form_version, definition = EXCLUDED.definition,
       content_hash = EXCLUDED.content_hash, form_hash = EXCLUDED.form_hash,
       changed_in_version = EXCLUDED.changed_in_version, removed_in_version = NULL`,
    [service.id, service.version, definition, next.contentHash, next.formHash, version],
  );
  // Same form version again means a text-only fix (planChanges checked the form hash):
  // take the new texts, keep the version it was first published in.
  await tx.query(
    `INSERT INTO catalog_form_versions (service_id, form_version, definition, form_hash, published_in_version)
     VALUES ($1, $2, $3::jsonb, $4, $5)
     ON CONFLICT (service_id, form_version) DO UPDATE SET definition = EXCLUDED.definition`,
    [service.id, service.version, definition, next.formHash, version],
  );
}

export async function publishCatalog(db: Db, services: readonly ServiceDefinition[], options: PublishOptions = {}): Promise<PublishResult> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [PUBLISH_LOCK]);
    const [row] = await tx.query<{ version: number }>('SELECT coalesce(max(version), 0)::int AS version FROM catalog_versions');
    const current = row?.version ?? 0;
    const plan = planChanges(await storedServices(tx), services, options.keep);
    for (const { id, reason } of plan.refused) console.warn(`Catalog service ${id} not published: ${reason}`);
    const result = {
      added: plan.added.map((s) => s.service.id),
      changed: plan.changed.map((s) => s.service.id),
      removed: plan.removed,
      refused: plan.refused,
    };
    if (isEmptyPlan(plan)) return { version: current, bumped: false, ...result };

    const version = current + 1;
    const changes = { added: result.added, changed: result.changed, removed: result.removed };
    await tx.query('INSERT INTO catalog_versions (version, published_at, changes) VALUES ($1, $2::timestamptz, $3::jsonb)', [
      version,
      (options.now ?? new Date()).toISOString(),
      JSON.stringify(changes),
    ]);
    for (const next of [...plan.added, ...plan.changed]) await upsert(tx, next, version);
    for (const id of plan.removed) {
      await tx.query('UPDATE catalog_services SET removed_in_version = $1 WHERE service_id = $2', [version, id]);
    }
    return { version, bumped: true, ...result };
  });
}
