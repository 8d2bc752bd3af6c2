/**
 * The class debrief's figures (src/ui/class/debriefData.ts) from rows made by replaying real runs
 * (never invented series): only verified rows are shown; series land on the right quarter; the
 * histogram counts every score once and never drops a non-finite one silently; the heat map counts
 * each student once per kind and quarter.
 */
import { describe, expect, it } from 'vitest';
import type { LoggedCommand } from '../../src/engine/api.ts';
import { runLog } from '../../src/store/sim.ts';
import { shownRows, onAxis, scoreBins, decisionHeat, displayNames, quarterOfClose, kindOf, KIND_ORDER, DECISION_KINDS, type DebriefRow } from '../../src/ui/class/debriefData.ts';
import { COMMAND_TYPES } from '../../src/scenario/schema/commands.ts';
import { smallScenario } from '../engine/helpers.ts';

const scenario = smallScenario();
const WEEKS = 40;

/** A verifier-shaped row from a real replay (the same fields verify.ts fills). */
function rowOf(student: string, log: LoggedCommand[], status = 'verified'): DebriefRow {
  const r = runLog({ scenario, seed: 3, log, toWeek: WEEKS });
  return {
    file: `${student}.ncrun.json`, status, student, score: r.score, outcome: r.status,
    series: r.quarters.map((q, i) => ({ week: (i + 1) * 13, equityValueUsd: q.equityValueUsd, cashUsd: q.cashUsd, debtUsd: q.debtUsd, utilisation: q.utilization })),
    decisions: r.played.filter((p) => p.ok).map((p) => ({ week: p.week, type: p.command.type })),
  };
}

const orderEarly: LoggedCommand[] = [{ week: 0, command: { type: 'orderGpus', modelId: 'h100', count: 200 } }, { week: 2, command: { type: 'orderGpus', modelId: 'h100', count: 100 } }];
const raiseLate: LoggedCommand[] = [{ week: 20, command: { type: 'raiseEquity', amountUsd: 50e6 } }, { week: 27, command: { type: 'leaseColo', regionId: 'us-texas', powerMw: 2 } }];

describe('class debrief figures', () => {
  const rows = [rowOf('Wang Fang', orderEarly), rowOf('Ada', raiseLate), rowOf('Bob', [], 'mismatch')];

  it('shows verified rows only, sorted by student', () => {
    expect(shownRows(rows).map((r) => r.student)).toEqual(['Ada', 'Wang Fang']);
  });

  it('puts each quarter close on its quarter, and leaves quarters a run did not reach empty', () => {
    const wang = rows[0]!;
    const eq = onAxis(wang.series, 'equityValueUsd', 5);
    expect(eq.slice(0, 3)).toEqual(wang.series!.map((p) => p.equityValueUsd));
    expect(eq.slice(3)).toEqual([null, null]);
    expect(quarterOfClose(13)).toBe(0);
    expect(quarterOfClose(389)).toBe(29); // a game ending mid-quarter closes that quarter early
  });

  it('histogram: every score in exactly one bin; non-finite ones counted, not dropped', () => {
    const scores = [...rows.map((r) => r.score!), 1, 2.5, Number.NaN];
    const { bins, notFinite } = scoreBins(scores, 4);
    expect(bins.reduce((a, b) => a + b.count, 0)).toBe(scores.length - 1);
    expect(notFinite).toBe(1);
    expect(bins[0]!.from).toBe(Math.min(...scores.filter(Number.isFinite)));
    expect(bins[3]!.to).toBe(Math.max(...scores.filter(Number.isFinite)));
    expect(scoreBins([2, 2, 2], 10).bins).toEqual([{ from: 2, to: 2, count: 3 }]);
  });

  it('heat map: who ordered GPUs in the first quarter, who raised equity later, each counted once per cell', () => {
    const shown = shownRows(rows);
    const heat = decisionHeat(shown, 4);
    const wang = shown.findIndex((r) => r.student === 'Wang Fang');
    const ada = shown.findIndex((r) => r.student === 'Ada');
    expect(heat.orderGpus[0]).toEqual([wang]); // two orders in Q1, one student
    expect(heat.raiseEquity[1]).toEqual([ada]);
    expect(heat.power[2]).toEqual([ada]);
    expect(heat.raiseEquity[0]).toEqual([]);
    expect(displayNames(shown, true, (n) => `Student ${n}`)).toEqual(['Student 1', 'Student 2']);
    expect(displayNames(shown, false, (n) => `Student ${n}`)).toEqual(['Ada', 'Wang Fang']);
  });

  it('every command type belongs to exactly one kind of decision', () => {
    for (const t of COMMAND_TYPES) expect(kindOf(t), t).not.toBeNull();
    const all = KIND_ORDER.flatMap((k) => [...DECISION_KINDS[k]]);
    expect(all.length).toBe(new Set(all).size);
  });
});
