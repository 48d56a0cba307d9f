import { describe, expect, it } from 'vitest';
import { generatedSettings } from '../../../server/catalog/generated-catalog.ts';
import { loadCatalog } from '../../../server/catalog/load-catalog.ts';
import { SERVICES_DIR } from '../../fixtures/catalog/demo-catalog.ts';

describe('CATALOG_GENERATED on the server', () => {
  it('adds N generated services beside the catalog folder’s', () => {
    const plain = loadCatalog(SERVICES_DIR, { count: 0, seed: 1 });
    const loaded = loadCatalog(SERVICES_DIR, { count: 40, seed: 1 });
    expect(loaded.services).toHaveLength(plain.services.length + 40);
    expect(loaded.services.slice(0, plain.services.length)).toEqual(plain.services);
    expect(new Set(loaded.services.map((s) => s.id)).size).toBe(loaded.services.length);
  });

  it('reads the count and seed from the environment, off by default', () => {
    expect(generatedSettings({})).toEqual({ count: 0, seed: 2700 });
    expect(generatedSettings({ CATALOG_GENERATED: '2700', CATALOG_GENERATED_SEED: '9' })).toEqual({ count: 2700, seed: 9 });
    expect(() => generatedSettings({ CATALOG_GENERATED: 'lots' })).toThrow(/CATALOG_GENERATED must be a whole number/);
    expect(() => generatedSettings({ CATALOG_GENERATED: '-1' })).toThrow(/whole number/);
  });
});
