import { CliError } from '../cli-error.ts';
import type { Command } from '../context.ts';
import { PPRL_ENCODE_USAGE, pprlEncodeCommand } from './pprl-encode.ts';
import { PPRL_MATCH_USAGE, pprlMatchCommand } from './pprl-match.ts';

const SUBCOMMANDS: Record<string, Command> = { encode: pprlEncodeCommand, match: pprlMatchCommand };

/** `sanad pprl encode|match`: matching tokens for the network duplicate check, on CSV files. */
export const pprlCommand: Command = async (ctx) => {
  const [name, ...args] = ctx.args;
  const command = name ? SUBCOMMANDS[name] : undefined;
  if (!command) throw new CliError(`${name ? `Unknown pprl command: ${name}\n` : ''}${PPRL_ENCODE_USAGE}\n${PPRL_MATCH_USAGE}`, 2);
  return command({ ...ctx, args });
};
