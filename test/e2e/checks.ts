import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Result as AxeResult } from 'axe-core';
import type { Page } from 'playwright-core';
import { plain } from './locales.ts';

/** Checks a person would make by looking, done by measuring: layout, accessibility, what the page shows. */

/**
 * Reads `read()` until `done(value)` holds, or throws after `timeout` with what was last seen and what the
 * page says (an error page tells more than "timed out"). Not vitest's expect.poll, which concurrent tests
 * cannot call from shared helpers.
 */
export async function waitUntil<T>(page: Page, what: string, read: () => Promise<T>, done: (value: T) => boolean, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline) {
      const body = await page
        .locator('body')
        .innerText()
        .catch(() => '(no body)');
      throw new Error(`${what} on ${page.url()}: last seen ${JSON.stringify(value)}; the page says: ${body.replace(/\s+/g, ' ').slice(0, 300)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

/**
 * Waits until a page of the app has rendered: a visible h1 and no loading indicator left (pages show
 * Mantine's Loader while their queries run). Returns the h1's text as read (without direction marks).
 */
export async function pageReady(page: Page, timeout = 15_000): Promise<string> {
  await waitUntil(page, 'waiting for an h1', () => page.locator('h1:visible').count(), (count) => count > 0, timeout);
  await waitUntil(page, 'waiting for the loading indicators to go', () => page.locator('.mantine-Loader-root:visible').count(), (count) => count === 0, timeout);
  // The app's fonts (Arabic script included) are in place before anything is measured or photographed.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return plain(await page.locator('h1').first().innerText()).trim();
}

/**
 * Waits until the page's h1 reads `expected` and the page has rendered (see `pageReady`): for navigations
 * inside the app, where the previous page's h1 stays on screen until the next one replaces it.
 */
export async function expectHeading(page: Page, expected: string, timeout = 15_000): Promise<void> {
  const heading = () => page.locator('h1').allInnerTexts().then((texts) => plain(texts.join(' | ')).trim());
  await waitUntil(page, `waiting for the h1 "${expected}"`, heading, (value) => value === expected, timeout);
  await pageReady(page, timeout);
}

/** How far the page is wider than its viewport (> 0 means it scrolls sideways). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth);
}

/** The elements that stick out past the viewport's right or left edge, to make an overflow failure actionable. */
export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || (box.right <= width + 0.5 && box.left >= -0.5)) continue;
      const name = element.tagName.toLowerCase() + (element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).slice(0, 2).join('.')}` : '');
      found.push(`${name} [${Math.round(box.left)}–${Math.round(box.right)}] "${(element.textContent ?? '').trim().slice(0, 40)}"`);
      if (found.length >= 8) break;
    }
    return found;
  });
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

export interface AxeFinding {
  /** Where it was seen (page, language, device). */
  where: string;
  rule: string;
  impact: string;
  help: string;
  /** What is wrong, without the parts that differ from one element to the next (ids, font sizes). */
  problem: string;
  /** The element, as HTML (shortened). */
  html: string;
}

/**
 * Runs axe-core on the page as it is and returns its violations of impact serious or critical, one entry
 * per element.
 *
 * axe is evaluated through the DevTools protocol rather than added with addScriptTag: the app's
 * Content-Security-Policy (script-src 'self') rightly refuses an inline script, and the test keeps that
 * policy on so that it catches real violations.
 */
export async function seriousAxeViolations(page: Page, where: string): Promise<AxeFinding[]> {
  axeSource ??= readFileSync(join(require.resolve('axe-core'), '..', 'axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeResult[] }> } }).axe;
    const results = await axe.run();
    return results.violations.flatMap((v) =>
      v.nodes.map((n) => ({ rule: v.id, impact: n.impact ?? v.impact ?? 'unknown', help: v.help, summary: n.failureSummary ?? '', html: n.html })),
    );
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      where,
      rule: v.rule,
      impact: v.impact,
      help: v.help,
      problem: v.summary
        .replace(/^Fix (any|all) of the following:\s*/, '')
        .replace(/,? font size: [^)]*\)?/g, '')
        .replace(/\s*Expected contrast ratio[^\n]*/g, '')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 200),
      html: v.html.replace(/\s+/g, ' ').slice(0, 160),
    }));
}

/**
 * axe findings grouped by rule and problem, each with the pages where it was seen and an example element:
 * a theme colour that fails on every page reads as one line, not a hundred.
 */
export function describeAxe(findings: AxeFinding[]): string[] {
  const groups = new Map<string, { first: AxeFinding; where: Set<string>; elements: Set<string> }>();
  for (const finding of findings) {
    const key = `${finding.impact} ${finding.rule}: ${finding.problem}`;
    const group = groups.get(key) ?? { first: finding, where: new Set(), elements: new Set() };
    group.where.add(finding.where);
    group.elements.add(finding.html);
    groups.set(key, group);
  }
  return [...groups.entries()].map(([key, { first, where, elements }]) => {
    const examples = [...elements].slice(0, 3).map((html) => `\n      e.g. ${html}`).join('');
    return `axe ${key} (${first.help}) — on ${where.size} page(s): ${[...where].slice(0, 6).join(', ')}${where.size > 6 ? ', …' : ''}${examples}`;
  });
}

/** The axe scans of one test file: where they ran and what they found, asserted together at the end. */
export class AxeLog {
  readonly places: string[] = [];
  readonly findings: AxeFinding[] = [];

  async scan(page: Page, where: string): Promise<void> {
    this.places.push(where);
    // A dialog still fading in has half-transparent text: axe would measure colours nobody reads.
    await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
    this.findings.push(...(await seriousAxeViolations(page, where)));
  }

  /** The findings grouped for a failure message (empty when axe found nothing serious). */
  report(): string[] {
    return describeAxe(this.findings);
  }
}
