import type { NameToken } from '../normalise/name.ts';
import type { PreparedRecord } from './prepare-record.ts';

/** One name field, precomputed once per record for fast pairwise comparison. */
export interface ComparableNameField {
  tokens: readonly NameToken[];
  /** Compact tokens joined in order ("abdkader"), and sorted ("order-insensitive bag"). */
  joined: string;
  sortedJoined: string;
  /** Without particles (Ben Ali → ali), compact and joined. */
  bare: string;
  folded: string;
  skeletons: ReadonlySet<string>;
  aliases: ReadonlySet<string>;
  /** The key whose frequency weighs an agreement (alias class or fold of the first token). */
  frequencyKey: string | null;
}

export interface ComparableRecord {
  prepared: PreparedRecord;
  given: ComparableNameField | null;
  family: ComparableNameField | null;
  origin: string | null;
}

function field(tokens: readonly NameToken[], bareTokens: readonly string[], key: string | null): ComparableNameField | null {
  if (tokens.length === 0) return null;
  const compact = tokens.map((token) => token.compact);
  return {
    tokens,
    joined: compact.join(''),
    sortedJoined: [...compact].sort().join(''),
    bare: bareTokens.join('').replace(/ /g, ''),
    folded: tokens.map((token) => token.folded).join(''),
    skeletons: new Set(tokens.map((token) => token.skeleton).filter(Boolean)),
    aliases: new Set(tokens.map((token) => token.alias).filter((alias): alias is string => alias !== null)),
    frequencyKey: key,
  };
}

export function toComparable(prepared: PreparedRecord): ComparableRecord {
  const { name } = prepared;
  return {
    prepared,
    given: field(name.givenTokens, name.variants.givenBare, name.keys.firstGiven),
    family: field(name.familyTokens, name.variants.familyBare, name.keys.familySkeleton),
    origin: prepared.nationality,
  };
}
