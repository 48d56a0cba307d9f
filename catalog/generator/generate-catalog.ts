/**
 * A realistic national-scale catalog for tests and the bench: `generateCatalog({ count,
 * seed })` combines subjects (what), actions (request, renewal, duplicate, …), audiences
 * (a minor, by proxy, abroad, …) and, past about 3,000, the twelve regions, the way the
 * national register of procedures lists them. Pure and deterministic: the same seed gives
 * byte-identical JSON, and the first N services of a larger catalog are the catalog of N.
 */
import type { ServiceDefinition } from '../../src/core/forms/types.ts';
import { ADMINISTRATIONS } from './administrations.ts';
import { actionsFor, audiencesFor, de, REGIONS, type Action, type Audience, type Region } from './actions.ts';
import { DOCUMENTS } from './documents.ts';
import { buildSteps } from './forms.ts';
import { createRng, type Rng } from './prng.ts';
import { LIVING_SUBJECTS } from './subjects-living.ts';
import { PEOPLE_SUBJECTS } from './subjects-people.ts';
import { WORK_SUBJECTS } from './subjects-work.ts';
import type { Phrase, Subject } from './vocabulary.ts';

export const DEFAULT_COUNT = 2700;
export const DEFAULT_SEED = 2700;
export const SUBJECTS: Subject[] = [...PEOPLE_SUBJECTS, ...LIVING_SUBJECTS, ...WORK_SUBJECTS];

export interface GenerateOptions {
  count?: number;
  seed?: number;
}

interface Combination {
  subject: Subject;
  action: Action;
  audience: Audience | null;
  region: Region | null;
}

/** National procedures first (plain, then per audience), then regional ones, each tier in a seeded order. */
function combinations(seed: number, count: number): Combination[] {
  const rng = createRng(seed);
  const national: Combination[] = [];
  const targeted: Combination[] = [];
  for (const subject of SUBJECTS) {
    for (const action of actionsFor(subject)) {
      national.push({ subject, action, audience: null, region: null });
      for (const audience of audiencesFor(subject)) targeted.push({ subject, action, audience, region: null });
    }
  }
  const list = [...rng.shuffle(national), ...rng.shuffle(targeted)];
  if (count > list.length) {
    const regional = list.flatMap((c) => REGIONS.map((region) => ({ ...c, region })));
    list.push(...createRng(seed + 1).shuffle(regional));
  }
  if (count > list.length) throw new Error(`the generator can make at most ${list.length} services, not ${count}`);
  return list.slice(0, count);
}

function join(parts: Array<Phrase | null | undefined>, lang: 'fr' | 'ar'): string {
  return parts
    .filter((p): p is Phrase => !!p)
    .map((p) => p[lang])
    .join(' ');
}

function documentsFor(c: Combination): string[] {
  const keys = [...c.subject.documents];
  if (c.action.key === 'duplicate') keys.push('loss-declaration');
  if (c.action.key === 'renewal') keys.push('old-card');
  if (c.audience?.key === 'minor') keys.unshift('parent-cnie');
  if (c.audience?.key === 'proxy') keys.push('power-of-attorney');
  if (c.audience?.key === 'abroad') keys.push('consular-card');
  if (c.audience?.key === 'heirs') keys.push('heirs-act', 'death-act');
  return [...new Set(keys)].filter((k) => !(c.audience?.key === 'minor' && k === 'cnie'));
}

function service(c: Combination, rng: Rng): ServiceDefinition {
  const { subject, action, audience, region } = c;
  const id = [subject.key, action.key, audience?.key, region?.key].filter(Boolean).join('-');
  const base = action.title(subject.name);
  const regionSuffix: Phrase | null = region ? { fr: ` – région ${de(region.name.fr)}`, ar: ` – جهة ${region.name.ar}` } : null;
  const title = {
    fr: base.fr + (audience?.suffix.fr ?? '') + (regionSuffix?.fr ?? ''),
    ar: base.ar + (audience?.suffix.ar ?? '') + (regionSuffix?.ar ?? ''),
  };
  const aka: Phrase | null = subject.aka ? { fr: `Aussi appelé « ${subject.aka.fr} ».`, ar: `يعرف أيضا باسم «${subject.aka.ar}».` } : null;
  const parts = [subject.use, action.note, audience?.note, aka];
  const admin = ADMINISTRATIONS[subject.admin];
  if (!admin) throw new Error(`unknown administration '${subject.admin}'`);
  const administration = region ? { fr: `${admin.fr}, région ${de(region.name.fr)}`, ar: `${admin.ar}، جهة ${region.name.ar}` } : admin;
  const urgent = audience?.urgent === true;
  const [min, max] = subject.delayDays;
  const delayDays = urgent ? { min: Math.floor(min / 2), max: Math.max(Math.floor(min / 2), Math.ceil(max / 2)) } : { min, max: max + rng.int(0, 2) };
  const fee = Math.round(subject.feeMad * action.feeFactor) + (urgent ? 100 : 0);
  const documents = documentsFor(c).map((key) => {
    const label = DOCUMENTS[key];
    if (!label) throw new Error(`unknown document '${key}'`);
    return { id: key, label: { ar: label.ar, fr: label.fr } };
  });
  return {
    id,
    // Most forms are on their first version; some were revised, as in a live catalog.
    version: rng.chance(0.15) ? rng.int(2, 4) : 1,
    category: subject.category,
    icon: subject.icon,
    title: { ar: title.ar, fr: title.fr },
    summary: { ar: join(parts, 'ar'), fr: join(parts, 'fr') },
    administration: { ar: administration.ar, fr: administration.fr },
    delayDays,
    feeMad: fee,
    documents,
    steps: buildSteps({
      template: subject.form,
      forMinor: audience?.key === 'minor',
      byProxy: audience?.key === 'proxy',
      abroad: audience?.key === 'abroad',
      firstDocument: documents[0]?.id,
    }),
  };
}

/** A 32-bit FNV-1a hash: each service draws from its own stream, whatever comes before it. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export function generateCatalog(options: GenerateOptions = {}): ServiceDefinition[] {
  const count = options.count ?? DEFAULT_COUNT;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(count) || count < 0) throw new Error(`count must be a whole number, not ${count}`);
  return combinations(seed, count).map((c) => {
    const key = [c.subject.key, c.action.key, c.audience?.key ?? '', c.region?.key ?? ''].join('/');
    return service(c, createRng((seed ^ hash(key)) >>> 0));
  });
}

/** The most this generator can make (national, targeted and regional procedures). */
export function maxGeneratedCount(): number {
  let n = 0;
  for (const subject of SUBJECTS) n += actionsFor(subject).length * (1 + audiencesFor(subject).length);
  return n * (1 + REGIONS.length);
}
