/**
 * Payback per MW (economics.md §9 fact 12: 3–5 years, very sensitive to price and utilisation),
 * measured on the company's own books at each quarter close. Nothing here decides anything; it
 * reads the fleet and the quarter's results.
 *
 * Definition (one megawatt of critical IT load in use):
 *  - capex per MW = (gross cost of the GPUs installed in powered space + the owned facilities'
 *    gross cost for the share of energised MW the fleet uses) ÷ MW in use. Leased colocation has
 *    no capex: its rent is a cost of revenue, so it lowers the margin instead.
 *  - site EBITDA per MW-year = the quarter's gross profit (revenue − power, space, data-centre
 *    staff and late penalties; all cash, no depreciation) annualised over the weeks in the quarter,
 *    ÷ the average MW in use over the quarter (installed GPU-hours scaled to the closing fleet).
 *    Company overheads (SG&A, sales, platform) are left out: they are not the megawatt's.
 *  - payback years = capex per MW ÷ site EBITDA per MW-year; null when nothing is in use or the
 *    margin is not positive (the megawatt never pays back at this quarter's prices).
 * Rent and utilisation both enter through gross profit; that is why payback swings with them.
 */
import type { Company } from './types.ts';
import { toUsd, HOURS_PER_WEEK, WEEKS_PER_YEAR } from './money.ts';

export interface PaybackFigures {
  /** Capex tied up in one MW of IT load in use, USD (null with no MW in use). */
  capexPerMwUsd: number | null;
  /** Site-level EBITDA (gross profit) per MW in use per year at this quarter's run rate, USD. */
  siteEbitdaPerMwYearUsd: number | null;
  /** Years for that EBITDA to repay that capex; null when nothing is in use or EBITDA ≤ 0. */
  paybackYears: number | null;
}

/** Capex (USD) tied up in what is in use: installed GPUs plus owned facilities' used share. */
export function capexInUseUsd(co: Company): number {
  let gpuCents = 0;
  for (const lot of co.lots) if (lot.count > 0 && lot.installed > 0) gpuCents += (lot.costCents * lot.installed) / lot.count;
  let facilityCents = 0, energisedMw = 0;
  for (const s of co.sites) {
    if (s.status !== 'energised') continue;
    energisedMw += s.powerMw;
    facilityCents += s.facilityCostCents;
  }
  const usedShare = energisedMw > 0 ? Math.min(1, co.last.powerMwUsed / energisedMw) : 0;
  return toUsd(Math.round(gpuCents + facilityCents * usedShare));
}

/**
 * Payback figures at a quarter close. `grossProfitUsd` is the quarter's; `weeksInQuarter` how many
 * weeks it covered (13, fewer when the game ends mid-quarter).
 */
export function paybackFigures(co: Company, grossProfitUsd: number, weeksInQuarter: number): PaybackFigures {
  const mwNow = co.last.powerMwUsed;
  const installedNow = co.last.installedGpus;
  if (!(mwNow > 0) || !(installedNow > 0) || weeksInQuarter <= 0) return { capexPerMwUsd: null, siteEbitdaPerMwYearUsd: null, paybackYears: null };
  const capexPerMwUsd = capexInUseUsd(co) / mwNow;
  // Average installed GPUs over the quarter relative to the closing fleet (a growing fleet earned
  // the quarter's profit on fewer MW than it holds at the close).
  const avgInstalled = co.q.gpuHoursInstalled / (HOURS_PER_WEEK * weeksInQuarter);
  const avgShare = Math.max(0, avgInstalled / installedNow);
  const avgMw = mwNow * avgShare;
  const siteEbitdaPerMwYearUsd = avgMw > 0 ? (grossProfitUsd * WEEKS_PER_YEAR) / weeksInQuarter / avgMw : null;
  const paybackYears = siteEbitdaPerMwYearUsd !== null && siteEbitdaPerMwYearUsd > 0 ? capexPerMwUsd / siteEbitdaPerMwYearUsd : null;
  return { capexPerMwUsd, siteEbitdaPerMwYearUsd, paybackYears };
}
