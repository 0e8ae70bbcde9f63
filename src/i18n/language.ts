import { isLanguage, type Language } from '../protocol/languages';

const STORAGE_KEY = 'hoc-so.language';

/** The remembered language, or Vietnamese when none (or something unreadable) was saved. */
export function savedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return isLanguage(saved) ? saved : 'vi';
  } catch {
    return 'vi';
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or full storage: the choice lasts for this visit only.
  }
}
