import type { ComparableRecord } from './comparable.ts';
import { PhoneUsage } from './phone-usage.ts';

export { MAX_PHONE_USERS } from './phone-usage.ts';

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

/** Gathers RecordStatistics record by record. */
export class StatisticsCollector {
  #records = 0;
  #given = new Map<string, number>();
  #family = new Map<string, number>();
  #phones = new PhoneUsage();

  add(record: ComparableRecord): void {
    this.addValues(record.given?.frequencyKey ?? null, record.family?.frequencyKey ?? null, record.prepared.phone);
  }

  /** `add` given only what it reads of a record: its name frequency keys and its phone. */
  addValues(given: string | null, family: string | null, phone: string | null): void {
    this.#records++;
    if (given) this.#given.set(given, (this.#given.get(given) ?? 0) + 1);
    if (family) this.#family.set(family, (this.#family.get(family) ?? 0) + 1);
    if (phone) this.#phones.add(phone, given);
  }

  statistics(): RecordStatistics {
    const total = this.#records || 1;
    const given = this.#given;
    const family = this.#family;
    const phones = this.#phones;
    return {
      recordCount: this.#records,
      nameFrequency: (field, key) => ((field === 'given' ? given : family).get(key) ?? 0) / total,
      phoneUse: (phone) => (phones.isShared(phone) ? 'shared' : 'personal'),
    };
  }
}

export function statisticsOf(records: Iterable<ComparableRecord>): RecordStatistics {
  const collector = new StatisticsCollector();
  for (const record of records) collector.add(record);
  return collector.statistics();
}
