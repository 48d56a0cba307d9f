/**
 * Reads the catalog folder (one ServiceDefinition per `<id>.json`). A file that is not
 * JSON, fails validation or is misnamed is skipped with its reasons logged: one bad file
 * must never keep the rest of the catalog from citizens, nor stop the server.
 * With CATALOG_GENERATED=N, N generated services are added (generated-catalog.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { validateServiceDefinition } from '../../src/core/catalog/validate-service.ts';
import type { ServiceDefinition } from '../../src/core/forms/types.ts';
import { generatedServices, generatedSettings, type GeneratedSettings } from './generated-catalog.ts';

export interface RejectedFile {
  file: string;
  /** The service id the file is named after: it stays as last published (see publishCatalog). */
  id: string;
  errors: string[];
}

export interface LoadedCatalog {
  services: ServiceDefinition[];
  rejected: RejectedFile[];
}

function checkFile(path: string, id: string): { service: ServiceDefinition } | { errors: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { errors: [`not readable JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  let check: ReturnType<typeof validateServiceDefinition>;
  try {
    check = validateServiceDefinition(json);
  } catch (error) {
    return { errors: [`could not be checked: ${error instanceof Error ? error.message : String(error)}`] };
  }
  if (!check.ok) return { errors: check.errors };
  // The file name is the id (catalog/README.md); a copied file with a stale id would
  // otherwise silently replace another service.
  if (check.service.id !== id) return { errors: [`/id: '${check.service.id}' does not match the file name '${id}'`] };
  return { service: check.service };
}

/** Throws only when the folder itself cannot be read (or CATALOG_GENERATED is not a number). */
export function loadCatalog(dir: string, generated: GeneratedSettings = generatedSettings()): LoadedCatalog {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort();
  const services: ServiceDefinition[] = [];
  const rejected: RejectedFile[] = [];
  for (const file of files) {
    const id = basename(file, '.json');
    const result = checkFile(join(dir, file), id);
    if ('service' in result) {
      services.push(result.service);
    } else {
      console.warn(`Catalog file ${file} skipped: ${result.errors.join('; ')}`);
      rejected.push({ file, id, errors: result.errors });
    }
  }
  // The folder wins over a generated service of the same id (none today: generated ids
  // end in an action, e.g. "-request").
  const taken = new Set([...services.map((s) => s.id), ...rejected.map((r) => r.id)]);
  for (const service of generatedServices(generated)) if (!taken.has(service.id)) services.push(service);
  return { services, rejected };
}
