import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

/**
 * The public pages speak English and Spanish. Each page keeps its own small dictionary (an object
 * per language, the Spanish one typed as the English one, so a missing phrase fails the build) and
 * reads it with `useMessages`. The language: `?lang=` in the link, else the visitor's last choice
 * on this device, else the browser's languages, else English.
 */

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Each language's name in itself, for the switch. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español' };
/** The locale dates and times are written in. */
export const LOCALES: Record<Language, string> = { en: 'en-US', es: 'es-US' };

const STORAGE_KEY = 'openams.language';

const asLanguage = (tag: string | null | undefined): Language | null => {
  const primary = tag?.toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Language) : null;
};

/** The language to start in (pure: the caller passes what the browser knows). */
export function pickLanguage(opts: {
  search: string;
  stored: string | null;
  browserLanguages: readonly string[];
}): Language {
  const fromLink = asLanguage(new URLSearchParams(opts.search).get('lang'));
  if (fromLink) return fromLink;
  const stored = asLanguage(opts.stored);
  if (stored) return stored;
  for (const tag of opts.browserLanguages) {
    const l = asLanguage(tag);
    if (l) return l;
  }
  return 'en';
}

const readStored = () => {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
};

type LanguageState = { language: Language; setLanguage: (l: Language) => void };
const LanguageContext = createContext<LanguageState>({ language: 'en', setLanguage: () => {} });

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setState] = useState<Language>(() =>
    pickLanguage({
      search: window.location.search,
      stored: readStored(),
      browserLanguages: navigator.languages ?? [navigator.language],
    }),
  );
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((l: Language) => {
    setState(l);
    try {
      window.localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export const useLanguage = () => useContext(LanguageContext);

/** The current language's phrases of a dictionary `{ en, es }`. */
export function useMessages<M>(dictionary: Record<Language, M>): M {
  return dictionary[useLanguage().language];
}
