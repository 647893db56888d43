import { ensureWebBuild } from '../web/build-web-app.ts';
import { WEB_DIST_DIR } from '../web/paths.ts';
import type { CommandContext } from './context.ts';

/**
 * Before serving: rebuild the web app when its sources changed (or on the first run), saying so, since it
 * takes a few seconds. A failed build is reported and the server still starts with the API alone, so an
 * operator can reach the API and the logs; the reason is printed.
 */
export async function prepareWebApp(ctx: Pick<CommandContext, 'out' | 'err' | 'logger'>): Promise<string | null> {
  try {
    const outcome = await ensureWebBuild({ onBuildStart: (reason) => ctx.out(`Building the web app (${reason})…`) });
    if (outcome.status === 'built') ctx.out(`Web app built in ${(outcome.ms / 1000).toFixed(1)} s.`);
    if (outcome.status === 'missing') {
      ctx.err('The web app is not built and its sources are missing: serving the API only.');
      return null;
    }
    return WEB_DIST_DIR;
  } catch (error) {
    ctx.logger.error({ err: error }, 'building the web app failed');
    ctx.err(`Building the web app failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)}): serving the API only.`);
    return null;
  }
}
