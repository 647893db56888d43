import { parseArgs } from 'node:util';
import { openRuntime } from '../../bootstrap.ts';
import { withOwnerTransaction } from '../../db/transaction.ts';
import { loadDemo } from '../../demo/load-demo.ts';
import { buildApp } from '../../http/app.ts';
import { startLocalAdmin } from '../../http/local-admin.ts';
import { abortAll, markInterruptedJobs } from '../../jobs/runner.ts';
import { CliError } from '../cli-error.ts';
import type { Command } from '../context.ts';
import { printCredentials } from '../print-credentials.ts';
import { prepareWebApp } from '../prepare-web-app.ts';

/**
 * `sanad serve` (what `npm start` runs): migrates, loads the demo on a first PGlite run (DESIGN §7), marks
 * jobs of a previous process interrupted, serves HTTP, and opens the local admin endpoint for CLI commands.
 */
export const serveCommand: Command = async (ctx) => {
  parseArgs({ args: ctx.args, options: {}, strict: true });
  const { config, logger } = ctx;
  const runtime = await openRuntime(config, { command: 'serve', logger });
  const engine = runtime.db.engine;

  const demoWanted = config.demo === true || (engine === 'pglite' && runtime.freshDataDir && config.demo !== false);
  const demo = demoWanted ? await loadDemo() : null;
  const members = await withOwnerTransaction('serve.count', (tx) =>
    tx.query<{ n: number }>("select count(*)::int8 as n from organisations where kind = 'member'"),
  );
  const interrupted = await markInterruptedJobs();
  if (interrupted) logger.warn({ interrupted }, 'jobs of the previous run were marked interrupted');

  const webDir = await prepareWebApp(ctx);
  const app = await buildApp({ logger, trustProxy: config.trustProxy, webDir });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // Release the data dir (lock file, PGlite) before reporting, so the next start is not blocked.
    await app.close().catch(() => undefined);
    await runtime.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new CliError(`Cannot listen on ${config.host}:${config.port} (${code}). Set PORT or HOST to another value.`);
    }
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  let localAdmin: Awaited<ReturnType<typeof startLocalAdmin>> | null = null;
  if (runtime.lock) {
    localAdmin = await startLocalAdmin(runtime.keyring);
    runtime.lock.update({ adminPort: localAdmin.port });
  }

  // Signal handlers go in before the banner: whoever reads "Press Ctrl+C" may stop the server at once.
  const stopped = new Promise<void>((resolve) => {
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      abortAll();
      await app.close().catch((error) => logger.error({ err: error }, 'closing HTTP failed'));
      await localAdmin?.app.close().catch(() => undefined);
      await runtime.close().catch((error) => logger.error({ err: error }, 'closing the database failed'));
      resolve();
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });

  ctx.out('');
  ctx.out(`Sanad is running at http://${shownHost}:${port}/  (database: ${engine}${engine === 'pglite' ? `, data in ${config.dataDir}` : ''})`);
  ctx.out(`API documentation: http://${shownHost}:${port}/api/docs`);
  if (demo?.credentials.length) {
    const admin = demo.credentials.find((c) => c.email === 'admin@afm.demo');
    if (admin) ctx.out(`Open it in a browser and sign in as ${admin.email} with password ${admin.password}; you choose a new password at first sign-in.`);
    printCredentials(ctx, demo.credentials);
  } else if (members[0]!.n === 0) {
    ctx.out('No organisation yet. Create one and its administrator:');
    ctx.out('  npx sanad org add --name "Your association" --acronym ACR');
    ctx.out('  npx sanad user add --organisation ACR --email you@example.org --role org_admin');
  } else {
    ctx.out('Sign in with your account. Demo passwords are printed only when the demo is first loaded.');
  }
  ctx.out('Press Ctrl+C to stop.');

  await stopped;
};
