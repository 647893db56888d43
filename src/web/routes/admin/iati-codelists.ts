// The official IATI codelist files the server validates against (standards/iati/codelists), bundled into
// this page's chunk as text: one source of truth for the codes, no retyped list to drift.
import countryXml from '../../../../standards/iati/codelists/Country.xml?raw';
import organisationTypeXml from '../../../../standards/iati/codelists/OrganisationType.xml?raw';

export interface CodelistItem {
  code: string;
  /** The codelist's own names: English, and French where IATI provides it (never Arabic). */
  names: { en: string; fr?: string };
}

function parse(xml: string): CodelistItem[] {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  return Array.from(doc.getElementsByTagName('codelist-item'))
    .filter((item) => item.getAttribute('status') !== 'withdrawn')
    .map((item) => {
      const code = item.getElementsByTagName('code')[0]?.textContent?.trim() ?? '';
      const narratives = Array.from(item.getElementsByTagName('name')[0]?.getElementsByTagName('narrative') ?? []);
      const en = narratives.find((n) => !n.getAttribute('xml:lang') || n.getAttribute('xml:lang') === 'en')?.textContent?.trim() ?? code;
      const fr = narratives.find((n) => n.getAttribute('xml:lang') === 'fr')?.textContent?.trim();
      return { code, names: fr ? { en, fr } : { en } };
    })
    .filter((item) => item.code !== '');
}

let organisationTypes: CodelistItem[] | undefined;
let countries: CodelistItem[] | undefined;

export function iatiOrganisationTypes(): CodelistItem[] {
  return (organisationTypes ??= parse(organisationTypeXml));
}

/** ISO 3166-1 alpha-2 countries, as IATI lists them. */
export function iatiCountries(): CodelistItem[] {
  return (countries ??= parse(countryXml));
}
