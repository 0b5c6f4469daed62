/**
 * axe-core, the standard WCAG rules engine, run inside the page: the rules of WCAG 2.0 and 2.1 at
 * levels A and AA. A test asserts that no violation is serious or critical, and reads each one with
 * the elements it was found on.
 */
import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';

/**
 * Context options for pages axe runs in: the app's Content-Security-Policy (script-src 'self') refuses
 * the script tag that brings axe in, so the test's browser context leaves the policy aside.
 */
export const AXE_CONTEXT = { bypassCSP: true } as const;

const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);
/** A rule broken on every clause row would otherwise fill the screen. */
const NODES_SHOWN = 5;

/** The serious and critical violations on the page as it is now, one readable paragraph each (empty: none). */
export async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations: Result[] = await page.evaluate(async (tags) => {
    const { axe } = window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } };
    return (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations;
  }, WCAG_AA_TAGS);
  return violations
    .filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''))
    .map((violation) =>
      [
        `${screen}: [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})`,
        ...violation.nodes
          .slice(0, NODES_SHOWN)
          .map((node) => `    ${node.target.join(' ')}\n      ${node.html.slice(0, 300)}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`),
        ...(violation.nodes.length > NODES_SHOWN ? [`    … and ${violation.nodes.length - NODES_SHOWN} more elements`] : []),
      ].join('\n'),
    );
}
