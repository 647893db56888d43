import data from '../pools/western-names.v1.json' with { type: 'json' };
import { WeightedTable } from '../random.ts';

/** The Western (FEBRL-like) pools from pools/western-names.v1.json, built once into weighted tables. */
export interface Suburb {
  readonly name: string;
  readonly postcode: string;
  readonly state: string;
}

type Entries = [string, number][];

export const WESTERN_POOLS_VERSION = data.version;
export const MALE = new WeightedTable(data.male as Entries);
export const FEMALE = new WeightedTable(data.female as Entries);
export const FAMILY = new WeightedTable(data.family as Entries);
export const STREETS = new WeightedTable(data.streets as Entries);
export const STREET_TYPES = new WeightedTable(data.streetTypes as Entries);
export const ADDRESS_2 = new WeightedTable(data.address2 as Entries);
export const SUBURBS = new WeightedTable<Suburb>(
  (data.suburbs as [string, string, string, number][]).map(([name, postcode, state, weight]) => [{ name, postcode, state }, weight] as const),
);
export const NICKNAMES: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(data.nicknames as Record<string, string[]>));
