/**
 * Page checks shared by the browser tests: axe-core's serious and critical findings, elements that
 * stick out sideways past a container (what a reader sees clipped or scrolling), and ASCII
 * punctuation in Chinese on the page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { punctuationProblem } from '../i18n/zhPunctuation.ts';

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

/**
 * Chinese lines with ASCII punctuation (test/i18n/zhPunctuation.ts): what is shown in the top bar,
 * advisor, guide, panel, news, the map's DOM layer (ticker, region card, rivals' legend) and open
 * dialogs, and every accessible name and tooltip on the page (aria-label, title: the charts' and
 * the map's buttons' names are put together from parts).
 */
export async function asciiPunctuation(page: Page): Promise<string[]> {
  const lines = await page.evaluate(() => [
    ...[...document.querySelectorAll<HTMLElement>('.topbar, #advisor, #guide, #panel, .news, #world, dialog[open]')]
      .filter((e) => e.offsetParent !== null || e.tagName === 'DIALOG').flatMap((e) => e.innerText.split('\n')),
    ...[...document.querySelectorAll('[aria-label], [title]')].flatMap((e) => [e.getAttribute('aria-label') ?? '', e.getAttribute('title') ?? '']),
  ]);
  return lines.flatMap((l) => { const p = punctuationProblem(l.trim()); return p ? [p] : []; });
}
