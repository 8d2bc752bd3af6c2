/**
 * Page checks shared by the class-mode browser tests: axe-core's serious and critical findings, and
 * elements that stick out sideways past a container (what a reader sees clipped or scrolling).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page, prefixed with `name`. */
export async function axeProblems(page: Page, name: string): Promise<string[]> {
  // Evaluated through the DevTools protocol (the page's CSP forbids inline scripts, rightly).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const res = await page.evaluate(async () => {
    const a = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await a.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  return res.map((r) => `${name}: ${r}`);
}

/** Elements inside `selector` that end past its right edge, and buttons whose text is clipped. */
export async function sidewaysOverflow(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const root = document.querySelector<HTMLElement>(selector);
    if (!root) return [`${selector} not found`];
    const bad: string[] = [];
    if (root.scrollWidth > root.clientWidth + 1) bad.push(`${selector} scrollWidth ${root.scrollWidth} > ${root.clientWidth}`);
    const right = Math.min(root.getBoundingClientRect().right, document.documentElement.clientWidth);
    for (const el of root.querySelectorAll<HTMLElement>('input, select, button, table, label, h2, h3, h4, p, figure, canvas, .whatif-card')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > right + 1) bad.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} ends at ${Math.round(r.right)} > ${Math.round(right)}`);
      if (el.tagName === 'BUTTON' && el.scrollWidth > el.clientWidth + 1) bad.push(`button "${el.textContent}" text clipped`);
    }
    return bad;
  }, selector);
}
