import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/**
 * Sensitive fields are encrypted with AES-256-GCM under the keys of SANAD_KEY_FILE (DESIGN §2). Every
 * ciphertext names its key id, so keys can rotate: new writes use the current key, old ones still decrypt.
 * The key file is never inside a data backup; losing it loses the encrypted fields.
 */
const KeyFileSchema = z.object({
  format: z.literal('sanad-keyring-1'),
  current: z.string().regex(/^k\d+$/),
  keys: z.array(z.object({ id: z.string().regex(/^k\d+$/), key: z.string(), createdAt: z.string() })).min(1),
});
type KeyFile = z.infer<typeof KeyFileSchema>;

const PREFIX = 'enc1';

export class Keyring {
  private readonly keys: Map<string, Buffer>;
  constructor(private readonly file: KeyFile) {
    this.keys = new Map(file.keys.map((k) => [k.id, Buffer.from(k.key, 'base64')]));
    for (const [id, key] of this.keys) {
      if (key.length !== 32) throw new Error(`Key ${id} in the key file is not 32 bytes long.`);
    }
    if (!this.keys.has(file.current)) throw new Error(`The key file's current key ${file.current} is missing.`);
  }

  get currentKeyId(): string {
    return this.file.current;
  }

  /** `enc1.<keyId>.<base64url(iv ‖ tag ‖ ciphertext)>`; `context` binds the ciphertext to its field. */
  encrypt(plaintext: string, context = ''): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.fieldKey(this.file.current), iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [PREFIX, this.file.current, Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')].join('.');
  }

  decrypt(ciphertext: string, context = ''): string {
    const [prefix, keyId, data] = ciphertext.split('.');
    if (prefix !== PREFIX || !keyId || !data) throw new Error('Not a Sanad ciphertext.');
    if (!this.keys.has(keyId)) throw new Error(`Ciphertext uses key ${keyId}, which is not in the key file.`);
    const raw = Buffer.from(data, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.fieldKey(keyId), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** A keyed digest for searching encrypted values (blind index) and for local secrets. */
  mac(purpose: string, value: string): string {
    return createHmac('sha256', this.derive(this.file.keys[0]!.id, `mac:${purpose}`)).update(value).digest('base64url');
  }

  private fieldKey(keyId: string): Buffer {
    return this.derive(keyId, 'field-encryption');
  }

  private derive(keyId: string, info: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.keys.get(keyId)!, Buffer.alloc(0), info, 32));
  }

  static generate(now = new Date()): Keyring {
    return new Keyring({
      format: 'sanad-keyring-1',
      current: 'k1',
      keys: [{ id: 'k1', key: randomBytes(32).toString('base64'), createdAt: now.toISOString() }],
    });
  }

  serialise(): string {
    return `${JSON.stringify(this.file, null, 2)}\n`;
  }
}

/** Loads the key file, creating it (mode 0600) when missing; `created` tells the caller to remind the user. */
export function loadOrCreateKeyring(path: string): { keyring: Keyring; created: boolean } {
  if (existsSync(path)) return { keyring: readKeyring(path), created: false };
  mkdirSync(dirname(path), { recursive: true });
  const keyring = Keyring.generate();
  writeFileSync(path, keyring.serialise(), { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return { keyring, created: true };
}

export function readKeyring(path: string): Keyring {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the key file ${path}: ${(error as Error).message}`, { cause: error });
  }
  const result = KeyFileSchema.safeParse(parsed);
  if (!result.success) throw new Error(`The key file ${path} is not a Sanad key file.`);
  return new Keyring(result.data);
}
