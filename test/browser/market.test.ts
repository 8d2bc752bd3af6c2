/**
 * What the Customers and Market tabs draw, by the page in Chromium at 1280×720 (price-war-2025,
 * seed 1): at week 0 the opening contracts read "first week: not yet measured", not "0 / N
 * (short)"; the bid form starts at the chosen request's suggested bid (its ceiling or its
 * generation's index, whichever is lower) and starts again when another request is chosen; the
 * rivals' "Price ×" is what each charged ÷ the index (not 1.00× for all). English and 中文.
 * Screenshots: test-results/market-*.png.
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { browserPerTest, shot, chromePath } from './harness.ts';

const CHROME = chromePath();

type Rfp = { id: string; customerName: string; maxUsdPerGpuHour: number; suggestedBidUsd: number; modelId: string };
type Api = {
  newGame(o: { scenario: string; seed?: number }): Promise<{ ok: boolean }>;
  step(n: number): Promise<unknown>;
  snapshot(): { week: number; rfps: Rfp[]; market: { gens: { modelId: string; indexUsdPerGpuHour: number }[] } } | null;
  setLanguage(l: string): void;
};

async function start(page: Page, lang: 'en' | 'zh-CN', scenario = 'price-war-2025', seed = 1): Promise<void> {
  const ok = await page.evaluate(async ([lang, scenario, seed]) => {
    const n = (window as unknown as { neocloud: Api }).neocloud;
    n.setLanguage(lang as string);
    return (await n.newGame({ scenario: scenario as string, seed: seed as number })).ok;
  }, [lang, scenario, seed] as const);
  expect(ok).toBe(true);
}

async function step(page: Page, weeks: number): Promise<void> {
  await page.evaluate(async (weeks) => { await (window as unknown as { neocloud: Api }).neocloud.step(weeks); }, weeks);
}

const snapshot = (page: Page) => page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.snapshot()!);

/**
 * How many lines the text of column `n` (1-based; a row's header cell counts) takes in each row: its
 * text boxes' tops, those within half a line of each other counted once (a rival's letter chip sits
 * centred on its name's line).
 */
function linesPerCell(rows: ReturnType<Page['locator']>, n: number): Promise<number[]> {
  return rows.locator(`:scope > :nth-child(${n})`).evaluateAll((tds) => tds.map((td) => {
    const range = document.createRange();
    range.selectNodeContents(td);
    const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top).sort((a, b) => a - b);
    return tops.filter((t, i) => i === 0 || t - tops[i - 1]! > 6).length;
  }));
}

/** The rivals' table fits its panel: its last column (Price ×) is not cut off at the right. */
async function expectRivalsFit(page: Page): Promise<void> {
  const { table, panel, lang } = await page.locator('#panel-market section').nth(2).locator('table').evaluate((t) => {
    const p = document.querySelector('#panel-market')!;
    return { table: t.getBoundingClientRect().right, panel: p.getBoundingClientRect().left + p.clientLeft + p.clientWidth, lang: document.documentElement.lang };
  });
  expect(table, lang).toBeLessThanOrEqual(panel + 0.5);
}

describe.skipIf(!CHROME)('Customers and Market tabs', () => {
  const app = browserPerTest();

  it('week 0: the opening contracts are not yet measured, in English and 中文', async () => {
    const { page, errors } = await app.open({ width: 1280, height: 720 });
    await start(page, 'en');
    await page.locator('#tab-customers').click();
    const cells = page.locator('#panel-customers table').filter({ hasText: 'Take-or-pay' }).locator('td');
    await expect.poll(async () => (await cells.allTextContents()).join(' | ')).toContain('first week: not yet measured');
    expect((await cells.allTextContents()).join(' | ')).not.toContain('(short)');
    await cells.last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('market-contracts-week0-en') });
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.setLanguage('zh-CN'));
    await page.locator('#tab-customers').click();
    await expect.poll(async () => (await page.locator('#panel-customers').textContent()) ?? '').toContain('首周：尚未计量');
    const zhCells = page.locator('#panel-customers table').filter({ hasText: '照付不议' }).locator('td');
    expect((await zhCells.allTextContents()).join(' | ')).not.toContain('不足');
    await zhCells.last().scrollIntoViewIfNeeded();
    // Full-width parentheses in Chinese (the customers' credit, a short delivery).
    expect((await zhCells.allTextContents()).join(' | ')).not.toMatch(/[()]/);
    await page.screenshot({ path: shot('market-contracts-week0-zh') });
    expect(errors).toEqual([]);
  });

  it('the bid form starts at the chosen request’s suggested bid, within its ceiling, and follows the choice', async () => {
    const { page, errors } = await app.open({ width: 1280, height: 720 });
    await start(page, 'en');
    let s = await snapshot(page);
    for (let i = 0; i < 26 && s.rfps.length < 2; i++) { await step(page, 2); s = await snapshot(page); }
    expect(s.rfps.length).toBeGreaterThanOrEqual(2);
    for (const r of s.rfps) {
      const index = s.market.gens.find((g) => g.modelId === r.modelId)!.indexUsdPerGpuHour;
      expect(r.suggestedBidUsd).toBeLessThanOrEqual(r.maxUsdPerGpuHour);
      expect(r.suggestedBidUsd).toBeCloseTo(Math.floor(Math.min(r.maxUsdPerGpuHour, index) * 100) / 100, 6);
    }
    await page.locator('#tab-customers').click();
    const select = page.locator('#customers-bid select[name="rfpId"]');
    const priceInput = page.locator('#customers-bid input[name="usdPerGpuHour"]');
    const first = await select.inputValue();
    await expect.poll(async () => Number(await priceInput.inputValue())).toBeCloseTo(s.rfps.find((r) => r.id === first)!.suggestedBidUsd, 6);
    // A price typed for one request does not carry over to another: the form starts again at its suggestion.
    await priceInput.fill('1.23');
    const other = s.rfps.find((r) => r.id !== first)!;
    await select.selectOption(other.id);
    await expect.poll(async () => Number(await priceInput.inputValue())).toBeCloseTo(other.suggestedBidUsd, 6);
    await expect.poll(async () => (await page.locator('#customers-bid-preview').textContent()) ?? '').toContain(other.customerName);
    await page.screenshot({ path: shot('market-bid-en') });
    expect(errors).toEqual([]);
  });

  it('rivals’ Price × is what each charged over the index, in English and 中文', async () => {
    const { page, errors } = await app.open({ width: 1280, height: 720 });
    await start(page, 'zh-CN');
    await step(page, 4);
    await page.locator('#tab-market').click();
    const rows = page.locator('#panel-market section').nth(2).locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    const prices = (await rows.locator('td:last-child').allTextContents()).map((x) => x.trim());
    expect(prices.every((p) => /^\d+\.\d\d×$/.test(p))).toBe(true);
    expect(prices.filter((p) => p !== '1.00×').length).toBeGreaterThan(0);
    // A strategy's name stays whole on one line (杠杆扩张 was cut into 杠杆扩 / 张 at 1280×720).
    const lines = await linesPerCell(rows, 2);
    expect(lines.length).toBe(await rows.count());
    expect(lines.every((n) => n === 1), `lines per strategy cell: ${lines.join(', ')}`).toBe(true);
    await page.screenshot({ path: shot('market-rivals-zh') });
    await expectRivalsFit(page);
    // Full-width parentheses in Chinese: 需求（H100e）, not 需求 (H100e).
    expect(await page.locator('#panel-market section').first().innerText()).not.toMatch(/[()]/);
    // And on the other tabs: an order's weeks to delivery, a liquid-cooled model, a debt's kind, a locked holding.
    for (const tab of ['fleet', 'finance']) {
      await page.locator(`#tab-${tab}`).click();
      const text = await page.locator(`#panel-${tab}`).innerText();
      expect(text.match(/.{0,12}[()].{0,12}/g) ?? [], tab).toEqual([]);
    }
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.setLanguage('en'));
    await page.locator('#tab-market').click();
    await page.screenshot({ path: shot('market-rivals-en') });
    await expectRivalsFit(page);
    expect(errors).toEqual([]);
  });

  // A year into default the rivals' valuations carry a price per share, and "H · Hypergrid" took two
  // lines at 1280×720 (seed 7, week 60): the letter is now the map's chip beside a name on one line,
  // and the table still fits its panel.
  it('a year into default, each rival’s name sits on one line beside its map letter, and the table fits, in English and 中文', async () => {
    const { page, errors } = await app.open({ width: 1280, height: 720 });
    for (const lang of ['en', 'zh-CN'] as const) {
      await start(page, lang, 'default', 7);
      await step(page, 60);
      await page.locator('#tab-market').click();
      const rows = page.locator('#panel-market section').nth(2).locator('tbody tr');
      await expect.poll(() => rows.count()).toBeGreaterThan(3);
      const names = await linesPerCell(rows, 1);
      expect(names.length).toBe(await rows.count());
      expect(names.every((n) => n === 1), `${lang}: lines per rival name: ${names.join(', ')}`).toBe(true);
      expect(await rows.locator(':scope > :first-child .rival-chip').count()).toBe(await rows.count());
      await expectRivalsFit(page);
      await page.screenshot({ path: shot(`market-rivals-default-${lang}`) });
    }
    expect(errors).toEqual([]);
  });
});
