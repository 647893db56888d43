import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { prepareRecord } from '../../../core/linkage/engine/prepare-record.ts';
import { openRecordStream } from '../../linkage/csv/open-record-stream.ts';
import { parseMapping } from '../../linkage/csv/parse-mapping.ts';
import { ProgressBar } from '../../linkage/csv/progress-bar.ts';
import { formatCsvRow } from '../../linkage/csv/rfc4180.ts';
import { ClkEncoder } from '../../linkage/pprl/clk-encoder.ts';
import { readNetworkSecret } from '../../linkage/pprl/network-secret.ts';
import { recordTokens } from '../../linkage/pprl/record-tokens.ts';
import { TOKEN_SCHEMA } from '../../linkage/pprl/token-schema.ts';
import { TOKENS_HEADER } from '../../linkage/pprl/tokens-file.ts';
import { CliError } from '../cli-error.ts';
import type { Command } from '../context.ts';

export const PPRL_ENCODE_USAGE = 'usage: sanad pprl encode --input FILE.csv --map given=COL,family=COL,dob=COL,sex=COL [--id COL] --secret-file KEY --output TOKENS.csv';

/** Fields a filter may hold (DESIGN §6): never phones; nationality and other columns are not encoded. */
const ENCODED_FIELDS = new Set(['given', 'family', 'dob', 'sex']);

/**
 * `sanad pprl encode`: turns a member's CSV of people into matching tokens — one 1,024-bit filter per
 * record, keyed with the network secret — that can be shared for the network duplicate check without the
 * names. Output: id, schema version, filter (base64).
 */
export const pprlEncodeCommand: Command = async (ctx) => {
  let values;
  try {
    ({ values } = parseArgs({
      args: ctx.args,
      options: { input: { type: 'string' }, map: { type: 'string' }, id: { type: 'string' }, 'secret-file': { type: 'string' }, output: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)}\n${PPRL_ENCODE_USAGE}`, 2);
  }
  if (!values.input || !values.map || !values['secret-file'] || !values.output) {
    throw new CliError(`--input, --map, --secret-file and --output are required.\n${PPRL_ENCODE_USAGE}`, 2);
  }
  const mapping = parseMapping(values.map);
  if (mapping.phone) throw new CliError('--map: phone numbers are never encoded into matching tokens (they are few, guessable and shared by households); remove phone=.', 2);
  const ignored = [...Object.keys(mapping).filter((key) => key !== 'other' && !ENCODED_FIELDS.has(key)), ...(mapping.other.length ? ['other'] : [])];
  if (ignored.length) throw new CliError(`--map: pprl encode uses given, family, dob and sex only; remove ${ignored.join(', ')}.`, 2);
  const secret = await readNetworkSecret(values['secret-file']);
  const encoder = await ClkEncoder.create(secret, TOKEN_SCHEMA.clk);

  const bar = new ProgressBar({ output: process.stderr, label: `encoding ${basename(values.input)}` });
  const stream = await openRecordStream(values.input, { mapping, ...(values.id ? { idColumn: values.id } : {}), onProgress: (progress) => bar.update(progress) });
  const temporary = `${values.output}.partial-${process.pid}`;
  const out = createWriteStream(temporary);
  let records = 0;
  let warnings = 0;
  try {
    out.write(formatCsvRow(TOKENS_HEADER));
    for await (const { record } of stream) {
      const prepared = prepareRecord(record);
      if (prepared.warnings.length) warnings++;
      const filter = encoder.encode(recordTokens(prepared, { saltNames: TOKEN_SCHEMA.saltNames }) as unknown as Record<string, string[]>);
      if (!out.write(formatCsvRow([record.id, TOKEN_SCHEMA.clk.version, Buffer.from(filter).toString('base64')]))) await once(out, 'drain');
      records++;
    }
    out.end();
    await once(out, 'finish');
    if (records === 0) throw new CliError(`${values.input} has a header but no records.`);
    await rename(temporary, values.output);
  } catch (error) {
    out.destroy();
    await rm(temporary, { force: true });
    if (error instanceof CliError) throw error;
    throw new CliError(`Cannot write ${values.output}: ${error instanceof Error ? error.message : String(error)}`);
  }
  bar.finish({ records, bytesRead: stream.totalBytes, totalBytes: stream.totalBytes });
  if (warnings) ctx.err(`${warnings.toLocaleString('en')} records had a value that could not be read (an impossible date, an unknown sex); it was left out of their tokens.`);
  ctx.err(`${records.toLocaleString('en')} records encoded (schema ${TOKEN_SCHEMA.clk.version}) into ${values.output}.`);
};
