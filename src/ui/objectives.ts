/** Scoring a finished (or running) game against the scenario's objectives, from the quarters. */
import type { Scenario, Objective } from '../scenario/schema/index.ts';
import type { QuarterReport } from '../engine/reports.ts';
import { weekOf } from '../engine/calendar.ts';

export interface ObjectiveResult { objective: Objective; met: boolean; detail: string }

const money = (n: number) => (Math.abs(n) >= 1e9 ? `$${(n / 1e9).toFixed(2)}B` : `$${(n / 1e6).toFixed(1)}M`);

export function evaluateObjectives(sc: Scenario, qs: QuarterReport[], end: { bankrupt: boolean; ipoWeek: number | null; cashUsd: number; equityValueUsd: number }): ObjectiveResult[] {
  const last = qs[qs.length - 1];
  return sc.lesson.objectives.map((o): ObjectiveResult => {
    switch (o.type) {
      case 'survive':
        return { objective: o, met: !end.bankrupt, detail: end.bankrupt ? 'went bankrupt' : 'still standing' };
      case 'annualRevenue': {
        const by = weekOf(sc.calendar.startDate, o.byDate);
        // Quarter i closes at the end of week 13(i+1) − 1.
        const best = qs.filter((_, i) => (i + 1) * 13 - 1 <= by).reduce((a, q) => Math.max(a, q.revenueUsd * 4), 0);
        return { objective: o, met: best >= o.minUsd, detail: `best annualised ${money(best)} by ${o.byDate} (target ${money(o.minUsd)})` };
      }
      case 'ipo': {
        const by = weekOf(sc.calendar.startDate, o.byDate);
        const met = end.ipoWeek !== null && end.ipoWeek <= by;
        return { objective: o, met, detail: end.ipoWeek === null ? 'never listed' : `listed in week ${end.ipoWeek}` };
      }
      case 'maxDebtToEbitda': {
        const e = last ? last.adjustedEbitdaUsd * 4 : 0;
        const lev = last && e > 0 ? last.debtUsd / e : last && last.debtUsd === 0 ? 0 : Infinity;
        return { objective: o, met: lev <= o.max, detail: `debt / EBITDA ${Number.isFinite(lev) ? lev.toFixed(2) + '×' : 'n/m (EBITDA ≤ 0)'} (max ${o.max}×)` };
      }
      case 'minCash':
        return { objective: o, met: end.cashUsd >= o.minUsd, detail: `cash ${money(end.cashUsd)} (min ${money(o.minUsd)})` };
      case 'equityValue':
        return { objective: o, met: end.equityValueUsd >= o.minUsd, detail: `equity value ${money(end.equityValueUsd)} (min ${money(o.minUsd)})` };
    }
  });
}

/** Default score: equity value per share at the end (0 when bankrupt). */
export function score(qs: QuarterReport[], bankrupt: boolean): number {
  const last = qs[qs.length - 1];
  if (!last || bankrupt) return 0;
  return last.sharesOutstanding > 0 ? last.equityValueUsd / last.sharesOutstanding : 0;
}
