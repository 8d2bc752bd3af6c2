/**
 * A lesson's recorded history hands the company over with a major news item (the game auto-pauses on
 * it) the week the recorded decisions end: to the player, or to the autopilot the player picked. The
 * real player of coreweave-2023 in the browser has no autopilot, and without this news the history
 * stopped silently and an idle company ran into its lenders a year later.
 */
import { describe, expect, it } from 'vitest';
import { createWorld, step, isOver } from '../../src/engine/api.ts';
import { loadBundledScenario } from '../../src/scenario/load.ts';
import { paymentSchedule } from '../../src/engine/advisor.ts';
import { engineText } from '../../src/i18n/messages.ts';
import type { World } from '../../src/engine/types.ts';

const scenario = (id: string) => {
  const r = loadBundledScenario(id);
  if (!r.ok) throw new Error(`${id} invalid`);
  return r.scenario;
};

/** Steps to `week` and returns the news items of the handover (any week). */
function handovers(w: World, toWeek: number) {
  while (!isOver(w) && w.week < toWeek) step(w);
  return w.news.filter((n) => n.id.startsWith('history-ends-'));
}

describe('the recorded history hands over', () => {
  const cw = scenario('coreweave-2023');

  it('to the player: one major news item, in the week after the last recorded one, saying the decisions are now theirs', () => {
    const w = createWorld(cw, { seed: 1 });
    expect(w.historyUntilWeek).toBeGreaterThan(100);
    expect(handovers(w, w.historyUntilWeek)).toEqual([]);
    const hs = handovers(w, w.historyUntilWeek + 30);
    expect(hs).toHaveLength(1);
    expect(hs[0]).toMatchObject({ week: w.historyUntilWeek, major: true, headline: { id: 'news.historyEnds.h' } });
    expect(engineText(hs[0]!.explanation as { id: string; params: Record<string, string> }, 'zh-CN')).toMatch(/从现在起不再替你做任何决定/);
  });

  it('names what the player takes over: the cash and what falls due in the next quarter (the payment schedule\'s total)', () => {
    const w = createWorld(cw, { seed: 1 });
    while (w.week < w.historyUntilWeek) step(w);
    const due = paymentSchedule(w, w.companies[0]!, 13).reduce((a, p) => a + p.usd, 0);
    const cash = w.companies[0]!.ledger.balances.cash / 100;
    step(w);
    const e = w.news.find((n) => n.id.startsWith('history-ends-'))!.explanation as { id: string; params: Record<string, number> };
    expect(e.params.dueUsd).toBeGreaterThan(0);
    expect(e.params.dueUsd).toBeCloseTo(due, 0);
    expect(e.params.cashUsd).toBeCloseTo(cash, 2);
    expect(engineText(e as never, 'en')).toMatch(/You take over \$[\d.,]+[KMB]? of cash, and \$[\d.,]+[KMB]? falls due in the next 13 weeks/);
    expect(engineText(e as never, 'zh-CN')).toMatch(/未来 13 周内到期的付款为/);
  });

  it('to the autopilot the player picked, named in the player\'s language', () => {
    const w = createWorld(cw, { seed: 1, strategy: 'leveraged' });
    const hs = handovers(w, w.historyUntilWeek + 1);
    expect(hs).toHaveLength(1);
    expect(hs[0]!.headline).toMatchObject({ id: 'news.historyEnds.autopilot.h' });
    const e = hs[0]!.explanation as { id: string; params: Record<string, string> };
    expect(engineText(e, 'en')).toMatch(/the leveraged growth autopilot you picked decides/);
    expect(engineText(e, 'zh-CN')).toMatch(/你选择的杠杆扩张自动驾驶/);
  });

  it('a scenario without recorded history says nothing of it', () => {
    const w = createWorld(scenario('default'), { seed: 1 });
    expect(handovers(w, 60)).toEqual([]);
  });

  it('a scenario contract\'s customer reads in Chinese when the scenario names it (customerNameZh), and in English as written', () => {
    const w = createWorld(cw, { seed: 1 });
    while (w.week < 70) step(w);
    const n = w.news.find((x) => x.id.startsWith('signed-') && (x.headline as { params: Record<string, string> }).params.customer === 'Other contract customers');
    expect(n).toBeDefined();
    const h = n!.headline as { id: string; params: Record<string, string> };
    expect(engineText(h, 'en')).toMatch(/^Other contract customers signs a 208-week contract/);
    expect(engineText(h, 'zh-CN')).toMatch(/^其他合同客户 签署了 208 周/);
    // A proper name has no Chinese form and stays as written.
    const ms = w.news.find((x) => x.id.startsWith('signed-') && (x.headline as { params: Record<string, string> }).params.customer === 'Microsoft');
    expect(ms).toBeDefined();
    expect(engineText(ms!.headline as { id: string; params: Record<string, string> }, 'zh-CN')).toMatch(/^Microsoft 签署了/);
  });
});
