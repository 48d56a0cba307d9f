import { describe, expect, it } from 'vitest';
import { foldText } from '../../../../src/core/search/fold.ts';

describe('folding', () => {
  it.each([
    // Arabic: hamza and alef forms, taa marbuta, alef maqsura, harakat, tatweel, digits
    ['أحمد', 'احمد'],
    ['إدارة', 'اداره'],
    ['آمنة', 'امنه'],
    ['ٱلله', 'الله'],
    ['مؤسسة', 'موسسه'],
    ['رئيس', 'رييس'],
    ['شهادة', 'شهاده'],
    ['السكنى', 'السكني'],
    ['شَهَادَةُ الْحَيَاةِ', 'شهاده الحياه'],
    ['بـــطـاقـة', 'بطاقه'],
    ['ماء', 'ما'],
    ['٢٠٢٦ ۱۲', '2026 12'],
    // French: case, accents, ligatures, apostrophes
    ['Certificat de Résidence', 'certificat de residence'],
    ['ÉCOLE élève', 'ecole eleve'],
    ['Œuvre cœur Æ', 'oeuvre coeur ae'],
    ['d’identité', 'd identite'],
    ["l'acte", 'l acte'],
    ['maïs noël', 'mais noel'],
    // Amazigh Latin: IRCAM letters to plain letters
    ['taɛrabt', 'taerabt'],
    ['aɣrum', 'aghrum'],
    ['tafllaḥt', 'tafllaht'],
    ['takarḍa', 'takarda'],
    ['aṛṛaṣ aṭṭan aẓru', 'arras attan azru'],
    ['ǧ', 'g'],
    ['Ɣ Ɛ', 'gh e'],
    // Tifinagh is read as its Latin transcription
    ['ⵜⴰⴷⵓⵙⵉ', 'tadusi'],
    ['ⵜⴰⴼⵍⵍⴰⵃⵜ', 'tafllaht'],
    ['ⴰⵖⵔⵓⵎ', 'aghrum'],
  ])('%s → %s', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });

  it('folds a Tifinagh word and its Latin transcription to the same key', () => {
    expect(foldText('ⵜⴰⴽⴰⵕⴹⴰ')).toBe(foldText('takarḍa'));
    expect(foldText('ⵜⴰⵄⵔⴰⴱⵜ')).toBe(foldText('taɛrabt'));
  });
});
