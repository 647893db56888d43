import { CliError } from './cli-error.ts';

/** `--password-stdin`: reads one line and strips the newline (DESIGN §5). */
export async function readSecretLine(read: () => Promise<string>, what = 'password'): Promise<string> {
  const text = await read();
  const line = text.split(/\r?\n/)[0] ?? '';
  if (!line) throw new CliError(`No ${what} on standard input (expected one line).`);
  return line;
}

export async function readAllStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new CliError('Pipe the secret on standard input, e.g. printf %s "$PASSWORD" | sanad …');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
