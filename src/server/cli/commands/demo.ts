import { parseArgs } from 'node:util';
import type { Command } from '../context.ts';
import { printCredentials } from '../print-credentials.ts';
import { withRuntime } from '../with-runtime.ts';
import { loadDemo } from '../../demo/load-demo.ts';

/** `sanad demo`: loads the demo data (idempotent) and prints the new accounts' passwords once. */
export const demoCommand: Command = async (ctx) => {
  parseArgs({ args: ctx.args, options: {}, strict: true });
  await withRuntime(ctx, 'demo', async () => {
    const started = Date.now();
    const result = await loadDemo();
    ctx.err(`Demo loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    printCredentials(ctx, result.credentials);
  });
};
