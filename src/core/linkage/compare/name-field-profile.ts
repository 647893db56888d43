import type { ComparableNameField } from '../engine/comparable.ts';

/**
 * What the name-level comparison reads of a name field, in the form it compares fastest: the strings it
 * only tests for equality (or shares between sets) as integer ids from one interner, the strings it measures
 * (Jaro–Winkler, edit distance) as they are. Fields with the same comparison content — "Mohamed" typed as
 * "MOHAMED " or with another frequency key — share one profile and so one `id`: the level memo then
 * remembers a level per pair of contents, not per pair of field objects.
 */
export interface NameFieldProfile {
  /** Dense, never reused while the profile lives: the level memo's key. */
  readonly id: number;
  readonly joinedId: number;
  readonly sortedJoinedId: number;
  readonly bareId: number;
  readonly typedCompactId: number;
  readonly foldedId: number;
  readonly aliasIds: Int32Array;
  readonly skeletonIds: Int32Array;
  readonly joined: string;
  readonly typedCompact: string;
  readonly folded: string;
  readonly skeleton: string;
  readonly arabicScript: boolean;
  readonly arabicSkeletons: readonly string[];
  readonly tokenFolds: readonly string[];
}

/** The id of the empty string in every generation of the interner (it is interned first). */
export const EMPTY_STRING_ID = 0;

/**
 * Past this many interned strings or profiles, everything restarts (bounded memory on huge batches). A
 * profile keeps its content key and its field alive, a few hundred bytes; a worker of a batch run under
 * --max-old-space-size=192 gets that heap too (the flag caps every isolate), so the tables stay small:
 * 2^16 profiles (at 2^18 comparing 1.9 M records under that cap took 106 s instead of 63), and the tables
 * are dropped before training (batch-tasks.ts).
 */
const INTERNED_LIMIT = 1 << 16;
/** Profile ids stay below this so that the level memo can pack an id with a level into 32 bits. */
export const MAX_PROFILE_ID = (1 << 28) - 1;

/**
 * Interns name fields into profiles, per thread. Ids of strings are only meaningful within one generation:
 * when the tables are full, a new generation starts (new strings, new profiles, a new symbol so that every
 * field object is profiled again) and `onRestart` tells the level memo to forget what it remembered.
 */
export class NameFieldProfiles {
  #symbol: symbol = Symbol('name field profile');
  #strings = new Map<string, number>([['', EMPTY_STRING_ID]]);
  #byContent = new Map<string, NameFieldProfile>();
  /** Field objects that cannot take a property (frozen): profiles by identity instead. */
  #frozen = new WeakMap<ComparableNameField, NameFieldProfile>();
  #nextId = 1;

  constructor(private readonly onRestart: () => void) {}

  /** The field's profile, built once per field object (and once per distinct content). */
  of(field: ComparableNameField): NameFieldProfile {
    const known = (field as unknown as Record<symbol, NameFieldProfile | undefined>)[this.#symbol];
    if (known !== undefined) return known;
    return this.#profile(field);
  }

  #profile(field: ComparableNameField): NameFieldProfile {
    const extensible = Object.isExtensible(field);
    if (!extensible) {
      const frozen = this.#frozen.get(field);
      if (frozen !== undefined) return frozen;
    }
    if (this.#strings.size >= INTERNED_LIMIT || this.#byContent.size >= INTERNED_LIMIT || this.#nextId >= MAX_PROFILE_ID) this.#restart();
    const content = contentKey(field);
    let profile = this.#byContent.get(content);
    if (profile === undefined) {
      profile = this.#build(field);
      this.#byContent.set(content, profile);
    }
    // Non-enumerable: spread copies, JSON and structured clones never carry it, so a changed copy of a
    // field is profiled from its own content.
    if (extensible) Object.defineProperty(field, this.#symbol, { value: profile, enumerable: false });
    else this.#frozen.set(field, profile);
    return profile;
  }

  #intern(text: string): number {
    let id = this.#strings.get(text);
    if (id === undefined) this.#strings.set(text, (id = this.#strings.size));
    return id;
  }

  #build(field: ComparableNameField): NameFieldProfile {
    return {
      id: this.#nextId++,
      joinedId: this.#intern(field.joined),
      sortedJoinedId: this.#intern(field.sortedJoined),
      bareId: this.#intern(field.bare),
      typedCompactId: this.#intern(field.typedCompact),
      foldedId: this.#intern(field.folded),
      aliasIds: Int32Array.from(field.aliases, (alias) => this.#intern(alias)),
      skeletonIds: Int32Array.from(field.skeletons, (skeleton) => this.#intern(skeleton)),
      joined: field.joined,
      typedCompact: field.typedCompact,
      folded: field.folded,
      skeleton: field.skeleton,
      arabicScript: field.arabicScript,
      arabicSkeletons: [...field.arabicSkeletons],
      tokenFolds: field.tokens.map((token) => token.folded),
    };
  }

  /** Starts a new generation now (a phase that compares no more names gives its memory back). */
  forget(): void {
    this.#restart();
  }

  #restart(): void {
    this.#symbol = Symbol('name field profile');
    this.#strings = new Map([['', EMPTY_STRING_ID]]);
    this.#byContent = new Map();
    this.#frozen = new WeakMap();
    this.#nextId = 1;
    this.onRestart();
  }
}

/** Everything a profile holds, as one text: equal texts make equal profiles. */
function contentKey(field: ComparableNameField): string {
  return JSON.stringify([
    field.joined,
    field.sortedJoined,
    field.bare,
    field.typedCompact,
    field.folded,
    field.skeleton,
    field.arabicScript,
    field.arabicSkeletons,
    field.tokens.map((token) => token.folded),
    // Sets are only asked "do they share a value?": their order does not matter.
    [...field.aliases].sort(),
    [...field.skeletons].sort(),
  ]);
}
