import { describe, expect, it } from 'vitest';
import type { ServiceDefinition } from '../../../../src/core/forms/types.ts';
import { buildSearchIndex, indexFromJson, indexToJson } from '../../../../src/core/search/search-index.ts';
import { searchServices } from '../../../../src/core/search/search.ts';
import { generateCatalog } from '../../../../catalog/generator/generate-catalog.ts';
import { loadDemoCatalog } from '../../../fixtures/catalog/demo-catalog.ts';
import { minimalService } from '../../../fixtures/catalog/minimal-service.ts';

/** Services whose titles exist only in Amazigh, in one script each. */
function amazighOnly(id: string, title: { zgh?: string; shi?: string }): ServiceDefinition {
  return { ...minimalService(), id, category: 'test', title: { ar: 'خدمة تجريبية', fr: 'Service d’essai', ...title } };
}

const demo = loadDemoCatalog().map(({ json }) => json as ServiceDefinition);
const services = [
  ...demo,
  ...generateCatalog({ count: 650 }),
  amazighOnly('tifinagh-only', { zgh: 'ⵜⴰⴽⴰⵕⴹⴰ ⵜⴰⵏⴰⵎⵓⵔⵜ ⵏ ⵜⵎⴰⴳⵉⵜ' }),
  amazighOnly('latin-only', { shi: 'Asmmi n tinml' }),
];
const byId = new Map(services.map((s) => [s.id, s]));
const index = buildSearchIndex(services, 12);
const top = (query: string) => searchServices(index, query, 5).hits[0]?.id;
const topCategory = (query: string) => byId.get(top(query) ?? '')?.category;

describe('search: the top result for what an agent types', () => {
  it.each([
    // French, with and without accents or capitals
    ['certificat de résidence', 'residence-certificate'],
    ['CERTIFICAT DE RESIDENCE', 'residence-certificate'],
    ['casier judiciaire', 'criminal-record-extract'],
    ['acte de naissance', 'birth-certificate-extract'],
    ['extrait naissance', 'birth-certificate-extract'],
    ['cnie', 'cnie-appointment'],
    ['certificat de vie', 'life-certificate'],
    ['acte de mariage', 'marriage-certificate-copy'],
    ['attestation de revenu', 'income-certificate'],
    ['autorisation de construire', 'rural-building-permit'],
    ['registre social', 'social-support-registration'],
    // Arabic, with hamza, taa marbuta, alef maqsura, harakat and tatweel written any way
    ['شهادة السكنى', 'residence-certificate'],
    ['شهاده السكني', 'residence-certificate'],
    ['السجل العدلي', 'criminal-record-extract'],
    ['رسم الولادة', 'birth-certificate-extract'],
    ['شَهَادَةُ الْحَيَاةِ', 'life-certificate'],
    ['شهـــادة الحيـاة', 'life-certificate'],
    ['عقد الزواج', 'marriage-certificate-copy'],
        ['شهادة الدخل', 'income-certificate'],
    // Amazigh: Tifinagh finds Latin-script text and the other way round
    ['takarda', 'tifinagh-only'],
    ['tanamurt', 'tifinagh-only'],
    ['ⵜⵉⵏⵎⵍ', 'latin-only'],
    ['ⴰⵙⵎⵎⵉ', 'latin-only'],
  ])('%s → %s', (query, expected) => {
    expect(top(query)).toBe(expected);
  });

  it.each([
    // Synonyms: the name people use finds the service whose title says it otherwise
    ["carte d'identité", /^(cnie-appointment|national-id-card-)/],
    ['بطاقة التعريف', /^(cnie-appointment|national-id-card-)/],
    ['CIN', /^(cnie-appointment|national-id-card-)/],
    ['عقد الازدياد', /^birth-/],
    ['permis de construire', /^(rural-building-permit|building-permit-)/],
    ['رخصة البناء', /^(rural-building-permit|building-permit-)/],
    ['assurance maladie', /^(amo-|chronic-disease)/],
    ['جواز السفر', /^passport-/],
    ['التامين الاجباري عن المرض', /^amo-registration/],
    ['البيرمي', /^driving-licence-/],
    ['carte grise', /^vehicle-registration-/], // and not "Prise de rendez-vous – carte…": grise is no typo
  ])('the synonym %s finds %s', (query, expected) => {
    expect(top(query)).toMatch(expected);
  });

  it.each([
    ['ⵜⴰⴷⵓⵙⵉ', 'health'],
    ['tadusi', 'health'],
    ['ⵜⴰⴼⵍⵍⴰⵃⵜ', 'agriculture'],
    ['tafllaḥt', 'agriculture'],
    ['tafllaht', 'agriculture'],
    ['ⵜⵉⵏⵎⵍ ⵜⴰⵏⴰⵎⵓⵔⵜ', 'test'],
    ['santé', 'health'],
    ['الفلاحة', 'agriculture'],
    ['école', 'education'],
  ])('the category word %s finds a %s service', (query, category) => {
    expect(topCategory(query)).toBe(category);
  });
});

describe('search: typos', () => {
  it.each([
    ['naissnce', /^birth-/], // a letter left out
    ['résidnece', /^residence-/], // two letters swapped
    ['judiciare', /^criminal-record/],
    ['paseport', /^passport-/],
    ['السكنا', /^residence-/],
    ['الازدياذ', /^birth-/], // ز typed ذ (Arabic words of five letters or more)
  ])('%s (one typo) → %s', (query, expected) => {
    expect(top(query)).toMatch(expected);
  });

  it('does not guess on words under five letters', () => {
    expect(searchServices(index, 'cnix ').total).toBe(0);
  });

  it('ranks an exact match above a one-typo match', () => {
    const hits = searchServices(index, 'casier', 50).hits;
    const exact = hits.filter((h) => h.id.includes('criminal-record'));
    expect(exact.length).toBeGreaterThan(0);
    expect(hits[0]!.id).toMatch(/criminal-record/);
  });
});

describe('search: as you type', () => {
  it.each([
    ['cert', /^Certificat/],
    ['certificat de rés', /^Certificat de résidence/],
    ['passe', /passeport/i],
    ['casier judi', /casier judiciaire/],
  ])('%s → a title like %s', (query, title) => {
    expect(byId.get(top(query)!)!.title.fr).toMatch(title);
  });

  it('finds Arabic while the article is still being typed', () => {
    expect(top('شهادة الس')).toBe('residence-certificate');
    expect(top('شهادة ال')).toBeDefined();
    expect(searchServices(index, 'ال').total).toBe(0);
  });

  it('narrows the results with each word', () => {
    const one = searchServices(index, 'acte').total;
    const two = searchServices(index, 'acte naissance').total;
    expect(two).toBeGreaterThan(0);
    expect(two).toBeLessThan(one);
  });

  it('returns nothing for an empty or blank query', () => {
    expect(searchServices(index, '')).toEqual({ hits: [], total: 0 });
    expect(searchServices(index, '  ,  ')).toEqual({ hits: [], total: 0 });
  });
});

describe('search: ranking', () => {
  const svc = (id: string, title: string, summary: string, category = 'test'): ServiceDefinition => ({
    ...minimalService(),
    id,
    category,
    title: { ar: 'خدمة', fr: title },
    summary: { ar: 'ملخص', fr: summary },
  });
  const small = buildSearchIndex(
    [
      svc('in-summary', 'Autre démarche', 'Concerne la licence de pêche'),
      svc('in-title', 'Licence de pêche', 'Pour pêcher'),
      svc('in-keywords', 'Certificat de vie', 'Preuve annuelle'), // synonym group: "attestation de vie"
      svc('in-category', 'Autre papier', 'Rien', 'health'), // category word: santé
      svc('santé-in-summary', 'Papier', 'Pour la santé'),
      svc('longer-title', 'Licence de pêche en mer et en rivière', 'Pour pêcher'),
    ],
    1,
  );
  const ids = (query: string) => searchServices(small, query).hits.map((h) => h.id);

  it('puts a title match above a summary match', () => {
    expect(ids('licence')).toEqual(['in-title', 'longer-title', 'in-summary']);
  });

  it('puts a keyword above a summary match', () => {
    expect(ids('santé')).toEqual(['in-category', 'santé-in-summary']);
    expect(ids('attestation vie')[0]).toBe('in-keywords');
  });

  it('puts an exact word above a prefix above a typo', () => {
    const exact = searchServices(small, 'licence ').hits[0]!.score;
    const prefix = searchServices(small, 'licen').hits[0]!.score;
    const typo = searchServices(small, 'licnece ').hits[0]?.score ?? 0;
    expect(exact).toBeGreaterThan(prefix);
    expect(prefix).toBeGreaterThan(typo);
    expect(typo).toBeGreaterThan(0);
  });

  it('counts every match but returns at most the limit', () => {
    const result = searchServices(index, 'demande', 10);
    expect(result.hits).toHaveLength(10);
    expect(result.total).toBeGreaterThan(10);
  });
});

describe('the search index', () => {
  it('survives JSON and gives the same answers', () => {
    const json = JSON.parse(JSON.stringify(indexToJson(index))) as unknown;
    const back = indexFromJson(json)!;
    expect(back.catalogVersion).toBe(12);
    for (const query of ['cnie', 'شهادة السكنى', 'ⵜⴰⴷⵓⵙⵉ', 'naissnce']) expect(searchServices(back, query)).toEqual(searchServices(index, query));
  });

  it('refuses what is not an index of its format', () => {
    expect(indexFromJson(null)).toBeNull();
    expect(indexFromJson({ ...indexToJson(index), format: 99 })).toBeNull();
    expect(indexFromJson({ ...indexToJson(index), starts: [0] })).toBeNull();
  });

  it('is empty for an empty catalog', () => {
    expect(searchServices(buildSearchIndex([], 1), 'cnie')).toEqual({ hits: [], total: 0 });
  });
});
