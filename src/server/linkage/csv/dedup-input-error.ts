import { CliError } from '../../cli/cli-error.ts';

/** What was wrong with the input, for callers and tests that must tell the cases apart. */
export type DedupInputProblem =
  | 'mapping'
  | 'file-unreadable'
  | 'empty-file'
  | 'not-utf8'
  | 'not-csv'
  | 'wrong-delimiter'
  | 'no-header'
  | 'missing-column'
  | 'duplicate-column'
  | 'field-count'
  | 'malformed-csv'
  | 'empty-id'
  | 'duplicate-id';

/**
 * Bad `sanad dedup` input (a wrong `--map`, a file that is not the CSV it should be). It is a CliError, so the
 * CLI prints only the message, never a stack trace. A wrong `--map` is a usage error (exit code 2); a bad
 * file exits with 1.
 */
export class DedupInputError extends CliError {
  constructor(
    readonly problem: DedupInputProblem,
    message: string,
  ) {
    super(message, problem === 'mapping' ? 2 : 1);
    this.name = 'DedupInputError';
  }
}
