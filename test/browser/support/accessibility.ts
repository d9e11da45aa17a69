import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

// axe-core's own bundle, injected into the page as it is: no network, no CDN.
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Officials include screen-reader users: every page a browser test visits is checked with
 * axe-core (WCAG 2.1 A and AA rules), and a serious or critical violation fails the test
 * with the rule and the elements it found.
 */
export async function expectAccessible(page: Page): Promise<void> {
  // (Strings, run in the page: the tests are compiled without the DOM's types.)
  const loaded = await page.evaluate("typeof window.axe === 'object'");
  // Evaluated over the DevTools protocol, which the desk's Content-Security-Policy rightly
  // does not let an inline <script> do.
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate<AxeViolation[]>(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} } })
       .then((result) => result.violations)`,
  );
  const blocking = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  expect({ page: new URL(page.url()).pathname, violations: blocking }).toEqual({
    page: new URL(page.url()).pathname,
    violations: [],
  });
}
