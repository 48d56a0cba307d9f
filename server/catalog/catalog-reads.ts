/**
 * What the API reads from the published catalog: the version, the full catalog or what
 * changed since a version, and the definition a submission was filled against.
 */
import type { ServiceDefinition } from '../../src/core/forms/types.ts';
import type { CatalogResponse } from '../../src/core/sync/protocol.ts';
import type { Db, Queryable } from '../store/db.ts';

export async function catalogVersion(db: Queryable): Promise<number> {
  const [row] = await db.query<{ version: number }>('SELECT coalesce(max(version), 0)::int AS version FROM catalog_versions');
  return row?.version ?? 0;
}

/** The full catalog (since === null) or the delta after `since`, from one snapshot. */
export async function readCatalog(db: Db, since: number | null): Promise<CatalogResponse> {
  return db.transaction(async (tx) => {
    // One snapshot for all three reads, so a publication landing in between cannot give
    // a version that does not match the services listed.
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    const version = await catalogVersion(tx);
    const live = await tx.query<{ definition: ServiceDefinition }>(
      `SELECT definition FROM catalog_services
        WHERE removed_in_version IS NULL AND changed_in_version > $1 ORDER BY service_id`,
      [since ?? 0],
    );
    const services = live.map((row) => row.definition);
    if (since === null) return { version, full: true, services, removed: [] };
    const gone = await tx.query<{ service_id: string }>(
      'SELECT service_id FROM catalog_services WHERE removed_in_version > $1 ORDER BY service_id',
      [since],
    );
    return { version, full: false, services, removed: gone.map((row) => row.service_id) };
  });
}

export type FormLookup =
  | { found: true; definition: ServiceDefinition }
  | { found: false; code: 'unknown-service' | 'unknown-form-version' };

/** Any form version ever published, so an application filled offline on an older one still validates. */
export async function findFormVersion(db: Queryable, serviceId: string, formVersion: number): Promise<FormLookup> {
  const [row] = await db.query<{ definition: ServiceDefinition }>(
    'SELECT definition FROM catalog_form_versions WHERE service_id = $1 AND form_version = $2',
    [serviceId, formVersion],
  );
  if (row) return { found: true, definition: row.definition };
  const [known] = await db.query('SELECT 1 FROM catalog_form_versions WHERE service_id = $1 LIMIT 1', [serviceId]);
  return { found: false, code: known ? 'unknown-form-version' : 'unknown-service' };
}
