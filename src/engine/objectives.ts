/**
 * The scenario's objectives and the score, evaluated for the player's company.
 */
import type { World } from './types.ts';
import { weekOf } from './calendar.ts';
import { cashUsd, equityValueUsd, leverage } from './metrics.ts';
import { totalEquityCents } from './ledger.ts';
import { toUsd } from './money.ts';

export interface ObjectiveResult { label: { en: string; 'zh-CN'?: string | undefined }; met: boolean; detail: string }

/**
 * The scenario's objectives, then one rule every scenario shares: nobody wins insolvent — the run is
 * lost if the player's book equity (assets − liabilities) is negative at the end, whatever else it met.
 */
export function evaluateObjectives(world: World): ObjectiveResult[] {
  return [...scenarioObjectives(world), solventBooks(world)];
}

function solventBooks(world: World): ObjectiveResult {
  const p = world.companies[0]!;
  const equity = toUsd(totalEquityCents(p.ledger.balances));
  return {
    label: { en: 'End with positive book equity (assets above liabilities)', 'zh-CN': '结束时账面权益为正（资产大于负债）' },
    met: p.status === 'active' && equity >= 0,
    detail: equity >= 0 ? `book equity $${(equity / 1e6).toFixed(0)}M` : `insolvent: liabilities exceed assets by $${(-equity / 1e6).toFixed(0)}M`,
  };
}

function scenarioObjectives(world: World): ObjectiveResult[] {
  const p = world.companies[0]!;
  const start = world.scenario.calendar.startDate;
  return world.scenario.lesson.objectives.map((o) => {
    switch (o.type) {
      case 'survive':
        return { label: o.label, met: p.status === 'active', detail: p.status === 'active' ? 'still solvent' : (p.bankruptReason ?? 'bankrupt') };
      case 'annualRevenue': {
        const by = weekOf(start, o.byDate);
        const hit = p.quarters.find((q, i) => (i + 1) * 13 - 1 <= by && q.revenueUsd * 4 >= o.minUsd);
        const best = Math.max(0, ...p.quarters.map((q) => q.revenueUsd * 4));
        return { label: o.label, met: hit !== undefined, detail: hit ? `reached in ${hit.label}` : `best annualised revenue $${(best / 1e6).toFixed(0)}M` };
      }
      case 'ipo': {
        const by = weekOf(start, o.byDate);
        const met = p.ipoWeek !== null && p.ipoWeek <= by;
        return { label: o.label, met, detail: p.ipoWeek !== null ? `listed in week ${p.ipoWeek}` : 'not listed' };
      }
      case 'maxDebtToEbitda': {
        const l = leverage(world, p);
        return { label: o.label, met: p.status === 'active' && l <= o.max, detail: Number.isFinite(l) ? `${l.toFixed(1)}× at the end` : 'debt with no EBITDA' };
      }
      case 'minCash':
        return { label: o.label, met: p.status === 'active' && cashUsd(p) >= o.minUsd, detail: `$${(cashUsd(p) / 1e6).toFixed(0)}M cash` };
      case 'equityValue': {
        const v = p.status === 'active' ? equityValueUsd(p) : 0;
        return { label: o.label, met: v >= o.minUsd, detail: `$${(v / 1e9).toFixed(2)}B equity value` };
      }
    }
  });
}

/** Score: equity value per share at the end (0 when bankrupt), USD. */
export function score(world: World): number {
  const p = world.companies[0]!;
  if (p.status !== 'active') return 0;
  return Math.round((equityValueUsd(p) / Math.max(1, p.sharesOutstanding)) * 100) / 100;
}
