import { openRuntime, type Runtime } from '../bootstrap.ts';
import type { CommandContext } from './context.ts';

/** Runs a command's work with the database open (and the data-dir lock held), then closes it. */
export async function withRuntime<T>(ctx: CommandContext, command: string, fn: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(ctx.config, { command, logger: ctx.logger });
  try {
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}
