/** What `npm run i18n:check` fails on (issue 3, item 2): the rules of core/i18n/coverage.ts. */
import { describe, expect, it } from 'vitest';
import { baseKeys, coverage, flatten, judge, keysInSource, usageOf, type Bundles } from '../../../../src/core/i18n/coverage.ts';
import { isCitizenKey } from '../../../../src/core/i18n/namespaces.ts';

describe('keys the UI uses', () => {
  it('reads t() calls with and without namespace, and template prefixes; comments do not count', () => {
    const source = [
      "const a = t('nav.home');",
      'const b = t("console:title", { count });',
      'const c = t(`category.names.${slug}`);',
      '// t(\'speech.listen\') in a comment',
      "/* t('errors:required') */",
      "const url = 'https://x/y'; t('errors:field.required');",
    ].join('\n');
    expect(keysInSource(source)).toEqual({ keys: ['common:nav.home', 'console:title', 'errors:field.required'], prefixes: ['common:category.names.'] });
    const isUsed = usageOf(['common:nav.home'], ['common:category.names.']);
    expect(['common:nav.home', 'common:category.names.health', 'common:nav.back'].map(isUsed)).toEqual([true, true, false]);
  });
});

describe('what fails', () => {
  const bundles: Bundles = {
    ar: { common: { used: 'أ', unused: 'ب' }, console: { title: 'ج' } },
    fr: { common: { used: 'A', unused: 'B' }, console: { title: 'C' } },
    'shi-Latn': { common: { unused: 'b' } },
    'tzm-Latn': { common: { used: 'a', unused: 'b' } },
  };
  const reference = new Set([...baseKeys(flatten(bundles.ar!)), ...baseKeys(flatten(bundles.fr!))]);
  const french = flatten(bundles.fr!);
  const isUsed = usageOf(['common:used', 'console:title'], []);
  const verdict = (lang: 'fr' | 'shi-Latn' | 'tzm-Latn', own = bundles) => judge(coverage(lang, own, reference, french), isUsed, isCitizenKey);

  it('an Amazigh language lacking a key of common or errors the UI uses fails', () => {
    const shi = verdict('shi-Latn');
    expect(shi.citizenMissingUsed).toEqual(['common:used']);
    expect(shi.failures).toEqual(["shi-Latn lacks 1 key(s) the citizen's screens use: common:used"]);
  });

  it('an Amazigh gap in a staff-only namespace, or in an unused key, is reported but does not fail', () => {
    const tzm = verdict('tzm-Latn');
    expect(tzm.failures).toEqual([]);
    expect(tzm.staffMissing).toEqual({ console: 1 });
    const shiWithoutUnused = verdict('shi-Latn', { ...bundles, 'shi-Latn': { common: { used: 'a' } } });
    expect(shiWithoutUnused.failures).toEqual([]);
  });

  it('French or Arabic lacking any key fails, staff-only namespaces included', () => {
    const fr = verdict('fr', { ...bundles, fr: { common: { used: 'A', unused: 'B' } } });
    expect(fr.failures).toEqual(['fr lacks 1 key(s): console:title']);
    expect(fr.staffMissing).toEqual({ console: 1 });
  });

  it('stray keys, missing plural forms and foreign placeholders fail in any language', () => {
    const own: Bundles = { ...bundles, 'tzm-Latn': { common: { used: 'a {{x}}', unused: 'b', stray: 's' }, console: { title: 't' } } };
    expect(verdict('tzm-Latn', own).failures).toEqual(['tzm-Latn has common:stray, which neither Arabic nor French has', "tzm-Latn's common:used has a {{placeholder}} French does not"]);
  });
  it("a plural form may show {{count}} where French's same form does not (tzm's one covers 11–99), but no other placeholder", () => {
    const withDays: Bundles = {
      ar: { figures: { days_zero: 'ي', days_one: 'يوم', days_two: 'يومان', days_few: '{{count}} أيام', days_many: '{{count}} يوما', days_other: '{{count}} يوم' } },
      fr: { figures: { days_one: 'Dernier jour', days_other: '{{count}} derniers jours' } },
      'tzm-Latn': { figures: { days_one: '{{count}} n wussan', days_other: '{{count}} n wussan' } },
    };
    const ref = new Set([...baseKeys(flatten(withDays.ar!)), ...baseKeys(flatten(withDays.fr!))]);
    const fr = flatten(withDays.fr!);
    expect(coverage('tzm-Latn', withDays, ref, fr).placeholderMismatches).toEqual([]);
    const foreign: Bundles = { ...withDays, 'tzm-Latn': { figures: { days_one: '{{total}} n wussan', days_other: '{{count}} n wussan' } } };
    expect(coverage('tzm-Latn', foreign, ref, fr).placeholderMismatches).toEqual(['figures:days_one']);
  });
});
