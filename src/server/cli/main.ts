import { ConfigError, loadConfig } from '../config.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { MigrationError } from '../db/migrator.ts';
import { isAppError } from '../errors/app-error.ts';
import { createLogger } from '../logger.ts';
import { CliError } from './cli-error.ts';
import { auditVerifyCommand } from './commands/audit-verify.ts';
import { buildWebCommand } from './commands/build-web.ts';
import { dedupCommand } from './commands/dedup.ts';
import { demoCommand } from './commands/demo.ts';
import { migrateCommand } from './commands/migrate.ts';
import { orgAddCommand } from './commands/org-add.ts';
import { pprlCommand } from './commands/pprl.ts';
import { serveCommand } from './commands/serve.ts';
import { tokenCreateCommand } from './commands/token-create.ts';
import { userAddCommand } from './commands/user-add.ts';
import type { Command } from './context.ts';
import { readAllStdin } from './stdin.ts';

/** `sanad <command>`: every command honours SANAD_DATA_DIR, DATABASE_URL and SANAD_KEY_FILE (DESIGN §5). */
const commands: Record<string, Command> = {
  serve: serveCommand,
  migrate: migrateCommand,
  demo: demoCommand,
  'org add': orgAddCommand,
  'user add': userAddCommand,
  'token create': tokenCreateCommand,
  'audit verify': auditVerifyCommand,
  'build-web': buildWebCommand,
  dedup: dedupCommand,
  pprl: pprlCommand,
};

const USAGE = `Usage: sanad <command> [options]

  serve                                  run the server (npm start)
  migrate                                apply database migrations
  demo                                   load the demo data and print its passwords
  org add --name NAME --acronym ACR [--type CODE] [--external]
  user add --organisation ACR --email EMAIL --role ROLE [--password-stdin]
  token create --email EMAIL [--organisation ACR] [--name LABEL]
  audit verify                           check the audit hash chains
  build-web [--if-stale]                 build the web app and report its initial JavaScript size
  dedup --input F.csv --map given=C,… --output P.csv [--link F2.csv] [--id C] [--threshold X] [--candidates A.csv]
                                         find the records of the same person in CSV files
  pprl encode --input F.csv --map given=C,… --secret-file KEY --output TOKENS.csv
                                         turn names into matching tokens (no names leave the member)
  pprl match --input T.csv [--link T2.csv] --output P.csv [--threshold X]
                                         find the same person among matching tokens

Environment: PORT, HOST, SANAD_DATA_DIR, DATABASE_URL, SANAD_KEY_FILE, SANAD_TRUST_PROXY, SANAD_DEMO, LOG_LEVEL`;

async function main(argv: string[]): Promise<number> {
  const name = [argv.slice(0, 2).join(' '), argv[0] ?? ''].find((n) => commands[n]);
  if (!name) {
    const askedForHelp = ['help', '--help', '-h'].includes(argv[0] ?? '');
    if (askedForHelp) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    process.stderr.write(`${argv.length ? `Unknown command: ${argv.join(' ')}\n\n` : ''}${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  // The server logs to stdout (JSON); other commands keep stdout for their result and log only warnings.
  const logger = createLogger(name === 'serve' ? config.logLevel : 'warn');
  const code = await commands[name]!({
    config,
    logger,
    args: argv.slice(name.split(' ').length),
    readStdin: readAllStdin,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
  return code ?? 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.exitCode = reportFailure(error);
}

function reportFailure(error: unknown): number {
  const message = (text: string) => process.stderr.write(`sanad: ${text}\n`);
  if (error instanceof CliError) {
    message(error.message);
    return error.exitCode;
  }
  if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof MigrationError) {
    message(error.message);
    return 1;
  }
  if (isAppError(error)) {
    const details = error.details ? ` ${JSON.stringify(error.details)}` : '';
    message(`${error.message}${details}`);
    return 1;
  }
  if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    message((error as Error).message);
    return 2;
  }
  if ((error as { code?: string }).code === 'ECONNREFUSED') {
    message(`Cannot reach PostgreSQL (${(error as Error).message}). Check DATABASE_URL and that the server runs.`);
    return 1;
  }
  const pgError = error as { severity?: string; code?: string; message?: string };
  if (pgError.severity && pgError.code && /^[0-9A-Z]{5}$/.test(pgError.code)) {
    message(`PostgreSQL refused (${pgError.code}): ${pgError.message}. Check DATABASE_URL and the database's state.`);
    return 1;
  }
  message(`unexpected failure: ${(error as Error)?.message ?? String(error)}`);
  return 1;
}
