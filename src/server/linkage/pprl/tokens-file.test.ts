import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLK_BYTES } from './clk-encoder.ts';
import { TOKEN_SCHEMA } from './token-schema.ts';
import { readTokensFile } from './tokens-file.ts';

const dir = await mkdtemp(join(tmpdir(), 'sanad-tokens-file-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function tokensFile(schema: string): Promise<string> {
  const path = join(dir, `${schema}.csv`);
  const filter = Buffer.alloc(CLK_BYTES, 1).toString('base64');
  await writeFile(path, `id,schema,filter\r\nR1,${schema},${filter}\r\nR2,${schema},${filter}\r\n`);
  return path;
}

describe('tokens files', () => {
  it('reads the current schema version', async () => {
    const file = await readTokensFile(await tokensFile(TOKEN_SCHEMA.clk.version));
    expect(file.ids).toEqual(['R1', 'R2']);
    expect(file.version).toBe(TOKEN_SCHEMA.clk.version);
  });

  it('refuses a file of a retired version with a request to re-encode', async () => {
    await expect(readTokensFile(await tokensFile('sanad-tokens-1'))).rejects.toThrow(/line 2: schema "sanad-tokens-1" was written by an earlier version of Sanad.*re-encodes/);
  });
});
