import type { Logger } from 'pino';
import type { Config } from '../config.ts';

/** What every command receives: parsed configuration, a logger and its own arguments. */
export interface CommandContext {
  config: Config;
  logger: Logger;
  args: string[];
  /** Reads standard input (for --password-stdin). */
  readStdin(): Promise<string>;
  out(line: string): void;
  err(line: string): void;
}

export type Command = (ctx: CommandContext) => Promise<number | void>;
