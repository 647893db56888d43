import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Keyring, loadOrCreateKeyring, readKeyring } from './keyring.ts';

const key = () => ({ key: randomBytes(32).toString('base64'), createdAt: '2026-01-01T00:00:00.000Z' });

describe('keyring', () => {
  it('decrypts what it encrypted, in the same context', () => {
    const keyring = Keyring.generate();
    const secret = 'Note psychosociale — ملاحظة سرية';
    const ciphertext = keyring.encrypt(secret, 'person.protection_notes');
    expect(ciphertext).not.toContain('Note');
    expect(keyring.decrypt(ciphertext, 'person.protection_notes')).toBe(secret);
  });

  it('uses a fresh IV each time, so equal plaintexts give different ciphertexts', () => {
    const keyring = Keyring.generate();
    expect(keyring.encrypt('same', 'f')).not.toBe(keyring.encrypt('same', 'f'));
  });

  it('refuses to decrypt in another context (a value moved to another field)', () => {
    const keyring = Keyring.generate();
    const ciphertext = keyring.encrypt('passport AB123456', 'person.document_number');
    expect(() => keyring.decrypt(ciphertext, 'person.phone')).toThrow();
  });

  it('refuses a tampered ciphertext and one from another key file', () => {
    const keyring = Keyring.generate();
    const ciphertext = keyring.encrypt('x'.repeat(40), 'f');
    const [prefix, keyId, data] = ciphertext.split('.');
    const raw = Buffer.from(data!, 'base64url');
    raw[raw.length - 1]! ^= 1;
    expect(() => keyring.decrypt(`${prefix}.${keyId}.${raw.toString('base64url')}`, 'f')).toThrow();
    expect(() => Keyring.generate().decrypt(ciphertext, 'f')).toThrow();
  });

  it('names its key id in the ciphertext', () => {
    const keyring = new Keyring({ format: 'sanad-keyring-1', current: 'k7', keys: [{ id: 'k7', ...key() }] });
    expect(keyring.currentKeyId).toBe('k7');
    expect(keyring.encrypt('hello', 'f')).toMatch(/^enc1\.k7\.[A-Za-z0-9_-]+$/);
  });

  it('after rotation, encrypts with the new key and still decrypts ciphertexts of the old one', () => {
    const k1 = { id: 'k1', ...key() };
    const k2 = { id: 'k2', ...key() };
    const before = new Keyring({ format: 'sanad-keyring-1', current: 'k1', keys: [k1] });
    const old = before.encrypt('recorded in 2021', 'f');
    expect(old.split('.')[1]).toBe('k1');

    const rotated = new Keyring({ format: 'sanad-keyring-1', current: 'k2', keys: [k1, k2] });
    expect(rotated.decrypt(old, 'f')).toBe('recorded in 2021');
    const fresh = rotated.encrypt('recorded in 2026', 'f');
    expect(fresh.split('.')[1]).toBe('k2');
    expect(rotated.decrypt(fresh, 'f')).toBe('recorded in 2026');
    // The old keyring alone cannot read what the new key wrote, and says which key is missing.
    expect(() => before.decrypt(fresh, 'f')).toThrow(/k2/);
  });

  it('refuses a key file whose keys are not 32 bytes or whose current key is missing', () => {
    expect(() => new Keyring({ format: 'sanad-keyring-1', current: 'k1', keys: [{ id: 'k1', key: 'c2hvcnQ=', createdAt: '' }] })).toThrow(/32 bytes/);
    expect(() => new Keyring({ format: 'sanad-keyring-1', current: 'k2', keys: [{ id: 'k1', ...key() }] })).toThrow(/k2/);
  });

  it('rejects text that is not a Sanad ciphertext', () => {
    expect(() => Keyring.generate().decrypt('plain text', 'f')).toThrow(/Not a Sanad ciphertext/);
  });
});

describe('loadOrCreateKeyring', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('creates the key file with mode 0600 on first use, then loads the same keys', () => {
    dir = mkdtempSync(join(tmpdir(), 'sanad-keyring-'));
    const path = join(dir, 'nested', 'sanad.key');
    const first = loadOrCreateKeyring(path);
    expect(first.created).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ format: 'sanad-keyring-1', current: 'k1' });

    const ciphertext = first.keyring.encrypt('kept across restarts', 'f');
    const second = loadOrCreateKeyring(path);
    expect(second.created).toBe(false);
    expect(second.keyring.decrypt(ciphertext, 'f')).toBe('kept across restarts');
    expect(readKeyring(path).mac('purpose', 'v')).toBe(first.keyring.mac('purpose', 'v'));
  });

  it('refuses a file that is not a Sanad key file', () => {
    dir = mkdtempSync(join(tmpdir(), 'sanad-keyring-'));
    const path = join(dir, 'sanad.key');
    writeFileSync(path, '{"hello": "world"}');
    expect(() => loadOrCreateKeyring(path)).toThrow(/not a Sanad key file/);
    writeFileSync(path, 'not json');
    expect(() => readKeyring(path)).toThrow(/Cannot read the key file/);
  });
});
