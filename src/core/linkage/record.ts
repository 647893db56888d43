/**
 * A person record as it arrives for linkage (a registration form, a CSV row): raw text, any script. The
 * normalisers in ./normalise turn each field into comparable forms; the raw values are always kept.
 */
export interface RawPersonRecord {
  id: string;
  /** Given name(s), as typed. */
  given?: string;
  /** Family name(s), as typed. */
  family?: string;
  /** Date of birth as typed: 12/03/1990, 1990, 00/00/1988, 3 mars 1990, … */
  dob?: string;
  /** H/F, M/F, homme/femme, ذكر/أنثى, … */
  sex?: string;
  phone?: string;
  /** Free text in French, English or Arabic, or an ISO code. */
  nationality?: string;
  /** Extra columns (address, town, …), compared as generic strings with their own learned weights. */
  other?: Record<string, string>;
}
