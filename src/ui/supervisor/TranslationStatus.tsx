/**
 * For the supervisor: how far each language's strings go, and how many Amazigh strings
 * a native speaker has reviewed (the same counts as `npm run i18n:check`). Everything is
 * loaded only when this screen opens.
 */
import { useEffect, useState } from 'preact/hooks';
import { baseKeys, coverage, flatten, type Bundles, type LanguageCoverage, type ReviewFile, type Tree } from '../../core/i18n/coverage.ts';
import { LANGUAGES, UI_LANGUAGES } from '../../core/i18n/languages.ts';
import { useLang } from '../i18n/context.tsx';
import { BackButton } from '../layout/BackButton.tsx';

const localeFiles = import.meta.glob<Tree>('../../../locales/*/{common,errors,console,bundle,qr,figures}.json', { import: 'default' });
const reviewFiles = import.meta.glob<ReviewFile>('../../../locales/review/*.json', { import: 'default' });

async function loadCoverage(): Promise<LanguageCoverage[]> {
  const bundles: Bundles = {};
  await Promise.all(
    Object.entries(localeFiles).map(async ([path, load]) => {
      const [, lang, ns] = /locales\/([^/]+)\/(\w+)\.json$/.exec(path)!;
      (bundles[lang!] ??= {})[ns!] = await load();
    }),
  );
  const reviews = new Map<string, ReviewFile>();
  await Promise.all(Object.entries(reviewFiles).map(async ([path, load]) => reviews.set(/review\/(\w+)\.json$/.exec(path)![1]!, await load())));
  const reference = new Set([...baseKeys(flatten(bundles.ar ?? {})), ...baseKeys(flatten(bundles.fr ?? {}))]);
  const french = flatten(bundles.fr ?? {});
  return UI_LANGUAGES.map((lang) => coverage(lang, bundles, reference, french, reviews.get(LANGUAGES[lang].base)));
}

export function TranslationStatus({ onBack }: { onBack(): void }) {
  const { t, lang } = useLang();
  const [rows, setRows] = useState<LanguageCoverage[] | null>(null);
  useEffect(() => {
    void loadCoverage().then(setRows);
  }, []);
  const nameIn = (code: keyof typeof LANGUAGES) => (lang === 'ar' ? LANGUAGES[code].names.ar : LANGUAGES[code].names.fr);
  return (
    <main class="screen translations" aria-labelledby="translations-title">
      <h1 id="translations-title">{t('translations.title')}</h1>
      <p>{t('translations.intro')}</p>
      {rows && (
        <table class="translation-table">
          <thead>
            <tr>
              <th scope="col">{t('translations.language')}</th>
              <th scope="col">{t('translations.translated')}</th>
              <th scope="col">{t('translations.reviewed')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.lang} data-lang={row.lang}>
                <th scope="row">
                  <span lang={row.lang}>{LANGUAGES[row.lang].endonym}</span> · {nameIn(row.lang)}
                </th>
                <td data-translated={row.translated}>{t('translations.count', { done: row.translated, total: row.total })}</td>
                <td data-reviewed={row.reviewed}>{LANGUAGES[row.lang].draft ? t('translations.count', { done: row.reviewed, total: row.translated }) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="actions">
        <BackButton onClick={onBack} />
      </div>
    </main>
  );
}
