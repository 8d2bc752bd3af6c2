/**
 * The calibration against CoreWeave's reported figures (economics.md §8), shared by `npm run
 * calibrate` and the calibration test: plays scenarios/coreweave-2023.json (CoreWeave's recorded
 * decisions to mid-2025, then the leveraged autopilot) over seeds, and the same company without its
 * pinned contracts and recorded decisions (the model's own awards). Each figure is labelled by where
 * it comes from:
 *   input  — the scenario pins it (contracts, recorded draws, lease prices): matching it checks the
 *            bookkeeping, not the market model;
 *   mixed  — inputs set its scale (contract sizes and prices, recorded orders), the model its timing
 *            and the rest (deliveries, ramp, on-demand sales and prices);
 *   output — the model produces it (depreciation, overheads, stock pay, awards won from its own RFPs).
 * Two outputs have targets of their own (issue 9): the Q2 2025 GAAP operating margin within ±6 points
 * of CoreWeave's 1.6%, and the 2024 top-customer share from the model's own awards ≥ 45%.
 *
 * It also lists the recorded decisions the model refused (the engine's `history-refused-*` news:
 * lenders, vendors or markets saying no where CoreWeave's said yes) — when a recorded draw is
 * refused, the orders it paid for fail too and history diverges.
 */
import { runScenario } from './run.ts';
import { summarize } from './stats.ts';
import { loadScenarioObject } from '../scenario/load.ts';
import { weekOf } from '../engine/calendar.ts';
import type { Scenario } from '../scenario/schema/index.ts';
import type { QuarterReport } from '../engine/reports.ts';
import type { World } from '../engine/types.ts';

const find = (qs: QuarterReport[], label: string): QuarterReport | undefined => qs.find((x) => x.label === label);
const yearSum = (qs: QuarterReport[], y: string, f: (x: QuarterReport) => number) => qs.filter((x) => x.label.startsWith(y)).reduce((a, x) => a + f(x), 0);
/** Revenue share of the largest customer over a year (quarterly shares weighted by revenue); NaN without revenue. */
const yearTop = (qs: QuarterReport[], y: string) => {
  const rev = yearSum(qs, y, (x) => x.revenueUsd);
  return rev > 0 ? yearSum(qs, y, (x) => x.topCustomerShare * x.revenueUsd) / rev : NaN;
};

export type Source = 'input' | 'mixed' | 'output';
export interface CalibrationRowSpec {
  figure: string; reported: number; unit: 'usd' | 'pct'; source: Source; why: string;
  /** The figure from one run (NaN when the quarter is missing, e.g. after a bankruptcy). */
  of: (played: QuarterReport[], ownAwards: QuarterReport[]) => number;
  /** A target of its own, when the issue sets one (else ±25% of the reported figure). */
  target?: { text: string; ok: (model: number) => boolean };
}

/** CoreWeave's Q2 2025 GAAP operating margin: operating income $19.2M on revenue $1,212.8M. */
export const Q2_2025_MARGIN = 19.2e6 / 1212.8e6;
/** The band around it, fraction (± 6 points). */
export const Q2_2025_MARGIN_BAND = 0.06;
/** The model's Q2 2025 GAAP operating margin of one run (NaN without the quarter or its revenue). */
export const q2Margin = (qs: QuarterReport[]): number => { const q = find(qs, '2025Q2'); return q && q.revenueUsd > 0 ? q.operatingIncomeUsd / q.revenueUsd : NaN; };

const q2 = (qs: QuarterReport[]) => find(qs, '2025Q2');
export const ROWS: CalibrationRowSpec[] = [
  { figure: '2023 revenue', reported: 228.9e6, unit: 'usd', source: 'mixed', why: 'contract sizes, prices and GPU orders are recorded; deliveries, ramp and on-demand sales are the model', of: (p) => yearSum(p, '2023', (x) => x.revenueUsd) },
  { figure: '2024 revenue', reported: 1.92e9, unit: 'usd', source: 'mixed', why: 'as 2023', of: (p) => yearSum(p, '2024', (x) => x.revenueUsd) },
  { figure: '2024 top customer share', reported: 0.62, unit: 'pct', source: 'input', why: "Microsoft's three contracts are pinned in the scenario", of: (p) => yearTop(p, '2024') },
  {
    figure: '2024 top customer, own awards', reported: 0.62, unit: 'pct', source: 'output', why: 'no pinned contracts, no recorded decisions: the leveraged autopilot wins its customers in the RFP market',
    of: (_p, o) => yearTop(o, '2024'), target: { text: '≥ 45%', ok: (m) => m >= 0.45 },
  },
  { figure: 'Debt principal, end 2024', reported: 8.03e9, unit: 'usd', source: 'input', why: 'the DDTL draws are recorded commands', of: (p) => find(p, '2024Q4')?.debtUsd ?? NaN },
  { figure: 'Q2 2025 revenue', reported: 1212.8e6, unit: 'usd', source: 'mixed', why: 'as 2023', of: (p) => q2(p)?.revenueUsd ?? NaN },
  { figure: 'Q2 2025 gross margin', reported: 0.74, unit: 'pct', source: 'input', why: "the scenario's colocation price was set from CoreWeave's cost of revenue", of: (p) => { const q = q2(p); return q && q.revenueUsd > 0 ? q.grossProfitUsd / q.revenueUsd : NaN; } },
  {
    figure: 'Q2 2025 GAAP operating margin', reported: Q2_2025_MARGIN, unit: 'pct', source: 'output', why: 'depreciation, stock pay and overheads are the model',
    of: (p) => q2Margin(p),
    target: { text: '1.6% ± 6 pts', ok: (m) => Math.abs(m - Q2_2025_MARGIN) <= Q2_2025_MARGIN_BAND },
  },
  { figure: 'Q2 2025 operating income', reported: 19.2e6, unit: 'usd', source: 'output', why: 'as the margin', of: (p) => q2(p)?.operatingIncomeUsd ?? NaN },
  { figure: 'Q2 2025 interest expense', reported: 267.0e6, unit: 'usd', source: 'input', why: 'debt amounts are recorded; rates are scenario spreads over the base-rate path', of: (p) => q2(p)?.interestExpenseUsd ?? NaN },
  { figure: 'Q2 2025 net loss', reported: -290.5e6, unit: 'usd', source: 'output', why: 'operating income less recorded debt costs', of: (p) => q2(p)?.netIncomeUsd ?? NaN },
  { figure: 'Q2 2025 adjusted EBITDA', reported: 753.2e6, unit: 'usd', source: 'mixed', why: 'revenue (mixed) less modelled cash costs', of: (p) => q2(p)?.adjustedEbitdaUsd ?? NaN },
  { figure: 'Backlog, 30 Jun 2025', reported: 30.1e9, unit: 'usd', source: 'input', why: 'the pinned contracts', of: (p) => q2(p)?.backlogUsd ?? NaN },
  { figure: 'Debt principal, 30 Jun 2025', reported: 11.17e9, unit: 'usd', source: 'input', why: 'recorded draws, notes and GPU loans', of: (p) => q2(p)?.debtUsd ?? NaN },
];

/** The same opening company with no pinned contracts, commitments or recorded decisions: awards are the model's own. */
export function ownAwardsScenario(json: unknown): Scenario {
  const j = structuredClone(json) as { id: string; company: { contracts?: unknown[]; committedFacilities?: unknown[] }; lesson: Record<string, unknown> };
  j.id = `${j.id}-own-awards`;
  j.company.contracts = [];
  j.company.committedFacilities = [];
  j.lesson.historicalCommands = [];
  delete j.lesson.historyUntilDate;
  const r = loadScenarioObject(j);
  if (!r.ok) throw new Error(`cannot build the no-pinned-contracts variant: ${r.errors[0]?.message ?? 'invalid'}`);
  return r.scenario;
}

/**
 * CoreWeave's contracted book beyond its named deals (Inflection, three Microsoft tranches, OpenAI,
 * Meta), pinned in `scenarios/coreweave-2023.json` from the public record (economics.md §4, §5, §8).
 * Sizes are derived from reported figures, not chosen for the margin; dates, prices and terms are
 * estimates [E]:
 * - NVIDIA: committed $1.3B over 4 years to rent back GPUs (economics.md §4): 16,500 H100 × $2.25 ×
 *   168 h × 208 weeks = $1.30B; signed with NVIDIA's 2023 investment (May 2023, the Series B extension)
 *   [E], delivery from Apr 2024 [E], the scenario's Microsoft H100 rate [E]; investment grade.
 * - Other contract customers (one aggregate): Q2 2025 revenue $1,212.8M, ≈71% from one customer and
 *   96–98% from take-or-pay contracts (economics.md §5, §8) → ≈(97% − 71%) × $1,212.8M ≈ $315M a
 *   quarter of contracted revenue from others, less the pinned Inflection ($50M a quarter) and NVIDIA
 *   ($81M) ≈ $184M ≈ 38,300 H100 × $2.20 × 2,184 h; 4 years from Jul 2024, signed with the recorded
 *   Mar 2024 H100 order [E]; non-investment grade [E]. Check against a figure not used to size it:
 *   the backlog at 30 Jun 2025 is $28.6B (reported $30.1B; $25.5B without them).
 */
export const BOOK_CUSTOMERS = ['NVIDIA', 'Other contract customers'] as const;

/**
 * Lenders that lend every recorded draw (an ablation, not a calibration): no interest-cover or
 * leverage test, facilities advance the whole deliverable backlog whatever the credit cycle — for
 * every company in the world. An upper bound for what lender terms alone can do.
 */
export const EVERY_DRAW_LENT = { minInterestCover: 0, maxDebtToEbitda: 50, facilityAdvanceRate: 1, lenderAppetiteFloorShare: 1 } as const;

/**
 * The calibration's variants: as bundled; `uncommitted` — the committed facilities (DDTL 1.0, the 2024
 * term loan, DDTL 2.0) removed, so the model's lenders underwrite every recorded draw afresh (the
 * mechanism's ablation); `no-book` — the contracted book beyond the named deals (`BOOK_CUSTOMERS`)
 * removed; `lent` — every recorded draw lent (`EVERY_DRAW_LENT`), commitments and all.
 */
export const CALIBRATION_VARIANTS = ['bundled', 'uncommitted', 'no-book', 'lent'] as const;
export type CalibrationVariant = (typeof CALIBRATION_VARIANTS)[number];

/** The scenario JSON of a variant (a copy; `bundled` is the scenario unchanged). */
export function calibrationVariantJson(json: unknown, variant: CalibrationVariant): Record<string, unknown> {
  const j = structuredClone(json) as { id: string; company: { contracts?: { customerName: string }[]; committedFacilities?: unknown[] }; finance?: object };
  if (variant === 'bundled') return j as unknown as Record<string, unknown>;
  j.id = `${j.id}-${variant}`;
  if (variant === 'uncommitted') j.company.committedFacilities = [];
  if (variant === 'no-book') j.company.contracts = (j.company.contracts ?? []).filter((c) => !(BOOK_CUSTOMERS as readonly string[]).includes(c.customerName));
  if (variant === 'lent') j.finance = { ...j.finance, ...EVERY_DRAW_LENT };
  return j as unknown as Record<string, unknown>;
}

/** A recorded decision the model refused in one run. */
export interface RefusedDecision { date: string; type: string; reasonId: string; reasonParams: Record<string, string | number> }

/** The recorded decisions the engine refused in a played world (its `history-refused-*` news), in week order. */
export function refusedDecisions(scenario: Scenario, world: World): RefusedDecision[] {
  const start = scenario.calendar.startDate;
  const out: RefusedDecision[] = [];
  for (const n of world.news) {
    if (!n.id.startsWith('history-refused-') || !('id' in n.explanation)) continue;
    const h = scenario.lesson.historicalCommands.find((x) => n.id === `history-refused-${weekOf(start, x.date)}-${x.command.type}`);
    out.push({ date: h?.date ?? `week ${n.week}`, type: h?.command.type ?? n.id, reasonId: n.explanation.id, reasonParams: n.explanation.params });
  }
  return out;
}

/** One played run of the calibration: its quarters and the recorded decisions it refused. */
export interface PlayedRun { seed: number; status: World['status']; quarters: QuarterReport[]; refused: RefusedDecision[] }

/** Play the scenario as recorded (leveraged autopilot after the history) for each seed, to `weeks` (default: its length). */
export function playCalibration(scenario: Scenario, seeds: readonly number[], weeks?: number): PlayedRun[] {
  return seeds.map((seed) => {
    const { result, world } = runScenario(scenario, { seed, strategy: 'leveraged', weeks });
    return { seed, status: result.outcome.status, quarters: result.quarters, refused: refusedDecisions(scenario, world) };
  });
}

export interface CalibrationRow {
  figure: string; source: Source; why: string; unit: 'usd' | 'pct'; reported: number;
  model: number; p10: number; p90: number; nonFinite: number; deviation: number; target: string; ok: boolean;
}

/** Medians over runs beside the reported figures (non-finite values counted, never dropped: such a row is not met). */
export function calibrationRows(played: readonly PlayedRun[], owned: readonly { quarters: QuarterReport[] }[]): CalibrationRow[] {
  return ROWS.map((r) => {
    const values = played.map((p, i) => r.of(p.quarters, owned[i]?.quarters ?? []));
    const s = summarize(values);
    const model = s.p50;
    const deviation = r.unit === 'pct' ? model - r.reported : r.reported !== 0 ? model / r.reported - 1 : NaN;
    const ok = s.nonFinite === 0 && (r.target ? r.target.ok(model) : Math.abs(model / r.reported - 1) <= 0.25);
    return { figure: r.figure, source: r.source, why: r.why, unit: r.unit, reported: r.reported, model, p10: s.p10, p90: s.p90, nonFinite: s.nonFinite, deviation, target: r.target?.text ?? '±25%', ok };
  });
}

/** Each refused recorded decision over runs: in how many runs, and the refusal reasons' ids with their counts. */
export function refusalSummary(played: readonly PlayedRun[]): { date: string; type: string; runs: number; reasons: Record<string, number> }[] {
  const by = new Map<string, { date: string; type: string; runs: number; reasons: Record<string, number> }>();
  for (const p of played) {
    for (const d of p.refused) {
      const k = `${d.date} ${d.type}`;
      const e = by.get(k) ?? { date: d.date, type: d.type, runs: 0, reasons: {} };
      e.runs++;
      e.reasons[d.reasonId] = (e.reasons[d.reasonId] ?? 0) + 1;
      by.set(k, e);
    }
  }
  return [...by.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.type < b.type ? -1 : 1));
}
