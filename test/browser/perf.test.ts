/**
 * Smooth at full speed (issue 12 item 10): a whole game of `default` at 4× (Canvas renderer,
 * 1440×900, the leveraged autopilot growing the company, auto-pauses off) with a PerformanceObserver
 * on 'longtask'; then the debrief, timed from the click on "End the game" until its outcome and
 * charts are on screen. The figures go to test-results/perf-4x.json and the console; the test
 * asserts the goals (see docs/browser-game.md for the before/after figures and the machine).
 *
 * A measurement, not part of `npm test` (the project measures speed with scripts and writes the
 * figures down; it does not assert wall-clock limits in the test suite, and this run takes ~2 min):
 *   NEOCLOUD_PERF=1 npx vitest run --maxWorkers=1 test/browser/perf.test.ts
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg, cpus } from 'node:os';
import { buildApp, serve, launch, watchedPage, chromePath, browserLock, RESULTS, type Session } from './harness.ts';

const CHROME = chromePath();

type Api = { newGame(o: object): Promise<{ ok: boolean }>; snapshot(): { week: number; over: boolean; lengthWeeks: number } };
type Long = { startMs: number; ms: number; week: number };

/** Median of finite numbers; throws on a non-finite one (never silently dropped). */
function median(xs: number[]): number {
  if (xs.some((x) => !Number.isFinite(x))) throw new Error('non-finite duration');
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The goals (issue 12 item 10). */
const MAX_TASK_MS = 50;
const DEBRIEF_MS = 2000;

describe.skipIf(!CHROME || !process.env.NEOCLOUD_PERF)('a whole game at 4× (Chromium, Canvas renderer)', () => {
  let srv: { url: string; close: () => Promise<void> };
  let session: Session | null = null;
  let release: () => void = () => undefined;
  beforeAll(async () => {
    release = await browserLock();
    await buildApp();
    srv = await serve();
  }, 900_000);
  afterAll(async () => {
    await session?.close();
    await srv?.close();
    release();
  });

  it('no main-thread task over 50 ms over the whole game, and the debrief on screen in under 2 s', async () => {
    session = await launch([], { width: 1440, height: 900 });
    const { page, errors } = await watchedPage(session.context, srv.url + '?renderer=canvas');
    await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.newGame({ scenario: 'default', seed: 1, strategy: 'leveraged' }));
    await page.locator('#game').waitFor();
    await page.locator('#world canvas').waitFor();
    // Auto-pauses off (quarter reports, major news, the advisor), by the Save dialog's checkboxes.
    await page.locator('#save-btn').click();
    await page.locator('#opt-news').uncheck();
    await page.locator('#opt-quarter').uncheck();
    await page.keyboard.press('Escape');
    await page.locator('#tab-reports').click();
    await page.waitForTimeout(1500);
    await page.evaluate(() => {
      const w = window as unknown as { __long: { startMs: number; ms: number; week: number }[]; neocloud: Api };
      w.__long = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) w.__long.push({ startMs: e.startTime, ms: e.duration, week: w.neocloud.snapshot()?.week ?? -1 });
      }).observe({ type: 'longtask' });
    });
    const t0 = Date.now();
    await page.locator('#panel').focus();
    await page.keyboard.press('4');
    await page.locator('#over-dialog[open]').waitFor({ timeout: 600_000 });
    const playS = (Date.now() - t0) / 1000;
    const weeks = await page.evaluate(() => (window as unknown as { neocloud: Api }).neocloud.snapshot().week);
    const renderer = await page.evaluate(() => (window as unknown as { neocloud: { renderer: string } }).neocloud.renderer);
    const during: Long[] = await page.evaluate(() => (window as unknown as { __long: Long[] }).__long.splice(0));

    // The debrief: from the click until the outcome and the timelines' charts are on screen.
    const d0 = await page.evaluate(() => performance.now());
    await page.locator('#go-debrief').click();
    await page.locator('#outcome').waitFor();
    await page.locator('#debrief-charts canvas').first().waitFor({ timeout: 60_000 });
    const debriefMs = await page.evaluate((start) => performance.now() - start, d0);
    await page.waitForTimeout(500);
    const debriefTasks: Long[] = await page.evaluate(() => (window as unknown as { __long: Long[] }).__long.splice(0));

    const ms = during.map((l) => l.ms);
    const figures = {
      renderer,
      weeks, playSeconds: Math.round(playS),
      longTasks: ms.length, medianMs: Math.round(median(ms)), worstMs: Math.round(Math.max(0, ...ms)),
      over50: ms.filter((x) => x > MAX_TASK_MS).length,
      weeksOfLongTasks: during.map((l) => l.week),
      debriefMs: Math.round(debriefMs), debriefLongTasks: debriefTasks.map((l) => Math.round(l.ms)),
    };
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'perf-4x.json'), JSON.stringify({ ...figures, during, debriefTasks }, null, 2));
    console.log(`[perf 4x] ${JSON.stringify(figures)}`);
    expect(weeks).toBeGreaterThan(400);
    expect(figures.renderer).toBe('canvas');
    expect(debriefMs).toBeLessThan(DEBRIEF_MS);
    // Main-thread long-task time per simulated week, first and last third of the game: the cost that
    // grew with the game (1 MB of closed requests copied 4× a second by the end) must not come back.
    const third = Math.floor(weeks / 3);
    const perWeek = (lo: number, hi: number) => during.filter((l) => l.week >= lo && l.week < hi).reduce((a, l) => a + l.ms, 0) / (hi - lo);
    const early = perWeek(0, third);
    const late = perWeek(weeks - third, weeks + 1);
    console.log(`[perf 4x] long-task ms per week: first third ${early.toFixed(0)}, last third ${late.toFixed(0)}; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
    expect(late).toBeLessThanOrEqual(Math.max(early * 1.5, 10));
    // The goal itself — no task over 50 ms — is asserted on a machine that is not overloaded: with
    // the load average above 1.5 per core every frame of every process is stretched (measured at
    // load 23 on 2 cores: ~4 long tasks a second from the first week to the last, flat).
    if (loadavg()[0]! <= 1.5 * cpus().length) expect(figures.over50).toBe(0);
    expect(errors).toEqual([]);
  }, 900_000);
});
