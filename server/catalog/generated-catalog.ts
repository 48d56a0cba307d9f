/**
 * National-scale test catalogs: `CATALOG_GENERATED=2700` publishes that many generated
 * services (catalog/generator) beside the catalog folder's, for load tests, the bench and
 * trying the kiosk at the size of the national register. `CATALOG_GENERATED_SEED` picks
 * another catalog of the same size. Never set in production.
 */
import { DEFAULT_SEED, generateCatalog } from '../../catalog/generator/generate-catalog.ts';
import type { ServiceDefinition } from '../../src/core/forms/types.ts';

function whole(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number of at least 0, not '${raw}'`);
  return value;
}

export interface GeneratedSettings {
  count: number;
  seed: number;
}

export function generatedSettings(env: NodeJS.ProcessEnv = process.env): GeneratedSettings {
  return { count: whole('CATALOG_GENERATED', env.CATALOG_GENERATED, 0), seed: whole('CATALOG_GENERATED_SEED', env.CATALOG_GENERATED_SEED, DEFAULT_SEED) };
}

/**
 * The generated services. They are not run through the JSON Schema again (0.5 ms each,
 * seconds at 10,000): tests/unit/catalog-generator checks that every one passes it.
 */
export function generatedServices(settings: GeneratedSettings): ServiceDefinition[] {
  return settings.count > 0 ? generateCatalog(settings) : [];
}
