/**
 * Class mode in Chromium with real clicks (issue 11 items 1, 2, 4, 7): a teacher builds a class and
 * gets a link; a student opens it, plays under its rules (the page API steps the bulk), answers the
 * debrief questions and hands in; the results page checks many result files (tampered and invalid
 * ones among them, and the same as a zip); the grades CSV. No console errors, no CSP violations,
 * no clipped layout at 1280×720 and 1440×900, axe on each class screen, both languages.
 * Screenshots go to test-results/class-*.png.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Download } from 'playwright-core';
import { browserPerTest, shot, chromePath } from './harness.ts';
import { axeProblems } from './pageChecks.ts';
import { decodeClassLink } from '../../src/class/link.ts';
import { classHash, classScenarioDocument, type ClassConfig } from '../../src/class/config.ts';
import { buildResult, resultText, parseResultFile } from '../../src/class/result.ts';
import { studentSeed } from '../../src/class/seed.ts';
import { computeBuildId } from '../../src/cli/buildId.ts';
import { loadScenarioObject } from '../../src/scenario/load.ts';
import { zipSync, strToU8 } from 'fflate';
import { englishWords } from '../class/helpers.ts';

const CHROME = chromePath();

type Api = {
  step(n: number): Promise<unknown>;
  issue(c: object): Promise<{ ok: boolean; reason?: string }>;
  setLanguage(l: string): void;
  setSpeed(s: number): { ok: boolean; reason?: string };
  snapshot(): { week: number; over: boolean; seed: number } | null;
};

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
  const { open } = browserPerTest('?world=0');

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
    // A class target for the revenue objective: the label students read names it, not the scenario's $1B.
    await page.fill('#cf-objective-1-minUsd', '2B');
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
    expect(await axeProblems(page, 'builder')).toEqual([]);
    expect(errors).toEqual([]);
    expect(csp).toEqual([]);
  });

  it('a student opens the link, plays under the rules, answers the questions and hands in', async () => {
    expect(config).not.toBeNull();
    const { page, errors, csp } = await open({ width: 1440, height: 900 }, '?world=0' + classUrl.replace(/^[^#]*/, ''));
    await page.waitForSelector('#class-student');
    expect(await page.textContent('#class-h')).toBe('Finance 301 — =week 6');
    const rules = await page.textContent('.class-rules');
    expect(rules).toContain('Due 2027-03-01');
    expect(rules).toContain('2 attempts allowed; 0 used');
    await page.screenshot({ path: shot('class-student-1440-en') });
    expect(await clipped(page)).toEqual([]);
    expect(await axeProblems(page, 'student')).toEqual([]);
    await page.click('#class-start');
    expect(await page.textContent('#student-problem')).toContain('Type your name');
    await page.fill('#student-name', '  Ada  Lovelace ');
    await page.click('#class-start');
    await page.waitForSelector('#briefing');
    const objectives = await page.locator('#briefing li').allInnerTexts();
    expect(objectives).toContain('Reach $2B of annualised revenue by the end of 2027 (class target)');
    expect(objectives.join('\n')).not.toContain('$1B');
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
    // Menu → Continue keeps the class: its speed cap and its hand-in come back with the game.
    await page.click('#menu-btn');
    await page.click('#leave-confirm');
    await page.waitForSelector('#continue-btn:not([disabled])');
    await page.click('#continue-btn');
    await page.waitForSelector('#class-hand-in-btn');
    expect(await page.isDisabled('[data-speed="4"]')).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.snapshot()!.week)).toBe(104);
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
    // The browser build stamps the build id Node computes from the same sources.
    expect(parsed.result.buildId).toBe(computeBuildId());
    expect(parsed.result.class?.hash).toBe(await classHash(config!));
    expect(parsed.result.seed).toBe(seed);
    expect(parsed.result.log.length).toBeGreaterThan(0);
    expect(parsed.result.answers[0]).toContain('H100s early');
    expect(await axeProblems(page, 'debrief+hand-in')).toEqual([]);
    expect(errors).toEqual([]);
    expect(csp).toEqual([]);
  }, 600_000);

  /** Result files as students' browsers would write them (class-core's buildResult), on this class. */
  async function results(cfg: ClassConfig, students: { name: string; autopilot: 'leveraged' | 'prudent' | 'idle'; week: number }[]): Promise<{ name: string; text: string }[]> {
    const loaded = loadScenarioObject(classScenarioDocument(cfg));
    if (!loaded.ok) throw new Error('class scenario does not load');
    const hash = await classHash(cfg);
    const out: { name: string; text: string }[] = [];
    for (const st of students) {
      const seed = cfg.seedMode === 'perStudent' ? studentSeed(cfg.seed, st.name) : cfg.seed;
      const file = await buildResult({ scenario: loaded.scenario, scenarioDoc: classScenarioDocument(cfg), seed, autopilot: st.autopilot, depreciationYears: null, log: [], week: st.week },
        { student: st.name, attempt: 1, class: { hash, title: cfg.title, seed: cfg.seed, seedMode: cfg.seedMode }, answers: ['Because rents fell.', '', 'Yes.'] });
      out.push({ name: `${st.name.replace(/\W+/g, '_')}.ncrun.json`, text: resultText(file) });
    }
    return out;
  }

  let files: { name: string; text: string }[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'neocloud-class-'));

  it('the results page checks 30 files: verified, other class, tampered and invalid ones; sortable table; grades CSV', async () => {
    expect(handedIn).not.toBeNull();
    const cfg = config!;
    const strategies = ['leveraged', 'prudent', 'idle'] as const;
    const own = await results(cfg, Array.from({ length: 20 }, (_, i) => ({ name: i === 7 ? '=cmd|calc' : `Student ${i + 1}`, autopilot: strategies[i % 3]!, week: i % 10 === 0 ? 104 : 52 })));
    const other = await results({ ...cfg, title: 'Another class', seedMode: 'shared', seed: 7 }, Array.from({ length: 4 }, (_, i) => ({ name: `Visitor ${i + 1}`, autopilot: strategies[i % 3]!, week: 52 })));
    const mine = handedIn!;
    const tamper = (f: (v: Record<string, unknown>) => void, name: string) => { const v = JSON.parse(mine.text) as Record<string, unknown>; f(v); return { name, text: JSON.stringify(v) }; };
    const tampered = [
      tamper((v) => { (v.final as { score: number }).score += 5; }, 'tampered-score.ncrun.json'),
      tamper((v) => { ((v.log as { command: { count: number } }[])[0]!.command).count = 499; }, 'tampered-command.ncrun.json'),
      tamper((v) => { (v.checkpoints as { hash: string }[])[3]!.hash = '0123456789abcdef'; }, 'tampered-checkpoint.ncrun.json'),
    ];
    const invalid = [{ name: 'truncated.ncrun.json', text: mine.text.slice(0, 500) }, { name: 'not-a-result.json', text: JSON.stringify({ format: 'neocloud-result', version: 1, student: 'Eve' }) }];
    files = [...own, mine, ...other, ...tampered, ...invalid];
    expect(files.length).toBe(30);
    const paths = files.map((f) => { const p = join(dir, f.name); writeFileSync(p, f.text); return p; });

    const { page, errors, csp } = await open({ width: 1280, height: 720 });
    await page.click('#class-results-btn');
    await page.waitForSelector('#class-results');
    // The class, from its link: a run for another class is then "other". Its box is one line high, as wide as the row allows.
    const linkBox = (await page.locator('#results-class-link').boundingBox())!;
    expect(linkBox.height).toBeLessThan(60);
    expect(linkBox.width).toBeGreaterThan(400);
    await page.fill('#results-class-link', classUrl);
    await page.click('#results-use-class');
    await page.waitForSelector('#results-class-title');
    await page.setInputFiles('#results-files', paths);
    await page.waitForFunction(() => document.getElementById('results-progress-text')?.textContent?.match(/(\d+) of (\d+)/)?.slice(1).every((x, _, a) => x === a[1] && x === '30'), null, { timeout: 400_000 });
    const statuses = await page.$$eval('#results-table tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-status')));
    const count = (st: string) => statuses.filter((x) => x === st).length;
    expect(count('verified')).toBe(21);
    expect(count('other')).toBe(4);
    expect(count('invalid')).toBe(2);
    expect(count('diverged') + count('mismatch')).toBe(3);
    const rowOf = async (file: string) => page.$eval(`#results-table tbody tr:has-text("${file}")`, (tr) => ({ status: tr.getAttribute('data-status'), text: tr.textContent ?? '' }));
    expect((await rowOf('tampered-score')).status).toBe('mismatch');
    expect((await rowOf('tampered-checkpoint')).text).toMatch(/diverges at week \d+/);
    expect((await rowOf('truncated')).text).toContain('not a result file');
    // Sort by score, descending: the numbers come in order.
    await page.click('button.th-sort[data-col="score"]');
    await page.click('button.th-sort[data-col="score"]');
    const scores = await page.$$eval('#results-table tbody tr', (trs) => trs.map((tr) => Number((tr.children[3]?.textContent ?? '').replace('—', 'NaN'))).filter((x) => Number.isFinite(x)));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(await page.getAttribute('th[aria-sort="descending"] button', 'data-col')).toBe('score');
    await page.waitForFunction(() => /(\d+) of \1\b/.test(document.getElementById('results-bench-progress')?.textContent ?? ''), null, { timeout: 400_000 });
    await page.screenshot({ path: shot('class-results-1280-en') });
    expect(await clipped(page)).toEqual([]);
    expect(await axeProblems(page, 'results')).toEqual([]);

    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#grades-csv')]);
    const csv = (await saved(dl)).text.trim().split('\r\n');
    expect(csv[0]).toContain('student,file,status,score');
    expect(csv.length).toBe(31);
    expect(csv.find((l) => l.includes('calc'))).toMatch(/^"'=cmd\|calc"|^'=cmd\|calc/);
    const ada = csv.find((l) => l.startsWith('Ada  Lovelace') && !l.includes('tampered'))!; // rows come in the order the workers finish
    expect(ada).toContain(',verified,');
    const mark = Number(ada.split(',').at(-1));
    expect(mark).toBeGreaterThan(40);
    expect(csv.find((l) => l.includes('tampered-score'))!.split(',').at(-1)).toBe('0');
    const [dl2] = await Promise.all([page.waitForEvent('download'), page.click('#gradebook-csv')]);
    const book = (await saved(dl2)).text.trim().split('\r\n');
    expect(book[0]).toBe('Student,ID,Neocloud Tycoon');
    expect(book.some((l) => l.startsWith('Ada  Lovelace,ada lovelace,'))).toBe(true);
    // The class debrief for the projector, on these rows: verified runs only, with the autopilots on the class seed.
    await page.click('#results-debrief');
    await page.waitForSelector('#class-debrief');
    expect(await page.locator('#cd-intro').textContent()).toMatch(/^21 verified runs of 30 files/);
    expect(await page.locator('#cd-students-table tbody tr').count()).toBe(21);
    await page.locator('#cd-autopilots:empty').waitFor({ state: 'attached', timeout: 300_000 });
    await page.locator('#cd-equityValueUsd .cd-key-leveraged').waitFor();
    for (const id of ['equityValueUsd', 'cashUsd', 'debtUsd', 'utilisation']) await page.locator(`#cd-${id} canvas`).first().waitFor();
    const heads = await page.locator('#cd-cashUsd table thead th').allTextContents();
    expect(heads.length).toBe(1 + 21 + 3);
    expect(heads).toContain('Autopilot: leveraged');
    expect(await page.locator('#cd-questions li').count()).toBeGreaterThan(0);
    expect(await page.locator('#cd-hist canvas').count()).toBe(1);
    await page.screenshot({ path: shot('class-debrief-1280-en') });
    // Heat map: a cell names its students (Ada ordered GPUs in the first quarter).
    const cell = page.locator('#cd-heat button[data-kind="orderGpus"]').filter({ hasText: /\d/ }).first();
    await cell.click();
    expect(await page.locator('#cd-heat-who').textContent()).toMatch(/^Order GPUs, \d{4}Q\d: .*Ada {2}Lovelace/);
    await page.locator('#cd-heat').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('class-debrief-1280-en-heat') });
    // Anonymise: no student name left on the page.
    await page.locator('#cd-anon').check();
    const shown = await page.locator('#class-debrief').innerText();
    for (const n of ['Ada  Lovelace', '=cmd|calc']) expect(shown).not.toContain(n);
    await cell.click();
    expect(await page.locator('#cd-heat-who').textContent()).toMatch(/Student \d/);
    await page.locator('#cd-anon').uncheck();
    // Ada's run opens read-only and scrubs week by week; the chosen student is drawn bright.
    await page.locator('#cd-students-table tbody tr', { hasText: 'Ada  Lovelace' }).locator('button.cd-open').click();
    await page.locator('#cd-scrub').waitFor({ timeout: 120_000 });
    expect(Number(await page.locator('#cd-scrub').getAttribute('max'))).toBe(104);
    const cashAtEnd = await page.locator('#cd-figures dd').nth(1).textContent();
    await page.locator('#cd-scrub').focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
    expect(await page.locator('#cd-scrub-week').textContent()).toMatch(/^Week 94 · /);
    await page.locator('#cd-scrub').fill('3');
    expect(await page.locator('#cd-scrub-week').textContent()).toMatch(/^Week 3 · /);
    expect(await page.locator('#cd-figures dd').nth(1).textContent()).not.toBe(cashAtEnd);
    expect(await page.locator('#cd-equityValueUsd .cd-key-selected').count()).toBe(1);
    // The teacher's what-if: Ada's run without her GPU order, side by side.
    const order = page.locator('#cd-whatif-decision option', { hasText: 'Order 500 H100 GPUs' }).first();
    await page.locator('#cd-whatif-decision').selectOption(await order.getAttribute('value'));
    await page.locator('#cd-whatif-run').click();
    await page.locator('#cd-whatif-cf').waitFor({ timeout: 180_000 });
    await page.locator('#cd-whatif-charts figure').nth(3).waitFor(); // the charts follow the cards (their code loads on demand)
    expect(await page.locator('#cd-whatif-charts figure').count()).toBe(4);
    await page.locator('#cd-run').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('class-debrief-1280-en-run') });
    expect(await clipped(page)).toEqual([]);
    expect(await axeProblems(page, 'class debrief')).toEqual([]);
    await page.click('#cd-back');
    await page.waitForSelector('#results-table');
    expect(await page.$$eval('#results-table tbody tr', (trs) => trs.length)).toBe(30);
    expect(errors).toEqual([]);
    expect(csp).toEqual([]);
  }, 900_000);

  it('the same files as one LMS zip give the same rows, every reason in 中文; kept across a reload; forget this class deletes them', async () => {
    expect(files.length).toBe(30);
    const zipPath = join(dir, 'submissions.zip');
    writeFileSync(zipPath, zipSync(Object.fromEntries(files.map((f, i) => [`student_${i}/${f.name}`, strToU8(f.text)]))));
    const { page, errors, csp } = await open({ width: 1440, height: 900 });
    await page.click('#class-results-btn');
    await page.fill('#results-class-link', classUrl);
    await page.click('#results-use-class');
    await page.setInputFiles('#results-files', [zipPath]);
    await page.waitForFunction(() => document.getElementById('results-progress-text')?.textContent?.includes('30 of 30'), null, { timeout: 400_000 });
    const statuses = await page.$$eval('#results-table tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-status')));
    expect(statuses.filter((x) => x === 'verified').length).toBe(21);
    expect(statuses.filter((x) => x === 'other').length).toBe(4);
    expect(statuses.filter((x) => x === 'invalid').length).toBe(2);
    await page.screenshot({ path: shot('class-results-1440-en') });
    expect(await clipped(page)).toEqual([]);
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.setLanguage('zh-CN'));
    await page.waitForSelector('#results-table');
    await page.screenshot({ path: shot('class-results-1440-zh') });
    expect(await clipped(page)).toEqual([]);
    // Every row's status and reason in Chinese: message ids rendered, no English left but names and figures.
    const names = [...files.map((f) => f.name), 'Another class', 'Eve'];
    const rowTexts = await page.$$eval('#results-table tbody tr', (trs) => trs.map((tr) => ({ status: tr.getAttribute('data-status')!, text: [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText).join(' | ') })));
    expect(new Set(rowTexts.map((r) => r.status))).toEqual(new Set(['verified', 'other', 'diverged', 'mismatch', 'invalid']));
    for (const r of rowTexts) expect(englishWords(r.text, names), `${r.status}: ${r.text}`).toEqual([]);
    expect(rowTexts.find((r) => r.status === 'mismatch')!.text).toMatch(/与重放结果不符：声称得分/);
    // One step in the page: the table is drawn again when the class's copy is saved (a locator could hold a detached row).
    await page.evaluate(() => [...document.querySelectorAll('#results-table tbody tr[data-status="invalid"]')].at(-1)?.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: shot('class-results-1440-zh-reasons') });
    expect(rowTexts.filter((r) => r.status === 'invalid').map((r) => r.text).join()).toMatch(/不是有效的 JSON.*“version”|“gameVersion”：缺少必填字段/s);
    expect(await axeProblems(page, 'results zh')).toEqual([]);
    // The class debrief in Chinese (the projector view), then back to the rows.
    await page.click('#results-debrief');
    expect(await page.locator('#class-debrief h1').textContent()).toBe('全班复盘');
    expect(await page.locator('#cd-heat-h').textContent()).toBe('各季度的决策');
    await page.locator('#cd-autopilots:empty').waitFor({ state: 'attached', timeout: 300_000 });
    await page.screenshot({ path: shot('class-debrief-1440-zh') });
    await page.locator('#cd-students-table button.cd-open').first().click();
    await page.locator('#cd-scrub').waitFor({ timeout: 120_000 });
    expect(await page.locator('#cd-scrub-week').textContent()).toMatch(/^第 \d+ 周 · /);
    await page.locator('#cd-run').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('class-debrief-1440-zh-run') });
    expect(await clipped(page)).toEqual([]);
    expect(await axeProblems(page, 'class debrief zh')).toEqual([]);
    await page.click('#cd-back');
    await page.waitForSelector('#results-table');
    // Kept in this browser: after a reload, the class's rows come back from the list of kept classes.
    const kept = () => page.evaluate(() => new Promise<string[]>((resolve) => {
      const req = indexedDB.open('neocloud-class-results', 1);
      req.onupgradeneeded = () => { if (!req.result.objectStoreNames.contains('kv')) req.result.createObjectStore('kv'); };
      req.onsuccess = () => { const k = req.result.transaction('kv').objectStore('kv').getAllKeys(); k.onsuccess = () => { req.result.close(); resolve(k.result.map(String)); }; };
    }));
    await expect.poll(kept, { timeout: 10_000 }).toHaveLength(2);
    await page.reload();
    await page.click('#class-results-btn');
    await page.locator('#results-kept button.kept-open').click();
    await page.locator('.kept-note').first().waitFor();
    expect(await page.locator('#results-progress').innerText()).toMatch(/(已恢复本浏览器中保存的这个课堂的 |Restored )30 /);
    expect(await page.locator('#results-table tbody tr').count()).toBe(30);
    const back = await page.$$eval('#results-table tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-status')));
    expect(back.filter((x) => x === 'verified').length).toBe(21);
    expect(back.filter((x) => x === 'invalid').length).toBe(2);
    await page.screenshot({ path: shot('class-results-1440-zh-restored') });
    // Forget: gone from the page, from the store, and after a reload.
    await page.click('#results-forget');
    await page.click('#results-forget');
    await page.waitForSelector('#results-forgotten');
    expect(await page.$('#results-table')).toBeNull();
    expect(await kept()).toEqual([]);
    await page.reload();
    await page.click('#class-results-btn');
    await page.waitForSelector('#class-results');
    expect(await page.locator('#results-kept button').count()).toBe(0);
    expect(await page.$('#results-table')).toBeNull();
    expect(errors).toEqual([]);
    expect(csp).toEqual([]);
  }, 900_000);
});
