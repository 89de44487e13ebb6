// The pages' language: Japanese, Korean or English, from the visitor's own choice (remembered in this
// browser) or else the browser's languages. Strings come from /i18n/{language}.json through i18next
// (interpolation, plurals by Intl.PluralRules); numbers and dates through Intl in the same locale. English is
// the fallback, so a key missing from a catalogue (which a test forbids) would show in English, not as a key.
import i18next from '../lib/i18next/i18next.js';

/** The languages a visitor can choose, each named in itself. */
export const LANGUAGES = { ja: '日本語', ko: '한국어', en: 'English' };

const CHOICE = 'spotlight.language';

function chosen() {
  const saved = localStorage.getItem(CHOICE);
  if (saved && saved in LANGUAGES) return saved;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (base in LANGUAGES) return base;
  }

  return 'en';
}

export const language = chosen();

async function catalogue(name) {
  const response = await fetch(`/i18n/${name}.json`);
  return response.ok ? response.json() : {};
}

const languages = language === 'en' ? ['en'] : [language, 'en'];
const loaded = await Promise.all(languages.map(catalogue));
await i18next.init({
  lng: language,
  fallbackLng: 'en',
  resources: Object.fromEntries(languages.map((name, i) => [name, { translation: loaded[i] }])),
  // Text is only ever set as text (never parsed as markup), so nothing needs escaping here.
  interpolation: { escapeValue: false },
});
document.documentElement.lang = language;

/** The string for `key` in the page's language, with `values` filled in (`count` picks the plural form). */
export const t = (key, values) => i18next.t(key, values);

/** Remembers the visitor's language and shows the page again in it. */
export function chooseLanguage(name) {
  localStorage.setItem(CHOICE, name);
  location.reload();
}
