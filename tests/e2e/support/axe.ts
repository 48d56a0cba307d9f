/** axe-core's WCAG 2.x A and AA rules on the page as it is now: one line per violation, with its targets. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export async function violations(page: Page, screen: string): Promise<string[]> {
  await page.addScriptTag({ content: axeSource }).catch(async () => {
    // The kiosk's CSP forbids inline scripts: evaluate the source instead.
    await page.evaluate(axeSource);
  });
  const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })`)) as {
    violations: Array<{ id: string; nodes: Array<{ target: string[] }> }>;
  };
  return result.violations.map((v) => `${screen}: ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
