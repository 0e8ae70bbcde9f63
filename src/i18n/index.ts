import i18next from 'i18next';
import { useEffect, useState } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Language } from '../protocol/languages';
import { rememberLanguage, savedLanguage } from './language';
import { vi } from './resources';
import './types';

async function loadResources(language: Language) {
  return language === 'vi' ? vi : (await import('./en')).en;
}

/** Sets up i18next once, in the remembered language. */
export async function initI18n(): Promise<void> {
  const language = savedLanguage();
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'vi',
    resources: { vi: { translation: vi } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (language !== 'vi') await changeLanguage(language);
}

/** Switches the language, loading its strings first, and remembers the choice. */
export async function changeLanguage(language: Language): Promise<void> {
  if (!i18next.hasResourceBundle(language, 'translation')) {
    i18next.addResourceBundle(language, 'translation', await loadResources(language));
  }
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  rememberLanguage(language);
}

/** The current language, as the content's `LocalizedText` keys. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
}

/**
 * A translator for one language regardless of the interface language (a certificate printed
 * in English from a phone set to Vietnamese); undefined until that language's strings are loaded.
 */
export function useFixedT(language: Language) {
  const { i18n } = useTranslation();
  const [, setLoaded] = useState<Language | null>(null);
  const ready = i18n.hasResourceBundle(language, 'translation');
  useEffect(() => {
    if (ready) return;
    let live = true;
    void loadResources(language).then((resources) => {
      if (!i18n.hasResourceBundle(language, 'translation'))
        i18n.addResourceBundle(language, 'translation', resources);
      if (live) setLoaded(language);
    });
    return () => {
      live = false;
    };
  }, [i18n, language, ready]);
  return ready ? i18n.getFixedT(language) : undefined;
}

/** What `useFixedT` gives once loaded. */
export type FixedT = NonNullable<ReturnType<typeof useFixedT>>;

export { useTranslation };
