import { hkdfSync } from 'node:crypto';
import { createBLAKE2b, type IHasher } from 'hash-wasm';

interface FieldHasher {
  hasher: IHasher;
  bitsPerToken: number;
  offset: number;
  length: number;
}

/** Filter length in bits (and so 128 bytes): the Dice kernel's fast path, as in clkhash's defaults. */
export const CLK_BITS = 1024;
export const CLK_BYTES = CLK_BITS / 8;
/** Each token's keyed hash yields 16 bit positions; more per token would need a second hash. */
const MAX_BITS_PER_TOKEN = 16;
/**
 * Fields that must never enter a filter (DESIGN §6): phone numbers come from a small, guessable space and
 * are shared within households, so a filter would leak them; if ever used, they get an exact keyed hash.
 */
const FORBIDDEN_FIELDS = new Set(['phone', 'telephone', 'tel', 'mobile']);

export interface ClkFieldSchema {
  /** The field's name; its key is derived from the network secret with this name. */
  name: string;
  /** Bits each of the field's tokens sets (1–16); tuned so that about half of the filter's bits are set. */
  bitsPerToken: number;
  /**
   * The bits the field writes to (default: the whole filter). Separate segments let the matcher compare
   * field by field (given against given, and given against family for swapped names).
   */
  segment?: { offset: number; length: number };
  /** The name its key is derived from (default `name`): fields sharing a key set the same bits for a token. */
  keyName?: string;
}

export interface ClkSchema {
  /** Bumped when the tokenisation or hashing changes: filters of different versions do not compare. */
  version: string;
  fields: ClkFieldSchema[];
}

/**
 * Cryptographic long-term keys (CLKs, Schnell et al. 2011) as clkhash builds them: one 1,024-bit Bloom
 * filter per record, into which every token of every field sets bits chosen by a keyed hash — BLAKE2b-256
 * keyed with a per-field key derived by HKDF-SHA-256 from the network's secret. Each of a token's bit
 * positions is read straight from its keyed hash (no double hashing, whose structure helps attackers).
 * The central matcher never holds the secret: only member organisations encode.
 */
export class ClkEncoder {
  private constructor(
    readonly schema: ClkSchema,
    private readonly hashers: Map<string, FieldHasher>,
  ) {}

  static async create(networkSecret: Uint8Array, schema: ClkSchema): Promise<ClkEncoder> {
    if (networkSecret.length < 32) throw new RangeError('the network secret must be at least 32 bytes');
    const hashers = new Map<string, FieldHasher>();
    for (const field of schema.fields) {
      if (FORBIDDEN_FIELDS.has(field.name.toLowerCase())) {
        throw new RangeError(`the field "${field.name}" must not be encoded into a Bloom filter (phone numbers are matched by an exact keyed hash, if at all)`);
      }
      if (!Number.isInteger(field.bitsPerToken) || field.bitsPerToken < 1 || field.bitsPerToken > MAX_BITS_PER_TOKEN) {
        throw new RangeError(`bitsPerToken of "${field.name}" must be an integer from 1 to ${MAX_BITS_PER_TOKEN}`);
      }
      if (hashers.has(field.name)) throw new RangeError(`the field "${field.name}" appears twice in the schema`);
      const { offset, length } = field.segment ?? { offset: 0, length: CLK_BITS };
      if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 8 || offset + length > CLK_BITS) {
        throw new RangeError(`the segment of "${field.name}" must lie inside the ${CLK_BITS}-bit filter`);
      }
      const key = new Uint8Array(hkdfSync('sha256', networkSecret, `sanad-clk-${schema.version}`, `field:${field.keyName ?? field.name}`, 32));
      hashers.set(field.name, { hasher: await createBLAKE2b(256, key), bitsPerToken: field.bitsPerToken, offset, length });
    }
    return new ClkEncoder(schema, hashers);
  }

  /** Encodes one record's tokens, field by field, into a new 128-byte filter. */
  encode(tokens: Readonly<Record<string, readonly string[]>>): Uint8Array {
    const filter = new Uint8Array(CLK_BYTES);
    this.encodeInto(filter, 0, tokens);
    return filter;
  }

  /** Encodes into `out` at byte `offset` (a batch buffer for the Dice kernel); the 128 bytes are cleared first. */
  encodeInto(out: Uint8Array, offset: number, tokens: Readonly<Record<string, readonly string[]>>): void {
    out.fill(0, offset, offset + CLK_BYTES);
    for (const name in tokens) {
      const field = this.hashers.get(name);
      if (!field) throw new RangeError(`the field "${name}" is not in the CLK schema`);
      for (const token of tokens[name]!) {
        field.hasher.init();
        field.hasher.update(token);
        const digest = field.hasher.digest('binary');
        for (let i = 0; i < field.bitsPerToken; i++) {
          // Two digest bytes give 16 bits: uniform over a power-of-two segment, and within 1/170 of uniform
          // over any other segment length up to 384 bits.
          const position = field.offset + ((digest[2 * i]! | (digest[2 * i + 1]! << 8)) % field.length);
          out[offset + (position >>> 3)]! |= 1 << (position & 7);
        }
      }
    }
  }
}

/** The padded bigrams of a string ("ali" → "_a", "al", "li", "i_"), clkhash's tokens for text fields. */
export function bigrams(text: string): string[] {
  if (!text) return [];
  const padded = `_${text}_`;
  const out: string[] = [];
  for (let i = 0; i < padded.length - 1; i++) out.push(padded.slice(i, i + 2));
  return out;
}
