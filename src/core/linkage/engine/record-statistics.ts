import { jaroWinkler } from '../compare/string-similarity.ts';
import type { ComparableRecord } from './comparable.ts';

/**
 * What the model needs to know about the whole set of records, beyond the two records of a pair: how often
 * each name value occurs (term-frequency adjustment) and who gives each phone number (N-12). Collected in
 * one pass, so the streaming batch can gather it without holding the records.
 */
export interface RecordStatistics {
  recordCount: number;
  /** Relative frequency of a name key (alias class or fold) among the records; 0 when never seen. */
  nameFrequency(field: 'given' | 'family', key: string): number;
  /** How a phone number is used: by one person, or shared (a household's, an association's own). */
  phoneUse(phone: string): 'personal' | 'shared';
}

/** A phone given by more records than this is never evidence of identity (N-12). */
export const MAX_PHONE_USERS = 10;
/** First-given keys this far apart (Jaro–Winkler) belong to different people sharing a phone. */
const DIFFERENT_GIVEN_NAMES = 0.8;
/** Distinct given-name keys remembered per phone number (enough to see a household). */
const GIVEN_KEYS_PER_PHONE = 4;

interface PhoneUsers {
  count: number;
  givenKeys: string[];
  shared: boolean;
}

/** Gathers RecordStatistics record by record. */
export class StatisticsCollector {
  #records = 0;
  #given = new Map<string, number>();
  #family = new Map<string, number>();
  #phones = new Map<string, PhoneUsers>();

  add(record: ComparableRecord): void {
    this.#records++;
    const given = record.given?.frequencyKey;
    const family = record.family?.frequencyKey;
    if (given) this.#given.set(given, (this.#given.get(given) ?? 0) + 1);
    if (family) this.#family.set(family, (this.#family.get(family) ?? 0) + 1);
    const phone = record.prepared.phone;
    if (!phone) return;
    let users = this.#phones.get(phone);
    if (!users) this.#phones.set(phone, (users = { count: 0, givenKeys: [], shared: false }));
    users.count++;
    if (users.count > MAX_PHONE_USERS) users.shared = true;
    // Two people with clearly different given names on one number: a household or an office phone, whose
    // agreement says little about identity (siblings and twins share it).
    if (!given || users.shared || users.givenKeys.includes(given)) return;
    if (users.givenKeys.some((key) => jaroWinkler(key, given) < DIFFERENT_GIVEN_NAMES)) users.shared = true;
    else if (users.givenKeys.length < GIVEN_KEYS_PER_PHONE) users.givenKeys.push(given);
  }

  statistics(): RecordStatistics {
    const total = this.#records || 1;
    const given = this.#given;
    const family = this.#family;
    const phones = this.#phones;
    return {
      recordCount: this.#records,
      nameFrequency: (field, key) => ((field === 'given' ? given : family).get(key) ?? 0) / total,
      phoneUse: (phone) => (phones.get(phone)?.shared ? 'shared' : 'personal'),
    };
  }
}

export function statisticsOf(records: Iterable<ComparableRecord>): RecordStatistics {
  const collector = new StatisticsCollector();
  for (const record of records) collector.add(record);
  return collector.statistics();
}
