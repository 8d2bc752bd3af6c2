/**
 * The game in a real browser: builds the app, serves dist/ with Vite's preview server, drives the
 * system Chromium with playwright-core. Screenshots go to test-results/ (gitignored).
 * Skipped (with a message) only when no Chromium binary exists; .ci/run installs one.
 */
import { describe, it, expect } from 'vitest';
import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { sharedBrowser, buildApp, serve, launch, watchedPage, shot, chromePath, ROOT, type Session, type Watched } from './harness.ts';
import { axeProblems } from './pageChecks.ts';
import { punctuationProblem } from '../i18n/zhPunctuation.ts';
import { loadBundledScenario } from '../../src/scenario/load.ts';
import { createWorld, step, stateHash } from '../../src/engine/api.ts';

const CHROME = chromePath();
if (!CHROME) console.warn('[browser tests] SKIPPED: no Chromium binary found (set CHROME_PATH or install chromium; .ci/run does).');

type Api = {
  ready: boolean;
  newGame(o: { scenario: string | object; seed?: number; strategy?: string }): Promise<{ ok: boolean }>;
  step(n: number): Promise<unknown>;
  snapshot(): { week: number; cashUsd: number; quarters: { label: string; revenueUsd: number }[]; over: boolean; player: { orders: unknown[]; cashUsd: number }; paused: boolean; speed: number };
  issue(c: object): Promise<{ ok: boolean; reason?: string }>;
  stateHash(): Promise<string>;
  exportSave(): Promise<string>;
  importSave(t: string): Promise<{ ok: boolean; reason?: string }>;
  loadScenarioText(t: string): Promise<{ ok: boolean; errors?: { path: string; message: string }[] }>;
  hostKind: string;
  renderer: string;
  setLanguage(lang: 'en' | 'zh-CN'): void;
};
const api = (p: Page) => p.evaluate.bind(p) as <T>(fn: () => T | Promise<T>) => Promise<T>;
void api;

function nodeHash(seed: number, strategy: 'leveraged' | 'prudent' | 'idle', weeks: number): string {
  const r = loadBundledScenario('default');
  if (!r.ok) throw new Error('default scenario invalid');
  const w = createWorld(r.scenario, { seed, strategy });
  for (let i = 0; i < weeks; i++) step(w);
  return stateHash(w);
}

describe.skipIf(!CHROME)('browser game (Chromium)', () => {
  let srv: { url: string; close: () => Promise<void> };
  let session: Session;
  let current: Watched | null = null;

  const HASH_WEEKS = 60;
  let expectedHash = '';
  let cliHash = '';
  sharedBrowser({
    // Reference hashes first, then the build: both read the same working tree.
    before: () => {
      expectedHash = nodeHash(7, 'leveraged', HASH_WEEKS);
      cliHash = (JSON.parse(execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/sim.ts'), '--scenario', join(ROOT, 'scenarios/default.json'), '--seed', '7', '--strategy', 'leveraged', '--weeks', String(HASH_WEEKS), '--format', 'json'], { cwd: ROOT, encoding: 'utf8' })) as { outcome: { stateHash: string } }).outcome.stateHash;
    },
    ready: (s, b) => { srv = s; session = b; },
    take: () => { const c = current; current = null; return c; },
  });

  async function open(query = ''): Promise<Watched> {
    current = await watchedPage(session.context, srv.url + query);
    return current;
  }

  it('title screen renders: name, scenario cards, seed, language switch; prefers-reduced-motion stops its blinking racks and the buttons\' transitions', async () => {
    const { page } = await open();
    await expect(page.locator('h1.logo').textContent()).resolves.toBe('Neocloud Tycoon');
    // Issue 12: the motion is found without the setting (so the check can fail), and none with it.
    const motion = () => page.evaluate(() => ({
      running: document.getAnimations().filter((a) => a.playState === 'running').length,
      blink: getComputedStyle(document.querySelector('.rackline span.on')!).animationName,
      transitionS: Math.max(...getComputedStyle(document.querySelector('button')!).transitionDuration.split(',').map((x) => parseFloat(x))),
    }));
    const moving = await motion();
    expect(moving.running).toBeGreaterThan(0);
    expect(moving.blink).toBe('blink');
    expect(moving.transitionS).toBeGreaterThan(0);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await motion()).toEqual({ running: 0, blink: 'none', transitionS: 0 });
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await page.locator('.card').count()).toBeGreaterThanOrEqual(1);
    await page.locator('#seed').waitFor();
    await page.screenshot({ path: shot('01-title') });
    // The cards' objectives name their figures, never a raw parameter such as "{minUsd}".
    const unfilled = () => page.locator('.card li').evaluateAll((els) => els.map((e) => e.textContent ?? '').filter((t) => /\{[A-Za-z][\w.]*\}/.test(t)));
    expect(await page.locator('.card li').count()).toBeGreaterThan(10);
    expect(await unfilled()).toEqual([]);
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.waitForFunction(() => document.querySelector('h1.logo')?.textContent === '新云大亨');
    expect(await unfilled()).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.screenshot({ path: shot('01-title-zh') });
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.querySelector('h1.logo')?.textContent === 'Neocloud Tycoon');
    // The app's own initial JavaScript never includes Phaser.
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js')));
    expect(scripts.some((s) => /phaser/.test(s))).toBe(false);
  });

  it('a new game starts from a card: briefing, then the main screen with the WebGL world view', async () => {
    const { page } = await open('?renderer=webgl');
    await page.locator('#seed').fill('11');
    await page.locator('button[data-scenario="default"]').click();
    await page.locator('#briefing').waitFor();
    await page.screenshot({ path: shot('02-briefing') });
    const listed = (await page.locator('#briefing-objectives li').allTextContents()).map((x) => x.trim());
    await page.locator('#start-game').click();
    await page.locator('#game').waitFor();
    // The briefing lists every objective the engine judges the run by — the scenario's and the one
    // every scenario shares (positive book equity), which a played price-war-2025 met only in the debrief.
    const judged = await page.evaluate(() => (window as unknown as { neocloud: { snapshot(): { objectives: { label: { en: string } }[] } } }).neocloud.snapshot().objectives.map((o) => o.label.en));
    expect(listed).toEqual(judged);
    expect(listed.at(-1)).toMatch(/book equity/);
    await page.waitForFunction(() => document.getElementById('world')?.dataset.renderer, null, { timeout: 30_000 });
    expect(await page.evaluate(() => document.getElementById('world')!.dataset.renderer)).toBe('webgl');
    expect(await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.hostKind)).toBe('worker');
    await page.waitForTimeout(600);
    await page.screenshot({ path: shot('03-main') });
    const snap = await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.snapshot());
    expect(snap.week).toBe(0);
    expect(typeof snap.cashUsd).toBe('number');
  });

  it('a decision made through a panel (with its preview) changes the state; time advances; keyboard works', async () => {
    const { page } = await open();
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.newGame({ scenario: 'default', seed: 3 }));
    await page.locator('#game').waitFor();
    await page.keyboard.press('g');
    await page.locator('#fleet-order').waitFor();
    await page.locator('#fleet-order input[name="count"]').fill('800');
    await page.waitForSelector('#fleet-order-preview.ok', { timeout: 10_000 });
    const previewText = await page.locator('#fleet-order-preview').textContent();
    expect(previewText).toMatch(/\$/);
    const cash0 = await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.snapshot().cashUsd);
    await page.screenshot({ path: shot('04-fleet-preview') });
    await page.locator('#fleet-order-confirm').click();
    await page.waitForSelector('.toast.ok');
    await page.locator('#step-btn').click();
    await page.waitForFunction(() => (window as unknown as { neocloud: Api }).neocloud.snapshot().week === 1);
    const after = await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.snapshot());
    expect(after.player.orders.length).toBeGreaterThan(0);
    expect(after.cashUsd).toBeLessThan(cash0);
    // A refused command shows why.
    await page.locator('#fleet-order input[name="count"]').fill('100000000');
    await page.waitForSelector('#fleet-order-preview.bad', { timeout: 10_000 });
    expect(await page.locator('#fleet-order-confirm').isDisabled()).toBe(true);
    // Time runs at 4× (keyboard "4"), and no long tasks over 50 ms on the main thread.
    await page.evaluate(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__long.push(e.duration); }).observe({ type: 'longtask' });
    });
    await page.locator('#panel').focus();
    await page.keyboard.press('4');
    await page.waitForFunction(() => (window as unknown as { neocloud: Api }).neocloud.snapshot().week >= 9, null, { timeout: 30_000 });
    await page.keyboard.press(' ');
    await page.waitForFunction(() => (window as unknown as { neocloud: Api }).neocloud.snapshot().paused);
    const longTasks = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    console.log(`[browser tests] long tasks during 4x play: ${longTasks.length}, max ${Math.max(0, ...longTasks).toFixed(0)} ms (renderer ${await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.renderer)})`);
    writeFileSync(join(ROOT, 'test-results', 'long-tasks.json'), JSON.stringify(longTasks));
    // The 50 ms budget is a speed target: measured on a quiet machine by the on-demand perf run
    // (NEOCLOUD_PERF=1 test/browser/perf.test.ts, figures in docs/browser-game.md), not asserted
    // here, where a busy machine's scheduling decides the durations. Here the observer must work.
    expect(longTasks.every((d) => Number.isFinite(d) && d > 0)).toBe(true);
    await page.screenshot({ path: shot('05-after-4x') });
    // The map's canvas keeps its size when the advisor's warnings or the top bar's figures get
    // shorter (each resize redrew the whole map: at 4× almost every week). Fewer warnings and a
    // shorter figure, as the next week could bring:
    const sizes = await page.evaluate(async () => {
      const world = document.getElementById('world')!;
      const cash = document.querySelector<HTMLElement>('#stat-cash')!;
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const before = { world: world.getBoundingClientRect().height, cash: cash.getBoundingClientRect().width };
      for (const li of document.querySelectorAll('#advisor-list li')) li.remove();
      cash.querySelector('.v')!.textContent = '$1';
      await frame();
      return { before, after: { world: world.getBoundingClientRect().height, cash: cash.getBoundingClientRect().width } };
    });
    expect(sizes.after.world).toBe(sizes.before.world);
    expect(sizes.after.cash).toBe(sizes.before.cash);
  });

  it('a quarterly report appears at the quarter close (auto-pause) with statements as tables', async () => {
    const { page } = await open();
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.newGame({ scenario: 'default', seed: 5 }));
    await page.locator('#game').waitFor();
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.step(11));
    await page.keyboard.press('4');
    await page.locator('#quarter-dialog[open]').waitFor({ timeout: 30_000 });
    expect(await page.locator('#quarter-dialog table').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('#quarter-dialog caption').first().textContent()).toMatch(/Income statement/);
    expect(await axeProblems(page, 'quarter report')).toEqual([]);
    await page.screenshot({ path: shot('06-quarter-report') });
    await page.locator('#quarter-continue').click();
    await page.keyboard.press('r');
    await page.locator('#panel-reports table').first().waitFor();
    await page.locator('#ch-revenue').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: shot('07-reports-charts') });
  });

  it('a custom scenario loads by file input; a bad one shows its errors', async () => {
    const { page } = await open();
    const dir = mkdtempSync(join(tmpdir(), 'neocloud-scn-'));
    const good = join(dir, 'my-class.json');
    writeFileSync(good, JSON.stringify({ schemaVersion: 1, id: 'my-class', extends: 'default', title: { en: 'My class scenario' } }));
    const bad = join(dir, 'broken.json');
    writeFileSync(bad, '{\n  "schemaVersion": 1,\n  "id": "Bad Id",\n  "extends": "default",\n  "calendar": { "lengthWeeks": "lots" }\n}\n');
    await page.locator('#scenario-file').setInputFiles(bad);
    await page.locator('#scenario-errors').waitFor();
    const rows = await page.locator('#scenario-errors .error-row').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.join('\n')).toMatch(/lengthWeeks|id/);
    expect(await axeProblems(page, 'bad scenario errors')).toEqual([]);
    await page.screenshot({ path: shot('08-bad-scenario') });
    await page.locator('#scenario-file').setInputFiles(good);
    await page.locator('#briefing').waitFor();
    expect(await page.locator('#briefing h1').textContent()).toBe('My class scenario');
    // The page API validates the same way.
    const r = await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.loadScenarioText('{"schemaVersion": 1, "id": 5}'));
    expect(r.ok).toBe(false);
    expect(r.errors!.length).toBeGreaterThan(0);
  });

  it('a save round-trips: export/import and a named IndexedDB save replay to the same state', async () => {
    const { page } = await open();
    const before = await page.evaluate(async () => {
      const n = (window as unknown as { neocloud: Api }).neocloud;
      await n.newGame({ scenario: 'default', seed: 9 });
      await n.step(3);
      const a = await n.issue({ type: 'orderGpus', modelId: 'h100', count: 500, vendorFinancing: false });
      const b = await n.issue({ type: 'leaseColo', regionId: 'us-virginia', powerMw: 5 });
      await n.step(20);
      return { a, b, hash: await n.stateHash(), week: n.snapshot().week, save: await n.exportSave() };
    });
    expect(before.a.ok).toBe(true);
    const after = await page.evaluate(async (save) => {
      const n = (window as unknown as { neocloud: Api }).neocloud;
      await n.newGame({ scenario: 'default', seed: 1 });
      const r = await n.importSave(save);
      return { r, hash: await n.stateHash(), week: n.snapshot().week };
    }, before.save);
    expect(after.r.ok).toBe(true);
    expect(after.week).toBe(before.week);
    expect(after.hash).toBe(before.hash);
    // Corrupt saves are refused with a reason, never a crash.
    const bad = await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.importSave('{"format":"neocloud-tycoon-save","saveVersion":1,"seed":-1}'));
    expect(bad.ok).toBe(false);
    expect(bad.reason).toBeTruthy();
    // Named save through the dialog, loaded back from the title screen.
    await page.locator('#save-btn').click();
    await page.locator('#save-name').fill('round trip');
    await page.locator('#save-confirm').click();
    await page.waitForFunction(() => /Saved/.test(document.getElementById('save-status')?.textContent ?? ''));
    await page.screenshot({ path: shot('09-save-dialog') });
    await page.keyboard.press('Escape');
    await page.locator('#menu-btn').click();
    // Leaving asks first and says what is saved.
    await page.locator('#leave-dialog[open]').waitFor();
    await page.locator('#leave-confirm').click();
    await page.locator('#title-screen').waitFor();
    await page.getByRole('button', { name: 'Load round trip' }).click();
    await page.locator('#game').waitFor();
    await page.waitForFunction((w) => (window as unknown as { neocloud: Api }).neocloud.snapshot()?.week === w, before.week);
    expect(await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.stateHash())).toBe(before.hash);
  });

  it('the engine is deterministic in the page: worker and main-thread hosts give the same stateHash for the same scenario, seed and strategy', async () => {
    const hashes: string[] = [];
    for (const q of ['', '?host=main']) {
      const { page } = await open(q);
      const got = await page.evaluate(async (w) => {
        const n = (window as unknown as { neocloud: Api }).neocloud;
        await n.newGame({ scenario: 'default', seed: 7, strategy: 'leveraged' });
        await n.step(w);
        return { hash: await n.stateHash(), week: n.snapshot().week, host: n.hostKind };
      }, HASH_WEEKS);
      expect(got.week).toBe(HASH_WEEKS);
      expect(got.host).toBe(q ? 'inThread' : 'worker');
      hashes.push(got.hash);
      await page.close();
      const c = current!;
      current = null;
      expect(c.errors).toEqual([]);
      expect(c.csp).toEqual([]);
    }
    expect(hashes[0]).toBe(hashes[1]);
    expect(cliHash).toBe(expectedHash);
  });

  // Math.exp/log/pow/cos differ in the last bit between V8 versions (Node 20 vs Chromium), so the
  // engine uses its own deterministic math (src/engine/dmath.ts) and lint forbids the built-ins there.
  it('the browser gives the same stateHash as the CLI for the same scenario, seed, strategy and weeks', async () => {
    const { page } = await open();
    const hash = await page.evaluate(async (w) => {
      const n = (window as unknown as { neocloud: Api }).neocloud;
      await n.newGame({ scenario: 'default', seed: 7, strategy: 'leveraged' });
      await n.step(w);
      return n.stateHash();
    }, HASH_WEEKS);
    await page.close();
    current = null;
    expect(hash).toBe(cliHash);
  });

  it('the debrief shows outcome, objectives, timelines, the built-in strategies side by side, questions and exports', async () => {
    const { page } = await open();
    await page.evaluate(async () => {
      const n = (window as unknown as { neocloud: Api }).neocloud;
      await n.newGame({ scenario: 'default', seed: 2, strategy: 'prudent' });
      await n.step(1000);
    });
    await page.locator('#over-dialog[open]').waitFor({ timeout: 60_000 });
    // The guided first quarter (offered in this fresh profile) ended at the first quarter's close;
    // at game over neither its steps nor its "Guide finished" note are on the screen.
    expect(await page.locator('#guide').count()).toBe(0);
    await page.screenshot({ path: shot('10-game-over') });
    expect(await axeProblems(page, 'game over')).toEqual([]);
    // In 中文 too (the screen re-renders and the dialog opens again in Chinese).
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.setLanguage('zh-CN'));
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN' && /[\u4e00-\u9fff]/.test(document.querySelector('#over-dialog[open] #over-title')?.textContent ?? ''));
    const overZh = await page.locator('#over-dialog').innerText();
    expect(await page.locator('#guide').count()).toBe(0);
    expect(overZh.split('\n').flatMap((l) => punctuationProblem(l.trim()) ?? [])).toEqual([]);
    await page.screenshot({ path: shot('10-game-over-zh') });
    expect(await axeProblems(page, 'game over zh')).toEqual([]);
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.setLanguage('en'));
    await page.waitForFunction(() => document.documentElement.lang === 'en' && /Go to debrief/.test(document.querySelector('#over-dialog[open]')?.textContent ?? ''));
    await page.locator('#go-debrief').click();
    await page.locator('#debrief').waitFor();
    await page.locator('#objectives li').first().waitFor();
    await page.locator('#bench-table').waitFor({ timeout: 120_000 });
    expect(await page.locator('#bench-table tbody tr').count()).toBe(4);
    expect(await page.locator('#debrief-questions li').count()).toBeGreaterThan(0);
    await page.locator('#ch-revenue').waitFor();
    expect(await axeProblems(page, 'debrief')).toEqual([]);
    const dl = page.waitForEvent('download');
    await page.locator('#export-csv').click();
    const csv = readFileSync(await (await dl).path(), 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^scenarioId,seed,strategy,label,revenueUsd/);
    const dl2 = page.waitForEvent('download');
    await page.locator('#export-json').click();
    const run = JSON.parse(readFileSync(await (await dl2).path(), 'utf8')) as { scenarioId: string; seed: number; commandLog: unknown[]; quarters: unknown[] };
    expect(run.scenarioId).toBe('default');
    expect(run.seed).toBe(2);
    expect(run.quarters.length).toBeGreaterThan(10);
    await page.screenshot({ path: shot('11-debrief'), fullPage: true });
    // The debrief in 中文: axe again, and Chinese punctuation in its texts.
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.setLanguage('zh-CN'));
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN' && /[\u4e00-\u9fff]/.test(document.querySelector('#debrief h1, #debrief h2')?.textContent ?? ''));
    await page.locator('#objectives li').first().waitFor();
    await page.locator('#bench-table').waitFor({ timeout: 120_000 });
    await page.locator('#ch-revenue').waitFor();
    const debriefZh = await page.locator('#debrief').innerText();
    expect(debriefZh.split('\n').flatMap((l) => punctuationProblem(l.trim()) ?? [])).toEqual([]);
    // Each objective's result reads in the units of its label (the label "…超过 30 亿美元" beside
    // "股权价值 $2.76B" made a Chinese reader convert): money in 亿美元 / 万美元, no "$".
    const objZh = await page.locator('#objectives li').allInnerTexts();
    expect(objZh.filter((l) => l.includes('$'))).toEqual([]);
    expect(objZh.filter((l) => /股权价值 -?−?[\d,.]+ (亿|万)?美元/.test(l)).length).toBe(1);
    // The strategy comparison in Chinese too: strategy names and outcomes (it once said "leveraged … ✓ solvent").
    const benchZh = await page.locator('#bench-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td, th')].slice(0, 2).map((c) => c.textContent ?? '').join(' ')));
    expect(benchZh.filter((r) => /[a-z]{4,}/i.test(r))).toEqual([]);
    await page.screenshot({ path: shot('11-debrief-zh'), fullPage: true });
    expect(await axeProblems(page, 'debrief zh')).toEqual([]);
  });

  it('keyboard and accessible names: every control has a name; tabs are keyboard-operable', async () => {
    const { page } = await open();
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.newGame({ scenario: 'default', seed: 4 }));
    await page.locator('#game').waitFor();
    for (const key of ['f', 'g', 's', 'c', 'm', 'r']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(100);
      const unnamed = await page.evaluate(() => {
        const bad: string[] = [];
        for (const el of document.querySelectorAll<HTMLElement>('button, input, select, [role="tab"]')) {
          if (el.closest('[hidden]') || (el as HTMLInputElement).type === 'file') continue;
          const id = el.id;
          const label = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (id && document.querySelector(`label[for="${id}"]`)?.textContent) || el.closest('label')?.textContent || el.textContent;
          if (!label || !label.trim()) bad.push(el.outerHTML.slice(0, 80));
        }
        return bad;
      });
      expect(unnamed, `unnamed controls on panel ${key}`).toEqual([]);
    }
    await page.locator('#tab-finance').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-fleet');
    // Space on a focused button presses it and does not also pause/resume: "+1 wk" steps one week, still paused.
    const snap = () => page.evaluate(() => (window as unknown as { neocloud: { snapshot(): { week: number; paused: boolean } } }).neocloud.snapshot());
    await page.locator('#step-btn').focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => (window as unknown as { neocloud: Api }).neocloud.snapshot().week === 1);
    await page.waitForTimeout(300);
    expect(await snap()).toMatchObject({ week: 1, paused: true });
    // A letter inside a dropdown picks an option, not a panel.
    await page.locator('#tab-fleet').click();
    await page.locator('#panel-fleet select').first().focus();
    await page.keyboard.press('m');
    expect(await page.locator('#tab-fleet').getAttribute('aria-selected')).toBe('true');
  });

  it('committed facilities: coreweave-2023 lists its DDTLs in the finance panel (drawn, can draw now, still to sign); a player arranges one by clicks in default', async () => {
    const { page } = await open();
    // The tests before this one leave the page in 中文 (the language is remembered); read it in English.
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.setLanguage('en'));
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.newGame({ scenario: 'coreweave-2023', seed: 1 }));
    await page.locator('#game').waitFor();
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.step(40));
    await page.locator('#tab-finance').click();
    await page.locator('#commitments').waitFor();
    const rows = await page.locator('#commitments tbody tr').allInnerTexts();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^DDTL 1\.0\s+\$2\.3B\s+\$1\.5B\s+\$[\d.]+M/);
    expect(rows[2]).toMatch(/DDTL 2\.0[\s\S]*signed in week 71/);
    await page.locator('#commitments').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('commitments-coreweave') });
    // A player's own: the form previews the lenders' terms, confirming queues it, the next week lists it.
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.newGame({ scenario: 'default', seed: 2 }));
    await page.waitForFunction(() => (window as unknown as { neocloud: Api }).neocloud.snapshot().week === 0);
    await page.locator('#tab-finance').click();
    await page.locator('#finance-raise select[name="type"]').selectOption('arrangeFacility');
    await page.locator('#finance-raise input[name="amountUsd"]').fill('5M');
    await page.waitForFunction(() => /Lenders commit DDTL 1/.test(document.getElementById('finance-raise-preview')?.textContent ?? ''), null, { timeout: 10_000 });
    expect(await page.locator('#finance-raise-preview').getAttribute('class')).toMatch(/\bok\b/);
    expect(await page.locator('#finance-raise-preview').textContent()).toMatch(/Lenders commit DDTL 1: \$5\.0M/);
    await page.locator('#finance-raise-confirm').click();
    await page.locator('#step-btn').click();
    await page.waitForFunction(() => (window as unknown as { neocloud: Api }).neocloud.snapshot().week >= 1);
    await page.locator('#commitments').waitFor();
    expect(await page.locator('#commitments tbody tr').first().innerText()).toMatch(/^DDTL 1\s+\$5\.0M\s+\$0/);
  });

  it('a covenant breach the cash can repay: the advisor says the called loans would be repaid, not that the company would end (EN and 中文)', async () => {
    const { page } = await open();
    // default with a liquidity covenant no company meets: a $20M GPU loan breaches at the first close (week 12) and stays breached.
    const sc = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'default.json'), 'utf8')) as { id: string; finance: Record<string, unknown> };
    sc.id = 'default-strict-liquidity';
    sc.finance.covenantMinLiquidityUsd = 5e9;
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.setLanguage('en'));
    await page.evaluate((scenario) => (window as unknown as { neocloud: Api }).neocloud.newGame({ scenario, seed: 2 }), sc);
    await page.locator('#game').waitFor();
    await page.locator('#tab-finance').click();
    await page.locator('#finance-raise select[name="type"]').selectOption('takeGpuLoan');
    await page.locator('#finance-raise input[name="amountUsd"]').fill('20M');
    await page.waitForFunction(() => /GPU-backed loan of \$20\.0M/.test(document.getElementById('finance-raise-preview')?.textContent ?? ''), null, { timeout: 10_000 });
    await page.locator('#finance-raise-confirm').click();
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.step(14));
    await page.waitForFunction(() => /your cash would repay them all/.test(document.getElementById('advisor')?.textContent ?? ''), null, { timeout: 10_000 });
    expect(await page.locator('#advisor').innerText()).not.toMatch(/the company would end/);
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.setLanguage('zh-CN'));
    await page.waitForFunction(() => /你的现金足以全部偿还/.test(document.getElementById('advisor')?.textContent ?? ''), null, { timeout: 10_000 });
    await page.screenshot({ path: shot('advisor-called-loans-repaid-zh') });
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.setLanguage('en'));
  });
});

describe.skipIf(!CHROME)('browser game with the Canvas renderer (--disable-3d-apis)', () => {
  it('starts and draws the world view without WebGL; prefers-reduced-motion stills its LEDs, rings and flights', async () => {
    await buildApp();
    const srv = await serve();
    const s = await launch(['--disable-3d-apis']);
    try {
      const w = await watchedPage(s.context, srv.url);
      await w.page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.newGame({ scenario: 'default', seed: 1 }));
      await w.page.waitForFunction(() => document.getElementById('world')?.dataset.renderer, null, { timeout: 30_000 });
      expect(await w.page.evaluate(() => document.getElementById('world')!.dataset.renderer)).toBe('canvas');
      await w.page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.step(8));
      await w.page.waitForTimeout(500);
      await w.page.screenshot({ path: shot('12-canvas-renderer') });
      // Issue 12: the canvas's pixels (a hash, read in the page) 0.7 s apart differ while the rings
      // pulse and the LEDs blink, and are the same with prefers-reduced-motion.
      const twoPictures = () => w.page.evaluate(async () => {
        const picture = (): number => {
          const c = document.querySelector<HTMLCanvasElement>('#world canvas')!;
          const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
          let h = 0;
          for (let i = 0; i < d.length; i++) h = (Math.imul(h, 31) + d[i]!) | 0;
          return h;
        };
        const a = picture();
        await new Promise((r) => setTimeout(r, 700));
        return [a, picture()];
      });
      const moving = await twoPictures();
      expect(moving[0], 'the world view moves without reduced motion').not.toBe(moving[1]);
      await w.page.emulateMedia({ reducedMotion: 'reduce' });
      await w.page.waitForTimeout(100);
      const still = await twoPictures();
      expect(still[0], 'the world view stands still with reduced motion').toBe(still[1]);
      expect(w.csp).toEqual([]);
      expect(w.errors.filter((e) => !/WebGL/i.test(e))).toEqual([]);
    } finally {
      await s.close();
      await srv.close();
    }
  });
});
