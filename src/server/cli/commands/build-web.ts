import { parseArgs } from 'node:util';
import { ensureWebBuild } from '../../web/build-web-app.ts';
import { initialJavaScript } from '../../web/initial-size.ts';
import { INITIAL_JS_BUDGET_BYTES, WEB_DIST_DIR } from '../../web/paths.ts';
import { CliError } from '../cli-error.ts';
import type { Command } from '../context.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * `sanad build-web` (part of `npm run build`): builds the web app and reports the initial JavaScript a
 * browser downloads before the first page, gzip-compressed, against the 250 KB budget. Over budget fails.
 */
export const buildWebCommand: Command = async (ctx) => {
  const { values } = parseArgs({ args: ctx.args, options: { 'if-stale': { type: 'boolean', default: false } }, strict: true });
  const outcome = await ensureWebBuild({ force: !values['if-stale'], onBuildStart: (reason) => ctx.out(`Building the web app (${reason})…`) });
  if (outcome.status === 'missing') throw new CliError('The web app sources (src/web) are missing.');
  if (outcome.status === 'built') ctx.out(`Built in ${(outcome.ms / 1000).toFixed(1)} s into ${WEB_DIST_DIR}`);
  const { assets, gzipBytes } = await initialJavaScript(WEB_DIST_DIR);
  ctx.out('Initial JavaScript (loaded before the first page):');
  const width = Math.max(...assets.map((asset) => asset.file.length));
  for (const asset of assets) ctx.out(`  ${asset.file.padEnd(width)}  ${kb(asset.bytes).padStart(10)}  gzip ${kb(asset.gzipBytes).padStart(9)}`);
  const share = Math.round((gzipBytes / INITIAL_JS_BUDGET_BYTES) * 100);
  const bar = '█'.repeat(Math.min(40, Math.round(share / 2.5))).padEnd(40, '·');
  ctx.out(`  total gzip ${kb(gzipBytes)} of ${kb(INITIAL_JS_BUDGET_BYTES)} budget  [${bar}] ${share}%`);
  if (gzipBytes > INITIAL_JS_BUDGET_BYTES) {
    throw new CliError(`The initial JavaScript is ${kb(gzipBytes)} gzip, over the ${kb(INITIAL_JS_BUDGET_BYTES)} budget.`);
  }
};
