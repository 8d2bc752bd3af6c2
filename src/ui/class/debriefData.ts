/**
 * The class debrief's figures from the verifier's rows (no DOM, tested in Node): who is shown (only
 * verified rows), anonymous names, quarter series on one axis, the score histogram, and the heat map
 * of decisions by quarter. Rows are the `VerifyRow`s class-core's verifier returns (src/class/CONTEXT.md);
 * only the fields read here are named, so the results page's rows fit as they are.
 */
import { WEEKS_PER_QUARTER } from '../../engine/money.ts';
import type { CommandType } from '../../engine/commands/types.ts';

export interface QuarterPoint { week: number; equityValueUsd: number; cashUsd: number; debtUsd: number; utilisation: number }

/** What the class debrief reads of a verifier row. */
export interface DebriefRow {
  file: string;
  status: string;
  student?: string | undefined;
  score?: number | undefined;
  outcome?: string | undefined;
  objectivesMet?: number | undefined;
  objectivesTotal?: number | undefined;
  series?: QuarterPoint[] | undefined;
  decisions?: { week: number; type: string }[] | undefined;
}

/** Only verified runs reach the projector: a row that did not replay to its claim is never charted. */
export function shownRows<R extends DebriefRow>(rows: readonly R[]): R[] {
  return rows.filter((r) => r.status === 'verified').sort((a, b) => (a.student ?? a.file).localeCompare(b.student ?? b.file) || a.file.localeCompare(b.file));
}

/** Index of the quarter a quarter-close week ends (week 13 → 0); a game ending mid-quarter closes it early. */
export function quarterOfClose(week: number): number {
  return Math.max(0, Math.ceil(week / WEEKS_PER_QUARTER) - 1);
}

/** Index of the quarter a week falls in (weeks 0–12 → 0). */
export function quarterOfWeek(week: number): number {
  return Math.max(0, Math.floor(week / WEEKS_PER_QUARTER));
}

export type SeriesKey = 'equityValueUsd' | 'cashUsd' | 'debtUsd' | 'utilisation';

/** A row's series on the class's quarter axis (null where it has no quarter: after a bankruptcy, or handed in early). */
export function onAxis(series: readonly QuarterPoint[] | undefined, key: SeriesKey, quarters: number): (number | null)[] {
  const out: (number | null)[] = new Array<number | null>(quarters).fill(null);
  for (const p of series ?? []) {
    const q = quarterOfClose(p.week);
    if (q < quarters && Number.isFinite(p[key])) out[q] = p[key];
  }
  return out;
}

export interface Bin { from: number; to: number; count: number }

/**
 * Scores in `n` equal bins from the lowest to the highest (one bin when all are equal). Non-finite
 * scores are not binned: they are counted in `notFinite`, never silently dropped.
 */
export function scoreBins(scores: readonly number[], n: number): { bins: Bin[]; notFinite: number } {
  const ok = scores.filter((s) => Number.isFinite(s));
  const notFinite = scores.length - ok.length;
  if (ok.length === 0) return { bins: [], notFinite };
  const lo = Math.min(...ok);
  const hi = Math.max(...ok);
  if (hi === lo) return { bins: [{ from: lo, to: hi, count: ok.length }], notFinite };
  const width = (hi - lo) / n;
  const bins: Bin[] = Array.from({ length: n }, (_, i) => ({ from: lo + i * width, to: i === n - 1 ? hi : lo + (i + 1) * width, count: 0 }));
  for (const s of ok) bins[Math.min(n - 1, Math.floor((s - lo) / width))]!.count++;
  return { bins, notFinite };
}

/** Kinds of decision the heat map shows, each a set of command types. */
export const DECISION_KINDS = {
  raiseEquity: ['raiseEquity', 'ipo', 'followOn', 'issueConvertible'],
  borrow: ['takeGpuLoan', 'arrangeFacility', 'drawFacility', 'issueBond', 'drawRevolver'],
  repay: ['repayDebt'],
  orderGpus: ['orderGpus'],
  sellGpus: ['sellGpus'],
  power: ['leaseColo', 'buildCampus', 'buyPoweredSite'],
  bid: ['bidRfp'],
  price: ['setOnDemandPrice', 'setPlatformSpend', 'setDepreciationLife'],
} as const satisfies Record<string, readonly CommandType[]>;
export type DecisionKind = keyof typeof DECISION_KINDS;
export const KIND_ORDER = Object.keys(DECISION_KINDS) as DecisionKind[];

const KIND_OF = new Map<string, DecisionKind>();
for (const k of KIND_ORDER) for (const t of DECISION_KINDS[k]) KIND_OF.set(t, k);
export function kindOf(type: string): DecisionKind | null {
  return KIND_OF.get(type) ?? null;
}

/**
 * For each kind of decision and quarter: which students (indices into `rows`) made at least one
 * such decision in that quarter. A student counts once per cell however many orders they placed.
 */
export function decisionHeat(rows: readonly DebriefRow[], quarters: number): Record<DecisionKind, number[][]> {
  const out = {} as Record<DecisionKind, number[][]>;
  for (const k of KIND_ORDER) out[k] = Array.from({ length: quarters }, () => []);
  rows.forEach((r, i) => {
    for (const d of r.decisions ?? []) {
      const k = kindOf(d.type);
      const q = quarterOfWeek(d.week);
      if (!k || q >= quarters) continue;
      const cell = out[k][q]!;
      if (cell[cell.length - 1] !== i) cell.push(i);
    }
  });
  return out;
}

/** Names shown: the students' own, or "Student 1…N" in the table's order when anonymised. */
export function displayNames(rows: readonly DebriefRow[], anonymous: boolean, anonLabel: (n: number) => string): string[] {
  return rows.map((r, i) => (anonymous ? anonLabel(i + 1) : r.student ?? r.file));
}
