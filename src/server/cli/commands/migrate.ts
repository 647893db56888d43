import { parseArgs } from 'node:util';
import { migrate } from '../../db/migrator.ts';
import type { Command } from '../context.ts';
import { withRuntime } from '../with-runtime.ts';

/** `sanad migrate`: applies pending migrations and says which. */
export const migrateCommand: Command = async (ctx) => {
  parseArgs({ args: ctx.args, options: {}, strict: true });
  await withRuntime(ctx, 'migrate', async (runtime) => {
    // openRuntime migrated already; a second pass reports the state.
    const { current } = await migrate(runtime.db);
    ctx.err(`Database (${runtime.db.engine}) is at migration ${current}.`);
  });
};
