import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { iatiCountries, iatiOrganisationTypes } from './iati-codelists';

export interface Option {
  value: string;
  label: string;
}

/** Every IANA time zone the browser knows (the server accepts the same list, plus UTC). */
function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  const all = zones.includes('UTC') ? zones : [...zones, 'UTC'];
  return all.includes(current) ? all : [...all, current];
}

/**
 * The choices of the organisation form in the reader's language: IATI organisation types (our translation,
 * else the codelist's French or English name), countries named by the browser (Intl.DisplayNames), and
 * time zones by their IANA name.
 */
export function useOrganisationOptions(currentTimeZone: string) {
  const { t, i18n } = useTranslation('admin');
  const { locale } = useFormat();
  return useMemo(() => {
    const regionNames = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    const iatiTypes: Option[] = iatiOrganisationTypes().map((item) => ({
      value: item.code,
      label: `${item.code} — ${t(`organisation.iatiTypes.${item.code}`, { defaultValue: (i18n.language === 'fr' && item.names.fr) || item.names.en })}`,
    }));
    const countries: Option[] = iatiCountries()
      .map((item) => {
        let name: string | undefined;
        try {
          name = regionNames.of(item.code);
        } catch {
          // A code Intl does not take (not a region): keep the codelist's name.
        }
        return { value: item.code, label: `${name ?? item.names.en} (${item.code})` };
      })
      .sort((a, b) => a.label.localeCompare(b.label, locale));
    const zones: Option[] = timeZones(currentTimeZone).map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));
    return { iatiTypes, countries, zones };
  }, [t, i18n.language, locale, currentTimeZone]);
}

export function optionLabel(options: Option[], value: string | null): string | null {
  if (value === null) return null;
  return options.find((option) => option.value === value)?.label ?? value;
}
