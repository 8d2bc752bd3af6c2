/**
 * The scenario's objectives and the score, evaluated for the player's company.
 */
import type { World } from './types.ts';
import { weekOf } from './calendar.ts';
import { cashUsd, equityValueUsd, leverage } from './metrics.ts';
import { totalEquityCents } from './ledger.ts';
import { toUsd } from './money.ts';
import { msgOf, type Msg } from './msg.ts';
import { SOLVENT_BOOKS_LABEL } from './sharedObjectives.ts';

/** `detail`: how far the objective got, as a message id with parameters (src/i18n/messages.ts `obj.*`). */
export interface ObjectiveResult { label: { en: string; 'zh-CN'?: string | undefined }; met: boolean; detail: Msg }

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
    label: SOLVENT_BOOKS_LABEL,
    met: p.status === 'active' && equity >= 0,
    detail: equity >= 0 ? msgOf('obj.bookEquity', { usd: equity }) : msgOf('obj.insolvent', { usd: -equity }),
  };
}

function scenarioObjectives(world: World): ObjectiveResult[] {
  const p = world.companies[0]!;
  const start = world.scenario.calendar.startDate;
  return world.scenario.lesson.objectives.map((o) => {
    switch (o.type) {
      case 'survive':
        // A restructuring hands the company to its creditors: rating agencies count that distressed exchange as a default.
        if (p.status === 'active' && p.restructured) return { label: o.label, met: false, detail: msgOf('obj.restructured') };
        return { label: o.label, met: p.status === 'active', detail: p.status === 'active' ? msgOf('obj.solvent') : msgOf('obj.bankrupt') };
      case 'annualRevenue': {
        const by = weekOf(start, o.byDate);
        const hit = p.quarters.find((q, i) => (i + 1) * 13 - 1 <= by && q.revenueUsd * 4 >= o.minUsd);
        const best = Math.max(0, ...p.quarters.map((q) => q.revenueUsd * 4));
        return { label: o.label, met: hit !== undefined, detail: hit ? msgOf('obj.reachedIn', { quarter: hit.label }) : msgOf('obj.bestRevenue', { usd: best }) };
      }
      case 'ipo': {
        const by = weekOf(start, o.byDate);
        const met = p.ipoWeek !== null && p.ipoWeek <= by;
        return { label: o.label, met, detail: p.ipoWeek !== null ? msgOf('obj.listedIn', { week: p.ipoWeek }) : msgOf('obj.notListed') };
      }
      case 'maxDebtToEbitda': {
        const l = leverage(world, p);
        return { label: o.label, met: p.status === 'active' && l <= o.max, detail: Number.isFinite(l) ? msgOf('obj.leverageEnd', { turns: l }) : msgOf('obj.noEbitda') };
      }
      case 'minCash':
        return { label: o.label, met: p.status === 'active' && cashUsd(p) >= o.minUsd, detail: msgOf('obj.cash', { usd: cashUsd(p) }) };
      case 'equityValue': {
        const v = p.status === 'active' ? equityValueUsd(p) : 0;
        return { label: o.label, met: v >= o.minUsd, detail: msgOf('obj.equityValue', { usd: v }) };
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
