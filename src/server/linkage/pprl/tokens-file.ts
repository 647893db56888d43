import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { CliError } from '../../cli/cli-error.ts';
import { translateFileError } from '../csv/translate-errors.ts';
import { Utf8FaultError, Utf8Guard } from '../csv/utf8-guard.ts';
import { CLK_BYTES } from './clk-encoder.ts';
import { KNOWN_TOKEN_SCHEMAS, RETIRED_TOKEN_SCHEMAS, TOKEN_SCHEMA } from './token-schema.ts';

/** The columns of a tokens file: the record's id, the schema version and the filter in base64. */
export const TOKENS_HEADER = ['id', 'schema', 'filter'] as const;
const BASE64_LENGTH = Math.ceil(CLK_BYTES / 3) * 4;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export interface TokensFile {
  ids: string[];
  /** The filters back to back, CLK_BYTES each, in the order of `ids`. */
  filters: Uint8Array;
  version: string;
}

/** Decodes one filter, or says what is wrong with it. */
export function decodeFilter(text: string, where: string): Uint8Array {
  if (!BASE64.test(text)) throw new CliError(`${where}: the filter is not base64 (only A–Z, a–z, 0–9, + and / followed by = padding).`);
  const bytes = Buffer.from(text, 'base64');
  if (text.length !== BASE64_LENGTH || bytes.length !== CLK_BYTES) {
    throw new CliError(`${where}: the filter is ${bytes.length} bytes long; filters of this schema are ${CLK_BYTES} bytes (${BASE64_LENGTH} base64 characters).`);
  }
  return bytes;
}

/**
 * Reads a tokens file written by `sanad pprl encode`, checking everything before matching starts: the
 * header, one known schema version for every row (filters of two versions never compare), unique
 * non-empty ids, and well-formed filters of the right length.
 */
export async function readTokensFile(path: string, expectedVersion?: string): Promise<TokensFile> {
  try {
    if (!(await stat(path)).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
  } catch (error) {
    throw translateFileError(path, error);
  }
  const parser = parse({ bom: true, info: true, skip_empty_lines: true });
  pipeline(createReadStream(path), new Utf8Guard(), parser).catch(() => undefined);
  const ids: string[] = [];
  const seen = new Set<string>();
  let buffer = new Uint8Array(1024 * CLK_BYTES);
  let version: string | undefined = expectedVersion;
  let header = true;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const where = `${path}, line ${info.lines}`;
      if (header) {
        if (record.join(',') !== TOKENS_HEADER.join(',')) {
          throw new CliError(`${path} is not a tokens file: its header is "${record.join(',')}", not "${TOKENS_HEADER.join(',')}" (write one with sanad pprl encode).`);
        }
        header = false;
        continue;
      }
      if (record.length !== 3) throw new CliError(`${where}: ${record.length} fields instead of 3 (id, schema, filter).`);
      const [id, schema, filter] = record as [string, string, string];
      if (!id) throw new CliError(`${where}: the id is empty.`);
      if (seen.has(id)) throw new CliError(`${where}: the id "${id}" appears twice.`);
      if (RETIRED_TOKEN_SCHEMAS.includes(schema)) {
        throw new CliError(`${where}: schema "${schema}" was written by an earlier version of Sanad, whose filters do not compare with this version's (${TOKEN_SCHEMA.clk.version}); every member re-encodes its records with the current sanad pprl encode.`);
      }
      if (!KNOWN_TOKEN_SCHEMAS.some((known) => known.clk.version === schema)) {
        throw new CliError(`${where}: unknown schema "${schema}" (this version of Sanad reads ${KNOWN_TOKEN_SCHEMAS.map((s) => s.clk.version).join(', ')}); re-encode with the current sanad pprl encode.`);
      }
      version ??= schema;
      if (schema !== version) throw new CliError(`${where}: schema "${schema}" mixed with "${version}"; filters of two schema versions never compare — re-encode every file with one version.`);
      const bytes = decodeFilter(filter, where);
      if ((ids.length + 1) * CLK_BYTES > buffer.length) {
        const bigger = new Uint8Array(buffer.length * 2);
        bigger.set(buffer);
        buffer = bigger;
      }
      buffer.set(bytes, ids.length * CLK_BYTES);
      ids.push(id);
      seen.add(id);
    }
  } catch (error) {
    parser.destroy();
    if (error instanceof CliError) throw error;
    if (error instanceof Utf8FaultError) throw new CliError(`${path} is not valid UTF-8 at byte ${error.fault.byteOffset}; it is not a tokens file.`);
    throw new CliError(`${path} cannot be read as a tokens file: ${(error as Error).message}`);
  }
  if (header) throw new CliError(`${path} is empty; it is not a tokens file.`);
  if (ids.length === 0) throw new CliError(`${path} has a header but no records.`);
  return { ids, filters: buffer.slice(0, ids.length * CLK_BYTES), version: version! };
}
