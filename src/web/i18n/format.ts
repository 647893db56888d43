import { useTranslation } from 'react-i18next';
import { intlLocale } from './index';

/** Number and date formatters in the current language's Intl locale (ar-MA for Arabic). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  return {
    locale,
    number: (value: number) => new Intl.NumberFormat(locale).format(value),
    dateTime: (value: string | Date, timeZone?: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(
        typeof value === 'string' ? new Date(value) : value,
      ),
    date: (value: string | Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(typeof value === 'string' ? new Date(value) : value),
  };
}
