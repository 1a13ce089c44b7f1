import { LOCALES, useLanguage } from '../../../public/kit/i18n';
import { bookingMessages } from '../messages';

/** The booking pages' phrases and date locale in the visitor's language. */
export function useBookingText() {
  const { language } = useLanguage();
  return { t: bookingMessages[language], locale: LOCALES[language] };
}
