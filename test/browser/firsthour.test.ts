/**
 * The first hour, as a new player meets it, with real clicks at 1280×720 and 1440×900: no panel
 * overflows sideways on any tab, the advisor warns weeks before a scripted failure and the game-over
 * dialog says why, a lost bid shows its reason, axe finds no serious or critical violation on each
 * screen, and zh-CN shows no English words except names and units. Screenshots go to test-results/.
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { browserPerTest, shot, chromePath } from './harness.ts';
import { asciiPunctuation, axeProblems } from './pageChecks.ts';
import { loadBundledScenario } from '../../src/scenario/load.ts';
import { createWorld, step as stepWorld } from '../../src/engine/api.ts';
import { advise } from '../../src/engine/advisor.ts';

/**
 * price-war-2025, seed 1, doing nothing: the first week (after `fromWeek`) the engine's advisor shows
 * a danger warning (not an alert: the one that pauses the game with its dialog) and the week the company ends — found by the same engine in Node, so the
 * browser test follows the engine instead of a week number written down by hand.
 */
function priceWarWarning(fromWeek: number): { warnWeek: number; endWeek: number } {
  const r = loadBundledScenario('price-war-2025');
  if (!r.ok) throw new Error('price-war-2025 does not load');
  const w = createWorld(r.scenario, { seed: 1 }); // no autopilot, as the page's newGame
  let warnWeek = -1;
  while (w.status === 'running' && w.week < w.lengthWeeks) {
    if (warnWeek < 0 && w.week >= fromWeek && advise(w).warnings.some((x) => x.id.startsWith('warn.') && x.severity === 'danger')) warnWeek = w.week;
    stepWorld(w);
  }
  if (warnWeek < 0) throw new Error('no advisor warning in price-war-2025 seed 1');
  return { warnWeek, endWeek: w.week };
}
const PRICE_WAR = priceWarWarning(60);

const CHROME = chromePath();

type Api = {
  newGame(o: { scenario: string; seed?: number; strategy?: string }): Promise<{ ok: boolean }>;
  step(n: number): Promise<unknown>;
  issue(c: object): Promise<{ ok: boolean; reason?: string }>;
  setLanguage(l: string): void;
  snapshot(): { week: number; over: boolean; rfps: { id: string; closeWeek: number; maxUsdPerGpuHour: number }[]; closedRfps: { id: string; winnerIndex: number | null; bids: { companyIndex: number }[] }[] };
};
const TABS = ['finance', 'fleet', 'sites', 'customers', 'market', 'reports'] as const;

/** Elements inside the side panel (or the panel itself) wider than their box: what a player sees clipped or scrolling sideways. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const panel = document.getElementById('panel')!;
    if (panel.scrollWidth > panel.clientWidth + 1) bad.push(`#panel scrollWidth ${panel.scrollWidth} > ${panel.clientWidth}`);
    const right = panel.getBoundingClientRect().right;
    for (const el of panel.querySelectorAll<HTMLElement>('input, select, button, table, label, .preview, dl')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > right + 1) bad.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''} ends at ${Math.round(r.right)} > ${Math.round(right)}`);
      if (el.tagName === 'BUTTON' && el.scrollWidth > el.clientWidth + 1) bad.push(`button "${el.textContent}" text clipped`);
    }
    return bad;
  });
}

/** How many rows the top bar's items sit on (one is the design: it must not wrap). */
async function topbarRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const tops = [...document.querySelectorAll<HTMLElement>('.topbar > *')].filter((e) => e.offsetParent !== null).map((e) => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; });
    const rows: number[] = [];
    for (const y of tops) if (!rows.some((r) => Math.abs(r - y) < 12)) rows.push(y);
    return rows.length;
  });
}

/** The tab bar's rows: the distinct offsetTop of its tabs (1 = all six on one row). */
async function tabRows(page: Page): Promise<number> {
  return page.evaluate(() => new Set([...document.querySelectorAll<HTMLElement>('.tabs [role=tab]')].map((e) => e.offsetTop)).size);
}

/** The guide box's height in CSS pixels (0 when it is not on screen). */
async function guideHeight(page: Page): Promise<number> {
  return page.evaluate(() => Math.round(document.getElementById('guide')?.getBoundingClientRect().height ?? 0));
}

/** Table headings in the panel cut one character per line (a line of the heading holds a single character of a longer text). */
async function brokenHeadings(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('#panel thead th')].filter((th) => th.offsetParent !== null && th.innerText.trim().length > 2).filter((th) => {
    const range = document.createRange();
    range.selectNodeContents(th);
    const widths = new Map<number, number>();
    for (const r of range.getClientRects()) if (r.width > 0) widths.set(Math.round(r.top), (widths.get(Math.round(r.top)) ?? 0) + r.width);
    const em = parseFloat(getComputedStyle(th).fontSize) || 12;
    return widths.size > 1 && [...widths.values()].some((w) => w < 1.3 * em);
  }).map((th) => th.innerText.replace(/\s+/g, ' ')));
}

/** Names and units that stay in Latin letters in Chinese (products, units, finance abbreviations). */
const LATIN_OK = /^(GPU|GPUs|MW|kW|MWh|USD|EBITDA|PUE|IPO|DDTL|H100|H100e|A100|B200|GB200|H200|NVIDIA|AMD|RFP|wk|mo|hr|kW-mo|GPU-hr|WebGL|Canvas)$/i;

/** Latin words (3+ letters) in the chrome a player reads: top bar, tabs, advisor, panel headings, labels and buttons. */
async function englishWords(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const sel = '.topbar .k, .topbar button, .status-pill, .tabs button, #advisor, #panel th, #panel caption, #panel label, #panel button, #panel h3, #panel p, #panel .preview, #news h2, #news summary, .legend';
    return [...document.querySelectorAll<HTMLElement>(sel)].filter((e) => e.offsetParent !== null).map((e) => e.innerText);
  });
  const names = await page.evaluate(() => {
    const s = (window as unknown as { neocloud: { snapshot(): { rivals: { name: string }[]; rfps: { customerName: string }[]; closedRfps: { customerName: string }[]; market: { gens: { name: string }[] }; player: { name: string; contracts: { customerName: string }[] } } } }).neocloud.snapshot();
    return [s.player.name, ...s.rivals.map((r) => r.name), ...s.rfps.map((r) => r.customerName), ...s.closedRfps.map((r) => r.customerName), ...s.market.gens.map((g) => g.name), ...s.player.contracts.map((c) => c.customerName)].join(' ');
  });
  const nameWords = new Set(names.split(/[^A-Za-z]+/).filter(Boolean));
  const bad = new Set<string>();
  for (const t of texts) for (const w of t.match(/[A-Za-z][A-Za-z-]{2,}/g) ?? []) if (!LATIN_OK.test(w) && !nameWords.has(w)) bad.add(w);
  return [...bad];
}


describe.skipIf(!CHROME)('the first hour (Chromium, real clicks)', () => {
  const { open } = browserPerTest('?world=0');

  for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }, { width: 1920, height: 1080 }]) {
    const withAxe = size.width < 1920; // axe's findings do not depend on the size; once per layout is enough
    it(`${size.width}×${size.height}: from the title by clicks; no panel overflows on any tab; the top bar is one row${withAxe ? '; axe on each screen' : ''}`, async () => {
      const { page, errors } = await open(size, '');
      const tag = `${size.width}x${size.height}`;
      const axeBad: string[] = [];
      if (withAxe) axeBad.push(...await axeProblems(page, 'title'));
      await page.locator('button[data-scenario="default"]').click();
      await page.locator('#briefing').waitFor();
      if (withAxe) axeBad.push(...await axeProblems(page, 'briefing'));
      await page.screenshot({ path: shot(`fh-${tag}-briefing`) });
      // The briefing lists the glossary, with the scenario's own definition where it has one (default: take-or-pay).
      if (withAxe) expect(await page.locator('#briefing-glossary').textContent()).toContain('pays for the reserved capacity whether it uses it or not');
      await page.locator('#start-game').click();
      await page.locator('#game').waitFor();
      await page.waitForTimeout(500);
      const bad: string[] = [];
      const terms: string[] = [];
      for (const tab of TABS) {
        await page.locator(`#tab-${tab}`).click();
        await page.locator(`#panel-${tab}`).waitFor();
        await page.waitForTimeout(350);
        bad.push(...(await overflowing(page)).map((b) => `${tab}: ${b}`));
        if (withAxe) axeBad.push(...await axeProblems(page, `main/${tab}`));
        await page.screenshot({ path: shot(`fh-${tag}-tab-${tab}`) });
        // Jargon on each decision tab is a term whose description (aria-describedby) is its definition.
        if (withAxe) terms.push(...await page.evaluate((tb) => [...document.querySelectorAll<HTMLElement>('#panel .term')].map((e) => `${tb}:${e.dataset.term}:${(document.getElementById(e.getAttribute('aria-describedby') ?? '')?.textContent ?? '').length > 20}`), tab));
      }
      expect(bad).toEqual([]);
      if (withAxe) {
        const tabsWithTerms = new Set(terms.map((x) => x.split(':')[0]));
        for (const tab of ['finance', 'fleet', 'sites', 'customers', 'market']) expect(tabsWithTerms.has(tab), `no glossary term on ${tab}`).toBe(true);
        expect(terms.filter((x) => !x.endsWith(':true'))).toEqual([]);
        for (const key of ['h100e', 'covenant', 'takeOrPay', 'pue', 'sentiment']) expect(terms.some((x) => x.split(':')[1] === key), `term ${key}`).toBe(true);
        // Week 0 in the Market panel is the engine's opening state: supply, installed GPUs, peaks and rivals' use are not zeros.
        await page.locator('#tab-market').click();
        await page.locator('#panel-market').waitFor();
        const market = await page.evaluate(() => {
          const n = (window as unknown as { neocloud: { snapshot(): { market: { supplyH100e: number; gens: { released: boolean; peakIndexUsdPerGpuHour: number; installedGpus: number }[] }; rivals: { utilization: number; sharePriceUsd: number | null }[] } } }).neocloud.snapshot();
          const cells = [...document.querySelectorAll<HTMLElement>('#panel-market td')].map((td) => td.innerText);
          return { supply: n.market.supplyH100e, peaks: n.market.gens.filter((g) => g.released).map((g) => g.peakIndexUsdPerGpuHour), installed: n.market.gens.reduce((a, g) => a + g.installedGpus, 0), rivalUse: n.rivals.map((r) => r.utilization), listed: n.rivals.filter((r) => r.sharePriceUsd !== null).length, cells };
        });
        expect(market.supply).toBeGreaterThan(0);
        expect(market.installed).toBeGreaterThan(0);
        expect(market.peaks.every((p) => p > 0)).toBe(true);
        expect(market.rivalUse.some((u) => u > 0)).toBe(true);
        expect(market.cells.length).toBeGreaterThan(20);
        expect(market.cells.filter((c) => c.trim() === '$0.00' || c.trim() === '0')).toEqual([]);
        // A listed rival's value and share price are two labelled figures, not "$10.00 $3.0B".
        if (market.listed > 0) expect(market.cells.some((c) => /\$[\d.]+[MBk]?\s*\$[\d.]+\/share/.test(c))).toBe(true);
        // Hover a term (real mouse): the shared tooltip shows the definition, inside the viewport; Escape hides it.
        const word = page.locator('#panel-market .term[data-term="h100e"]').first();
        await word.hover();
        const tip = page.locator('#term-tip');
        await tip.waitFor({ state: 'visible' });
        expect(await tip.textContent()).toMatch(/H100-equivalents/);
        const box = (await tip.boundingBox())!;
        expect(box.x >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height).toBe(true);
        expect(await overflowing(page)).toEqual([]);
        await page.keyboard.press('Escape');
        await tip.waitFor({ state: 'hidden' });
        // By keyboard: focus shows it too.
        await page.locator('#panel-market .term[data-term="sentiment"]').focus();
        await tip.waitFor({ state: 'visible' });
        expect(await tip.textContent()).toMatch(/investors and lenders/);
        await page.screenshot({ path: shot(`fh-${tag}-term-tooltip`) });
        await page.keyboard.press('Escape');
        // The vendor-financing box sits on one line beside its label.
        await page.locator('#tab-fleet').click();
        const check = (await page.locator('#panel-fleet label.check').first().boundingBox())!;
        expect(check.height).toBeLessThan(34);
        if (size.width === 1280) {
          // A confirmed decision is listed as queued for this week and can be withdrawn before the week runs.
          await page.locator('#tab-finance').click();
          await page.locator('#finance-raise-confirm:not([disabled])').click();
          const item = page.locator('#queued li');
          await item.waitFor();
          expect(await item.innerText()).toMatch(/Private equity round · \$100(\.0)?M/);
          await page.screenshot({ path: shot(`fh-${tag}-queued`) });
          await page.locator('#queued .queued-cancel').click();
          await page.locator('#queued').waitFor({ state: 'hidden' });
          const after = await page.evaluate(() => (window as unknown as { neocloud: { snapshot(): { queued: unknown[]; commandCount: number } } }).neocloud.snapshot());
          expect(after).toMatchObject({ queued: [], commandCount: 0 });
        }
      }
      expect(await topbarRows(page)).toBe(1);
      expect(axeBad).toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  it('the guided first quarter in default, by clicks: title → briefing → the six steps ticked off → first quarterly report; the guide finishes and is not offered again', async () => {
    const { page, errors } = await open({ width: 1440, height: 900 }, '');
    const snap = () => page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.snapshot());
    await page.locator('button[data-scenario="default"]').click();
    await page.locator('#start-game').click();
    await page.locator('#guide').waitFor();
    const stepDone = async (id: string) => page.locator(`#guide li.done[data-step="${id}"]`).count();
    // Week 0: no request is open yet, and the bid step says what to do about it.
    expect((await snap()).rfps).toEqual([]);
    expect(await page.locator('#guide li[data-step="bid"] .guide-wait').textContent()).toMatch(/No request is open yet: press \+1 wk/);
    // Raise, order, power and price: each confirmed in its panel with the form's own defaults.
    await page.locator('#tab-finance').click();
    await page.locator('#finance-raise-confirm:not([disabled])').click();
    await page.locator('#tab-fleet').click();
    await page.locator('#fleet-order-confirm:not([disabled])').click();
    await page.locator('#tab-sites').click();
    await page.locator('#sites-add-confirm:not([disabled])').click();
    await page.locator('#tab-customers').click();
    await page.locator('#panel-customers input[name=priceFactor]').fill('0.95');
    await page.locator('#customers-price-confirm:not([disabled])').click();
    // The fourth line comes when the engine's worker has taken the command (a round trip after the click).
    await page.locator('#queued li').nth(3).waitFor();
    expect(await page.locator('#queued li').count()).toBe(4);
    // One week on: the four decisions run and are ticked off; requests open and the hint goes.
    await page.locator('#step-btn').click();
    await page.waitForFunction(() => (window as unknown as { neocloud: Api }).neocloud.snapshot()?.week === 1);
    for (const id of ['raise', 'order', 'power', 'price']) await page.locator(`#guide li.done[data-step="${id}"]`).waitFor();
    // Mid-guide, the language switches: the screen re-renders and the guide comes back where it was, in
    // Chinese (its texts are ids of the one message table), then in English again. At 1440×900 and
    // 1280×720, in both languages, the open guide leaves the six tabs on one row.
    const layout: string[] = [];
    const checkLayout = async (tag: string) => {
      if ((await tabRows(page)) !== 1) layout.push(`${tag}: the tabs wrap (${await tabRows(page)} rows) under a ${await guideHeight(page)} px guide`);
      await page.screenshot({ path: shot(`fh-guide-${tag}`) });
    };
    await checkLayout('1440x900-en');
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.setLanguage('zh-CN'));
    await page.waitForFunction(() => document.getElementById('guide-title')?.textContent === '你的第一个季度');
    // The English toasts of the four decisions ("Queued for next week: …") go with the switch.
    expect(await page.locator('#toasts .toast').count()).toBe(0);
    expect(await page.locator('#guide li.done').count()).toBe(4);
    expect(await page.locator('#guide li.next').getAttribute('data-step')).toBe('bid');
    expect(await page.locator('#guide li.next').textContent()).toMatch(/争取客户：客户 → 对一个开放招标投标/);
    expect(await page.locator('#guide .guide-status').textContent()).toBe('已完成 4 / 6 步');
    expect(await page.locator('#guide-skip').textContent()).toBe('跳过引导');
    await checkLayout('1440x900-zh');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.waitForTimeout(300);
    await checkLayout('1280x720-zh');
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.setLanguage('en'));
    await page.waitForFunction(() => document.getElementById('guide-title')?.textContent === 'Your first quarter');
    expect(await page.locator('#guide .guide-status').textContent()).toBe('4 / 6 steps done');
    expect(await page.locator('#guide li.done').count()).toBe(4);
    await checkLayout('1280x720-en');
    expect(await guideHeight(page)).toBeLessThan(160);
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(layout).toEqual([]);
    // As the hint says: +1 wk until a request opens.
    for (let wk = 2; wk < 8 && (await snap()).rfps.length === 0; wk++) {
      await page.locator('#step-btn').click();
      await page.waitForFunction((w) => (window as unknown as { neocloud: Api }).neocloud.snapshot()?.week === w, wk);
    }
    expect((await snap()).rfps.length).toBeGreaterThan(0);
    expect(await page.locator('#guide .guide-wait').count()).toBe(0);
    // Bid on the first open request at the form's price (below its maximum).
    await page.locator('#customers-bid-confirm:not([disabled])').click();
    await page.locator('#step-btn').click();
    await page.locator('#guide li.done[data-step="bid"]').waitFor();
    expect(await stepDone('run')).toBe(0);
    // Let time run (Space is the documented key; here the 4× button), dismissing news on the way.
    await page.locator('button[data-speed="4"]').click();
    for (let i = 0; i < 20 && !(await page.locator('#quarter-dialog[open]').count()); i++) {
      await page.locator('#advisor-dialog[open], #news-dialog[open], #quarter-dialog[open]').first().waitFor({ timeout: 60_000 });
      if (await page.locator('#quarter-dialog[open]').count()) break;
      await page.locator('#advisor-dialog[open] #advisor-continue, #news-dialog[open] #news-continue').first().click();
      await page.locator('button[data-speed="4"]').click();
    }
    expect(await page.locator('#quarter-title').textContent()).toMatch(/Quarterly report — 2023Q1/);
    await page.screenshot({ path: shot('fh-guided-quarter-report') });
    await page.locator('#quarter-continue').click();
    expect(await page.locator('#guide .guide-status').textContent()).toMatch(/Guide finished/);
    // Finished, the guide is one line with Close, above tabs on one row, at both sizes.
    expect(await page.locator('#guide-skip').getAttribute('aria-label')).toBe('Close');
    expect(await guideHeight(page)).toBeLessThan(40);
    await page.screenshot({ path: shot('fh-guided-finished') });
    expect(await tabRows(page)).toBe(1);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.waitForTimeout(300);
    expect(await guideHeight(page)).toBeLessThan(40);
    expect(await tabRows(page)).toBe(1);
    await page.screenshot({ path: shot('fh-guided-finished-1280x720') });
    await page.setViewportSize({ width: 1440, height: 900 });
    // It closes itself a few weeks on.
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.step(4));
    await page.waitForFunction(() => (window as unknown as { neocloud: Api }).neocloud.snapshot()?.week === 17);
    await page.locator('#guide').waitFor({ state: 'detached' });
    await page.locator('#advisor-dialog[open] #advisor-continue, #news-dialog[open] #news-continue').first().click({ timeout: 1000 }).catch(() => undefined);
    // A named save beside the autosave; Menu asks and says what is saved; a new default game does not offer the guide again.
    await page.locator('#save-btn').click();
    await page.locator('#save-name').fill('after the guide');
    await page.locator('#save-confirm').click();
    await page.waitForFunction(() => /Saved/.test(document.getElementById('save-status')?.textContent ?? ''));
    await page.keyboard.press('Escape');
    await page.locator('#menu-btn').click();
    expect(await page.locator('#leave-dialog').textContent()).toMatch(/saved to the autosave slot.*17/);
    await page.locator('#leave-confirm').click();
    // The title's save list names the scenario and the seed in the page's language.
    const row = page.locator('#saves-list .save-row', { hasText: 'after the guide' });
    expect(await row.textContent()).toMatch(/after the guide .+ · seed \d+ · Week 17/);
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.setLanguage('zh-CN'));
    await page.waitForFunction(() => /种子 \d+/.test(document.getElementById('saves-list')?.textContent ?? ''));
    expect(await row.textContent()).not.toMatch(/seed|default/);
    await page.locator('button[data-scenario="default"]').click();
    await page.locator('#start-game').click();
    await page.locator('#game').waitFor();
    expect(await page.locator('#guide').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  // The first danger in price-war-2025 seed 1 appears in a quarter-close week, on a snapshot the
  // quarterly report has already paused: the advisor dialog must still come when time runs again.
  it('price-war-2025, doing nothing: the advisor warns weeks ahead in the strip and pauses; game over says which payment failed', async () => {
    const { page } = await open({ width: 1440, height: 900 }, '');
    // From the card, with seed 1: the briefing's cash is the game's week-0 cash (the opening contracts' prepayments included).
    await page.locator('#seed').fill('1');
    await page.locator('button[data-scenario="price-war-2025"]').click();
    const briefingCash = await page.locator('#briefing-cash').textContent();
    expect(briefingCash).toMatch(/incl\. \$[\d.]+M prepaid by customers/);
    await page.locator('#start-game').click();
    await page.locator('#game').waitFor();
    expect(briefingCash!.startsWith((await page.locator('#stat-cash .v').textContent())! + ' ')).toBe(true);
    // Doing nothing: the margin call and then the covenants end the company. Jump to two weeks before
    // the first warning the engine gives, click one week on, then run at 4×: the new danger pauses the
    // game with the advisor dialog (news and quarter dialogs on the way are dismissed by clicking Continue).
    expect(PRICE_WAR.endWeek - PRICE_WAR.warnWeek).toBeGreaterThanOrEqual(4);
    await page.evaluate((n) => (window as unknown as { neocloud: Api }).neocloud.step(n), PRICE_WAR.warnWeek - 2);
    await page.locator('#step-btn').click();
    await page.waitForFunction((wk) => (window as unknown as { neocloud: Api }).neocloud.snapshot()?.week === wk, PRICE_WAR.warnWeek - 1);
    let sawAdvisor = false;
    for (let i = 0; i < 8 && !sawAdvisor; i++) {
      await page.locator('button[data-speed="4"]').click();
      await page.locator('#advisor-dialog[open], #news-dialog[open], #quarter-dialog[open], #over-dialog[open]').first().waitFor({ timeout: 30_000 });
      if (await page.locator('#advisor-dialog[open]').count()) sawAdvisor = true;
      else if (await page.locator('#news-dialog[open]').count()) await page.locator('#news-continue').click();
      else if (await page.locator('#quarter-dialog[open]').count()) await page.locator('#quarter-continue').click();
      else break;
    }
    expect(sawAdvisor).toBe(true);
    expect(await page.locator('#advisor-dialog').textContent()).toMatch(/Cash runs out in \d+ wk|likely to fail|margin call in \d+ wk/);
    const text = await page.locator('#advisor').textContent();
    expect(text).toMatch(/likely to fail at the quarter close in \d+ wk|Cash runs out in \d+ wk|margin call in \d+ wk/);
    expect(text).toMatch(/What you can do/);
    await page.screenshot({ path: shot('fh-advisor-dialog') });
    await page.locator('#advisor-continue').click();
    await page.locator('#tab-finance').click();
    await page.locator('#schedule-totals').waitFor();
    await page.screenshot({ path: shot('fh-advisor-warning') });
    const snap = await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.snapshot()!);
    expect(snap.week).toBeLessThan(PRICE_WAR.endWeek);
    expect((snap as unknown as { paused: boolean }).paused).toBe(true);
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.step(60));
    await page.locator('#over-dialog[open]').waitFor({ timeout: 30_000 });
    // What ended it, as the engine recorded it (price-war seed 1 idle: lenders call the loans over the liquidity covenant): the covenant, its figure against the limit, the debt called and the cash short.
    expect(await page.locator('#over-reason').textContent()).toMatch(new RegExp(`^Bankrupt in week ${PRICE_WAR.endWeek - 1}: Minimum liquidity \\(cash \\+ undrawn committed credit\\) was still breached when the cure period ended — \\$[\\d.]+[kM] against a limit of ≥\\s\\$25\\.0M\\. Lenders called \\$[\\d.]+M of debt; cash fell \\$[\\d.]+M short\\.$`));
    expect(await page.locator('#over-dialog .over-failing').count()).toBe(0);
    expect(await page.locator('#advisor').textContent()).toMatch(/Game over: no more warnings/);
    expect(await page.locator('#stat-runway .v').textContent()).toBe('—');
    // The Finance panel of a company with loans (debt table, covenants, schedule) fits the panel.
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: shot('fh-game-over') });
    // The dialog offers the last quarter close before the end: the same game, back at that week, running again.
    const back = page.locator('#over-load-quarter');
    const backText = await back.textContent();
    const resumeWeek = Number(/week (\d+)/.exec(backText ?? '')?.[1]);
    expect(resumeWeek % 13).toBe(0);
    expect(resumeWeek).toBeLessThan(PRICE_WAR.endWeek);
    expect(resumeWeek).toBeGreaterThanOrEqual(PRICE_WAR.endWeek - 14);
    await back.click();
    await page.waitForFunction((wk) => { const s = (window as unknown as { neocloud: Api }).neocloud.snapshot(); return s?.week === wk && !s.over; }, resumeWeek, { timeout: 30_000 });
    await page.locator('#game').waitFor();
    expect(await page.locator('#over-dialog[open]').count()).toBe(0);
    // Ending again and reading the debrief: an objective a bankrupt company misses says it is because of the bankruptcy.
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.step(30));
    await page.locator('#go-debrief').click();
    // allInnerTexts does not wait: read the list once the debrief has drawn it (a loaded machine draws it late).
    await page.locator('#objectives li').first().waitFor();
    const objectives = await page.locator('#objectives li.no').allInnerTexts();
    expect(objectives.length).toBeGreaterThan(1);
    for (const o of objectives) expect(o).toMatch(/not met(: bankrupt| \(bankrupt\): )/);
  });

  it('a lost bid shows why: its score against the winner\'s, and the mark-ups', async () => {
    const { page } = await open({ width: 1280, height: 720 });
    const api = () => (window as unknown as { neocloud: Api }).neocloud;
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.newGame({ scenario: 'default', seed: 4 }));
    await page.locator('#game').waitFor();
    void api;
    // Bid the customer's maximum on every request that opens for a few months: some are lost.
    const lost = await page.evaluate(async () => {
      const n = (window as unknown as { neocloud: Api }).neocloud;
      const bid = new Set<string>();
      for (let w = 0; w < 40; w++) {
        for (const r of n.snapshot()!.rfps) if (!bid.has(r.id)) { bid.add(r.id); await n.issue({ type: 'bidRfp', rfpId: r.id, usdPerGpuHour: r.maxUsdPerGpuHour }); }
        await n.step(1);
      }
      return n.snapshot()!.closedRfps.filter((r) => r.winnerIndex !== 0 && r.bids.some((b) => b.companyIndex === 0)).map((r) => r.id);
    });
    expect(lost.length).toBeGreaterThan(0);
    await page.locator('#advisor-dialog[open] #advisor-continue, #news-dialog[open] #news-continue, #quarter-dialog[open] #quarter-continue').first().click({ timeout: 2000 }).catch(() => undefined);
    await page.keyboard.press('Escape');
    await page.locator('#tab-customers').click();
    const reason = page.locator(`.bid-reason[data-rfp="${lost[0]}"]`);
    await reason.waitFor();
    expect(await reason.textContent()).toMatch(/Scored \$\d+\.\d\d vs the winner’s \$\d+\.\d\d|Above the customer’s maximum|Not considered/);
    await reason.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('fh-lost-bid') });
    // With a won/lost history (reasons), contracts, sites and rivals, no tab scrolls sideways at 1280×720.
    const bad: string[] = [];
    for (const tab of TABS) {
      await page.locator(`#tab-${tab}`).click();
      await page.locator(`#panel-${tab}`).waitFor();
      bad.push(...(await overflowing(page)).map((b) => `${tab}: ${b}`));
    }
    expect(bad).toEqual([]);
  });

  it('later in a game at 1280×720 (default, leveraged autopilot, week 150: loans, contracts, sites, listed rivals and a listed company): no tab scrolls sideways; the raise form opens on a follow-on offering; at 1000×700 (one column) each tab brings the decisions into view, a screen tall, scrolling inside', async () => {
    const { page } = await open({ width: 1280, height: 720 });
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.newGame({ scenario: 'default', seed: 5, strategy: 'leveraged' }));
    await page.locator('#game').waitFor();
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.step(150));
    await page.locator('#advisor-dialog[open] #advisor-continue, #news-dialog[open] #news-continue, #quarter-dialog[open] #quarter-continue').first().click({ timeout: 2000 }).catch(() => undefined);
    const s = await page.evaluate(() => (window as unknown as { neocloud: { snapshot(): { player: { listed: boolean; debts: unknown[]; contracts: unknown[] } } } }).neocloud.snapshot());
    // Seed 5: listed at week 81 under default's debt-service lenders (seed 3, used before them, no longer lists by week 150).
    expect(s.player.listed).toBe(true);
    expect(s.player.debts.length).toBeGreaterThan(2);
    // The guide (offered: a new default game in a fresh browser) ended with the first quarter, though the autopilot never set a price.
    expect(await page.locator('#guide .guide-steps li').count()).toBe(0);
    const bad: string[] = [];
    for (const tab of TABS) {
      await page.locator(`#tab-${tab}`).click();
      await page.locator(`#panel-${tab}`).waitFor();
      await page.waitForTimeout(300);
      bad.push(...(await overflowing(page)).map((b) => `${tab}: ${b}`));
    }
    expect(bad).toEqual([]);
    await page.locator('#tab-finance').click();
    // A covenant limit ("≥ $25.0M", "≤ 6.5×") keeps its sign on the figure's line in the narrow column.
    const limitLines = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('#panel-finance td')].filter((td) => /^[≥≤]/.test(td.innerText)).map((td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      return `${td.innerText.replace(/\s+/g, ' ')}: ${new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size}`;
    }));
    expect(limitLines.length).toBeGreaterThan(0);
    expect(limitLines.filter((x) => !x.endsWith(': 1'))).toEqual([]);
    expect(await page.locator('#panel-finance select[name=type]').inputValue()).toBe('followOn');
    // The autopilot may have raised in the weeks just before (default seed 5 raised in week 149 once
    // RFPs for inference asked for the cheapest generation): a follow-on is then refused as too soon
    // for a few weeks. Play on a week at a time until the offering can be confirmed.
    for (let k = 0; k < 13 && (await page.locator('#finance-raise-confirm:not([disabled])').count()) === 0; k++) {
      await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.step(1));
      await page.locator('#advisor-dialog[open] #advisor-continue, #news-dialog[open] #news-continue, #quarter-dialog[open] #quarter-continue').first().click({ timeout: 500 }).catch(() => undefined);
      await page.locator('#tab-finance').click();
      await page.waitForTimeout(200);
    }
    expect(await page.locator('#panel-finance select[name=type]').inputValue()).toBe('followOn');
    await page.locator('#finance-raise-confirm:not([disabled])').waitFor();
    await page.screenshot({ path: shot('fh-1280x720-late-finance') });

    // 1000×700, one column: the main area scrolls up and down (never sideways); a chosen tab brings
    // the decisions into view, as tall as the area, and the panel scrolls inside itself.
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.evaluate(() => { document.querySelector('.main')!.scrollTop = 0; });
    const narrow: string[] = [];
    for (const tab of TABS) {
      await page.locator(`#tab-${tab}`).click();
      await page.locator(`#panel-${tab}`).waitFor();
      await page.waitForTimeout(150);
      narrow.push(...(await overflowing(page)).map((b) => `1000×700 ${tab}: ${b}`));
      const g = await page.evaluate(() => {
        const box = (sel: string) => document.querySelector<HTMLElement>(sel)!.getBoundingClientRect();
        const main = document.querySelector<HTMLElement>('.main')!;
        const panel = document.getElementById('panel')!;
        return {
          sideways: Math.max(main.scrollWidth - main.clientWidth, document.documentElement.scrollWidth - document.documentElement.clientWidth),
          mainH: main.clientHeight, dockTop: box('.dock').top - box('.main').top, dockBottom: box('.dock').bottom - box('.main').bottom,
          panelH: panel.clientHeight, panelScrolls: getComputedStyle(panel).overflowY === 'auto' && panel.scrollHeight > panel.clientHeight,
          worldH: box('#world').height,
          // The top bar wraps to two rows here: its items keep off its top edge.
          barGap: Math.min(...[...document.querySelectorAll<HTMLElement>('.topbar > *')].filter((e) => e.offsetParent !== null).map((e) => e.getBoundingClientRect().top)) - box('.topbar').top,
        };
      });
      if (g.sideways > 1) narrow.push(`1000×700 ${tab}: scrolls sideways by ${g.sideways} px`);
      if (Math.abs(g.dockTop) > 1 || g.dockBottom > 1) narrow.push(`1000×700 ${tab}: the decisions not in view (top ${g.dockTop}, bottom ${g.dockBottom})`);
      if (g.panelH < 0.6 * g.mainH) narrow.push(`1000×700 ${tab}: the panel is ${g.panelH} px of ${g.mainH}`);
      if ((tab === 'sites' || tab === 'customers') && !g.panelScrolls) narrow.push(`1000×700 ${tab}: the panel does not scroll inside itself`);
      if (g.worldH < 280) narrow.push(`1000×700: the map is ${g.worldH} px tall`);
      if (g.barGap < 2) narrow.push(`1000×700: the top bar's items touch its top edge (${g.barGap} px)`);
      if (tab === 'sites' || tab === 'customers') await page.screenshot({ path: shot(`fh-1000x700-late-${tab}`) });
    }
    expect(narrow).toEqual([]);
  });

  it('zh-CN at 1280×720 and 1440×900: the main screen and each tab show Chinese (setLanguage), the advisor, news, previews too; the top bar is one row; no heading cut one character per line', async () => {
    const english: string[] = [];
    const layout: string[] = [];
    const punct: string[] = [];
    // One game for both sizes (the jump to the warning week is the slow part): the window is resized.
    const { page } = await open({ width: 1440, height: 900 });
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.newGame({ scenario: 'price-war-2025', seed: 1 }));
    await page.evaluate((n) => (window as unknown as { neocloud: Api }).neocloud.step(n), PRICE_WAR.warnWeek);
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.setLanguage('zh-CN'));
    await page.locator('#game').waitFor();
    await page.waitForFunction(() => /契约|现金将|追加保证金/.test(document.getElementById('advisor')?.textContent ?? ''));
    for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
      const tag = `${size.width}x${size.height}`;
      await page.setViewportSize(size);
      await page.locator('#advisor-dialog[open] #advisor-continue, #news-dialog[open] #news-continue, #quarter-dialog[open] #quarter-continue').first().click({ timeout: 2000 }).catch(() => undefined);
      for (const tab of TABS) {
        await page.locator(`#tab-${tab}`).click();
        await page.waitForTimeout(450); // the forms' live previews (the engine's summaries) arrive
        // The charts (uPlot, loaded when first shown): each a named image, its name put together from parts.
        if (tab === 'reports') await page.locator('#panel .chart-box [role="img"]').first().waitFor();
        await page.screenshot({ path: shot(`fh-zh-${tag}-tab-${tab}`) });
        english.push(...(await englishWords(page)).map((w) => `${tag} ${tab}: ${w}`));
        layout.push(...(await brokenHeadings(page)).map((w) => `${tag} ${tab}: heading "${w}" wraps`));
        layout.push(...(await overflowing(page)).map((b) => `${tag} ${tab}: ${b}`));
        if (tag === '1280x720') punct.push(...(await asciiPunctuation(page)).map((p) => `${tab}: ${p}`));
      }
      if ((await topbarRows(page)) !== 1) layout.push(`${tag}: the top bar wraps`);
      const bid = await page.evaluate(() => {
        const b = [...document.querySelectorAll('button')].find((x) => x.textContent?.trim() === '投标');
        return b ? b.getBoundingClientRect().height : null;
      });
      if (bid !== null && bid >= 48) layout.push(`${tag}: the 投标 button is ${bid}px tall`);
      // The glossary in Chinese: a term's tooltip (hover) is the Chinese definition.
      await page.locator('#tab-market').click();
      await page.locator('#panel-market .term[data-term="sentiment"]').hover();
      await page.locator('#term-tip').waitFor({ state: 'visible' });
      const tipText = await page.locator('#term-tip').innerText();
      expect(tipText).toMatch(/[\u4e00-\u9fff]{6}/);
      for (const w of tipText.match(/[A-Za-z][A-Za-z-]{2,}/g) ?? []) if (!LATIN_OK.test(w)) english.push(`${tag} tooltip: ${w}`);
      await page.screenshot({ path: shot(`fh-zh-${tag}-term-tooltip`) });
      await page.mouse.move(5, size.height - 5);
    }
    expect(english).toEqual([]);
    expect(layout).toEqual([]);
    // Chinese punctuation on screen, where texts are put together from parts too ("标签：文本", not "标签: 文本").
    expect([...new Set(punct)]).toEqual([]);
  }, 300_000);
});
