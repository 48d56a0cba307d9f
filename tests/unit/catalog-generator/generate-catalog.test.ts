import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkCatalog } from '../../../src/core/catalog/check-catalog.ts';
import { isServiceIcon } from '../../../src/core/catalog/icons.ts';
import { CATEGORIES } from '../../../catalog/generator/categories.ts';
import { DEFAULT_COUNT, generateCatalog, maxGeneratedCount, SUBJECTS } from '../../../catalog/generator/generate-catalog.ts';
import { loadDemoCatalog } from '../../fixtures/catalog/demo-catalog.ts';

const catalog = generateCatalog();
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const ARABIC = /[\u0600-\u06ff]/;

describe('the catalog generator', () => {
  it('makes 2,700 services by default, every one accepted by the catalog checks', () => {
    expect(catalog).toHaveLength(DEFAULT_COUNT);
    const { services, rejected } = checkCatalog(catalog);
    expect(rejected).toEqual([]);
    expect(services).toHaveLength(2700);
  });

  it('gives byte-identical JSON for the same seed, and another catalog for another seed', () => {
    const again = generateCatalog({ count: 2700, seed: 2700 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(catalog));
    expect(JSON.stringify(generateCatalog({ seed: 7 }))).not.toBe(JSON.stringify(catalog));
  });

  it('does not depend on the machine: a pinned digest of the first 100 services', () => {
    // Changing the word lists changes this digest on purpose: update it in the same commit.
    expect(sha256(JSON.stringify(generateCatalog({ count: 100 })))).toBe('223fec5edcfad67dca67a26fdf2d430dd7d41cb5e3602b48d02293d9c73ad45d');
  });

  it('makes the first N services of a larger catalog the catalog of N (650 ⊂ 2,700 ⊂ 10,000)', () => {
    expect(generateCatalog({ count: 650 })).toEqual(catalog.slice(0, 650));
    expect(generateCatalog({ count: 10_000 }).slice(0, 2700)).toEqual(catalog);
  });

  it('reaches 10,000 services, with regional offices past the national procedures', () => {
    expect(maxGeneratedCount()).toBeGreaterThanOrEqual(10_000);
    const big = generateCatalog({ count: 10_000 });
    expect(new Set(big.map((s) => s.id)).size).toBe(10_000);
    expect(big.at(-1)!.title.fr).toMatch(/– région /);
    expect(() => generateCatalog({ count: maxGeneratedCount() + 1 })).toThrow(/at most/);
  });

  it('uses unique ids of at most 64 characters that never collide with the demo catalog', () => {
    const ids = catalog.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.max(...ids.map((id) => id.length))).toBeLessThanOrEqual(64);
    const demo = new Set(loadDemoCatalog().map(({ json }) => (json as { id: string }).id));
    expect(ids.filter((id) => demo.has(id))).toEqual([]);
  });

  it('uses known categories and the kiosk’s pictograms', () => {
    const slugs = new Set(CATEGORIES.map((c) => c.slug));
    expect(catalog.filter((s) => !slugs.has(s.category))).toEqual([]);
    expect(catalog.filter((s) => !isServiceIcon(s.icon))).toEqual([]);
    expect(CATEGORIES.filter((c) => !isServiceIcon(c.icon))).toEqual([]);
    // every category of the issue is represented
    const used = new Set(catalog.map((s) => s.category));
    for (const slug of ['civil-status', 'identity', 'justice', 'housing', 'social-support', 'agriculture', 'education', 'health', 'business']) expect(used).toContain(slug);
  });

  it('writes every title in real Arabic and French, distinct from one another', () => {
    expect(catalog.filter((s) => !ARABIC.test(s.title.ar) || ARABIC.test(s.title.fr))).toEqual([]);
    expect(new Set(catalog.map((s) => s.title.fr)).size).toBe(catalog.length);
    expect(new Set(catalog.map((s) => s.title.ar)).size).toBe(catalog.length);
    expect(catalog.filter((s) => /lorem|ipsum|undefined|null|\s{2}/i.test(JSON.stringify([s.title, s.summary, s.administration])))).toEqual([]);
  });

  it('gives each service an administration, documents, a fee and a delay', () => {
    for (const s of catalog) {
      expect(s.administration.fr.length).toBeGreaterThan(3);
      expect(s.documents.length).toBeGreaterThan(0);
      expect(s.feeMad).toBeGreaterThanOrEqual(0);
      expect(s.delayDays.min).toBeLessThanOrEqual(s.delayDays.max);
    }
    expect(new Set(catalog.map((s) => s.feeMad)).size).toBeGreaterThan(5);
  });

  it('has unique subject keys', () => {
    const keys = SUBJECTS.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
