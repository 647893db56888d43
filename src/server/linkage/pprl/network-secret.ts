import { readFile } from 'node:fs/promises';
import { CliError } from '../../cli/cli-error.ts';

/** HKDF needs real key material: 32 bytes (256 bits) at least, as ClkEncoder checks. */
export const MIN_SECRET_BYTES = 32;

/**
 * Reads the network secret: the file's bytes, without one trailing newline (so an editor that adds one
 * does not change the key). Every member of the network must use the very same file.
 */
export async function readNetworkSecret(path: string): Promise<Uint8Array> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new CliError(`The secret file ${path} does not exist. Every member of the network uses the same secret file, given by the network's coordinator.`);
    if (code === 'EISDIR') throw new CliError(`The secret file ${path} is a directory.`);
    throw new CliError(`The secret file ${path} cannot be read: ${(error as Error).message}`);
  }
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === 0x0a) end--;
  if (end > 0 && bytes[end - 1] === 0x0d) end--;
  const secret = bytes.subarray(0, end);
  if (secret.length < MIN_SECRET_BYTES) {
    throw new CliError(`The secret file ${path} holds ${secret.length} bytes; a network secret needs at least ${MIN_SECRET_BYTES} (make one with: openssl rand -base64 48 > ${path}).`);
  }
  return new Uint8Array(secret);
}
