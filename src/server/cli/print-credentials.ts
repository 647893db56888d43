import type { DemoCredential } from '../demo/load-demo.ts';
import type { CommandContext } from './context.ts';

/** Prints demo accounts and their one-time passwords as a table. */
export function printCredentials(ctx: Pick<CommandContext, 'out'>, credentials: DemoCredential[]): void {
  if (!credentials.length) {
    ctx.out('The demo was already loaded: its passwords were printed when it was first created.');
    return;
  }
  ctx.out('Demo accounts (passwords shown once; each must be changed at first sign-in):');
  const width = Math.max(...credentials.map((c) => c.email.length));
  for (const c of credentials) ctx.out(`  ${c.email.padEnd(width)}  ${c.password}  ${c.organisation} ${c.role}`);
}
