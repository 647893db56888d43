import { parseArgs } from 'node:util';
import { verifyAuditChains } from '../../audit/verify.ts';
import type { Command } from '../context.ts';
import { withRuntime } from '../with-runtime.ts';

/** `sanad audit verify`: 0 when every chain is intact; else names the first broken entry and exits 1. */
export const auditVerifyCommand: Command = async (ctx) => {
  parseArgs({ args: ctx.args, options: {}, strict: true });
  return withRuntime(ctx, 'audit verify', async (runtime) => {
    let lastReport = Date.now();
    const result = await verifyAuditChains(runtime.db, (organisationId, entries) => {
      if (Date.now() - lastReport > 1000) {
        lastReport = Date.now();
        ctx.err(`… ${entries} entries verified (chain ${organisationId})`);
      }
    });
    if (result.ok) {
      ctx.out(`Audit trail intact: ${result.entries} entries in ${result.chains} chains.`);
      return 0;
    }
    const b = result.broken!;
    ctx.err(
      `Audit trail BROKEN at organisation ${b.organisationId}, entry seq ${b.seq}${b.id ? ` (id ${b.id})` : ''}: ${b.reason}.`,
    );
    return 1;
  });
};
