/**
 * The briefing in 中文 at 1280×720 (price-war-2025, by clicks from the title): money reads one way
 * — the starting position in the same words as the story (亿美元 / 万美元, `usdWords`), not "$110.8M"
 * beside "1.8 亿美元"; no ASCII parenthesis beside Chinese; a Latin word or a number is set off from
 * Chinese by a space on both sides. English keeps $110.8M. Screenshots: test-results/briefing-*.png.
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { browserPerTest, shot, chromePath } from './harness.ts';

const CHROME = chromePath();

async function briefing(page: Page, lang: 'en' | 'zh-CN'): Promise<string> {
  await page.evaluate((lang) => (window as unknown as { neocloud: { setLanguage(l: string): void } }).neocloud.setLanguage(lang), lang);
  await page.locator('button[data-scenario="price-war-2025"]').click();
  await page.locator('#briefing').waitFor();
  return (await page.locator('#briefing').innerText());
}

describe.skipIf(!CHROME)('the briefing in 中文', () => {
  const app = browserPerTest('?world=0');

  it('money in one format, full-width parentheses, spaced Latin words', async () => {
    const { page, errors } = await app.open({ width: 1280, height: 720 });
    const story = await briefing(page, 'zh-CN');
    expect(story).toContain('亿美元'); // the story's own money words
    await page.screenshot({ path: shot('briefing-zh') });
    const cash = (await page.locator('#briefing-cash').textContent())!;
    expect(cash).toMatch(/^[\d.,]+ (亿|万)美元（含客户预付 [\d.,]+ (亿|万)美元）$/);
    const box = (await page.locator('#briefing .two-col').innerText());
    expect(box).not.toMatch(/\$/);
    expect(box).not.toMatch(/[()]/);
    expect(box.match(/[\u4e00-\u9fff][A-Za-z0-9$]|[A-Za-z0-9%][\u4e00-\u9fff]/g) ?? []).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('English keeps the game’s money format and ASCII parentheses', async () => {
    const { page, errors } = await app.open({ width: 1280, height: 720 });
    await briefing(page, 'en');
    await page.screenshot({ path: shot('briefing-en') });
    expect(await page.locator('#briefing-cash').textContent()).toMatch(/^\$[\d.]+M \(incl\. \$[\d.]+M prepaid by customers\)$/);
    expect(errors).toEqual([]);
  });
});
