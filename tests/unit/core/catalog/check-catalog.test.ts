import { describe, expect, it } from 'vitest';
import { checkCatalog } from '../../../../src/core/catalog/check-catalog.ts';
import { minimalService } from '../../../fixtures/catalog/minimal-service.ts';
import { loadDemoCatalog } from '../../../fixtures/catalog/demo-catalog.ts';

describe('checkCatalog', () => {
  it('keeps every demo service', () => {
    const entries = loadDemoCatalog().map(({ json }) => json);
    const result = checkCatalog(entries);
    expect(result.rejected).toEqual([]);
    expect(result.services).toHaveLength(entries.length);
  });

  it('skips bad entries, keeps good ones, and says which index failed', () => {
    const good = minimalService();
    const other = { ...minimalService(), id: 'other-service' };
    const { version: _dropped, ...noVersion } = { ...minimalService(), id: 'no-version' };
    const result = checkCatalog([null, good, 42, 'x', noVersion, other, undefined, [], { id: 7 }]);
    expect(result.services.map((s) => s.id)).toEqual(['minimal-service', 'other-service']);
    expect(result.rejected.map((r) => r.index)).toEqual([0, 2, 3, 4, 6, 7, 8]);
    expect(result.rejected.find((r) => r.index === 4)).toMatchObject({ id: 'no-version' });
    expect(result.rejected.find((r) => r.index === 8)?.id).toBeUndefined();
    for (const entry of result.rejected) expect(entry.errors.length).toBeGreaterThan(0);
  });

  it('rejects a second entry with an id already taken, keeping the first', () => {
    const first = minimalService();
    const second = { ...minimalService(), version: 2 };
    const result = checkCatalog([first, second]);
    expect(result.services).toEqual([first]);
    expect(result.rejected).toEqual([{ id: 'minimal-service', index: 1, errors: ["/id: duplicate service id 'minimal-service'"] }]);
  });

  it('never throws, even for an entry whose properties throw when read', () => {
    const hostile = Object.defineProperty({}, 'id', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(() => checkCatalog([hostile, minimalService()])).not.toThrow();
    expect(checkCatalog([hostile, minimalService()]).services).toHaveLength(1);
  });

  it('returns nothing for a list that is not a list', () => {
    expect(checkCatalog(null as unknown as unknown[])).toEqual({ services: [], rejected: [] });
  });
});
