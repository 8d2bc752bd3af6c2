/**
 * The advisor: what the player's company owes and when, read from the state without changing it.
 * Runway counts scheduled interest, principal (instalments and bullets), GPU balances due on
 * delivery and construction payments, on top of the trailing weekly operating cash flow; the next
 * covenant test is projected with the engine's own rule (`covenantTestsOf` in finance/covenants.ts, with
 * the cure period and the margin-call delay); warnings
 * say what would go wrong, when, by how much, and what could be done; after the end, why it ended.
 *
 * Everything here is a message id with parameters (the UI renders it in the player's language).
 * Pure and deterministic; nothing here feeds back into the simulation.
 */
import type { Company, Debt, DefaultCause, World } from './types.ts';
import { toUsd, WEEKS_PER_YEAR, WEEKS_PER_QUARTER } from './money.ts';
import { baseRatePct, debtRatePct } from './finance/rates.ts';
import { instalmentCents } from './finance/debt.ts';
import { commitmentRoomUsd } from './finance/commitment.ts';
import { annualisedEbitdaUsd, equityValueUsd, undrawnRevolverUsd, fleetValueUsd, underwrittenEbitdaUsd } from './metrics.ts';
import { breachNoPrepaymentCures, corporateCovenantBreached, covenantFigures, covenantTests, covenantTestsOf, gpuLoanExcessOf, type CovenantTest, type CovenantId } from './finance/covenants.ts';
import { fleetWarnings, physicalNow, powerOnTheWay } from './advisorFleet.ts';
import { curePrepayments, cureRightLeft } from './operate.ts';

/** How far ahead the schedule and runway look, weeks (a year: every covenant test of the next four quarters). */
export const ADVISOR_HORIZON_WEEKS = WEEKS_PER_YEAR;
/** A shortfall this many weeks away or nearer is a warning (the UI auto-pauses on a new one). */
export const ADVISOR_WARN_WEEKS = 13;

/** One scheduled cash payment (or the week's operating flow when negative). */
export type PaymentKind = 'interest' | 'instalment' | 'bullet' | 'gpuBalance' | 'construction' | 'operating';

/** What a missed week's largest payment was. */
export type ShortfallCause = PaymentKind | 'covenantFee';

export interface ScheduledPayment {
  /** Week it is paid (the tick of that week). */
  week: number;
  kind: PaymentKind;
  usd: number;
  /** Debt id, order id or site id it belongs to (empty for operating). */
  ref: string;
}

/** A message the UI renders from its table: an id and its parameters (numbers in USD, weeks, turns). */
export interface AdvisorMessage {
  id: string;
  params: Record<string, string | number>;
}

export interface AdvisorWarning extends AdvisorMessage {
  /** 'danger' ends the company if nothing is done; 'warn' costs money; 'info' is an opportunity. */
  severity: 'danger' | 'warn' | 'info';
  /** Weeks until it happens (0 = this week). */
  inWeeks: number;
  /** Ids of the things that could be done (rendered as a list). */
  actions: string[];
}

export interface CovenantProjection {
  /** Week of the test (the quarter close at the end of that week's tick). */
  week: number;
  inWeeks: number;
  tests: CovenantTest[];
  breached: boolean;
  /** Breaches in a row so far (a breach opens a cure period; still breached when it ends, the loans are called). */
  breachesInRow: number;
  /** Still breached when the cure period ends and the cash would not repay all debt: the end of the company. */
  fatal: boolean;
  /** Still breached when the cure period ends, but the cash would repay all debt when the lenders call it: debt-free after. */
  repaid: boolean;
  /** GPU-loan principal a margin call at that close would make the company prepay (after the cure weeks), USD. */
  marginCallUsd: number;
  /**
   * Still breached on debt service alone when the cure period ends, and a prepayment from cash above
   * the liquidity covenant would cure it (operate.ts `curePrepayments`): what it would take, USD; 0 otherwise.
   */
  curePrepaymentUsd: number;
}

export interface GameOverReason {
  kind: 'payment' | 'covenant' | 'objectives' | 'won' | 'ended';
  week: number;
  /** What was missing when the payment failed, USD (payment defaults). */
  missingUsd: number;
  /** The default that ended the company as the engine recorded it (`Company.defaultCause`); null when it did not fail, or in a save from before the record. */
  cause: DefaultCause | null;
}

export interface Advice {
  /** Trailing average weekly operating cash flow (adjusted EBITDA, before debt service), USD. */
  operatingUsdPerWeek: number;
  /** Sums of scheduled payments over the horizon, USD. */
  scheduledUsd: Record<Exclude<PaymentKind, 'operating'>, number>;
  /** The next payments, in order (at most a dozen). */
  upcoming: ScheduledPayment[];
  /** Weeks until cash plus undrawn revolver would not cover a week's payments; null: not within the horizon. */
  runwayWeeks: number | null;
  horizonWeeks: number;
  /** The first week that would miss a payment, and by how much. */
  shortfall: { week: number; inWeeks: number; missingUsd: number; cause: ShortfallCause; causeUsd: number } | null;
  /** Week the projection ends the company because a covenant breach is not cured in time; null: not within the horizon. */
  covenantEndWeek: number | null;
  /** Covenant tests on today's figures, and projected to the next quarter close. */
  covenantsNow: CovenantTest[];
  nextCovenant: CovenantProjection | null;
  warnings: AdvisorWarning[];
  gameOver: GameOverReason | null;
  /** Equity value as the game reports it (market cap when listed, last mark when private; 0 after bankruptcy). */
  equityValueUsd: number;
  /** The player's physical state as of now, also at week 0 (before the first tick installs the opening fleet). */
  powerMwAvailable: number;
  gpusInstalled: number;
  /** Installed GPUs per model id. */
  gpusInstalledByModel: Record<string, number>;
  /** GPUs owned and not switched off that have no powered space (`powerOnTheWay`). */
  gpusAwaitingPower: number;
}

/** Interest this week on a principal, USD (as `serviceDebt` charges it). */
function weeklyInterestUsd(world: World, co: Company, d: Debt, principalCents: number, basePct: number): number {
  return (toUsd(principalCents) * debtRatePct(world, co, d, basePct)) / 100 / WEEKS_PER_YEAR;
}

/**
 * Scheduled payments for the next `weeks` weeks, as the engine will make them if nothing changes:
 * interest on the outstanding principal (and the fee on open commitments' undrawn amounts), equal
 * instalments of amortising debt, bullets at maturity
 * (a convertible in the money converts instead), GPU balances due at delivery (net of vendor
 * financing) and construction capex.
 */
export function paymentSchedule(world: World, co: Company, weeks: number): ScheduledPayment[] {
  const out: ScheduledPayment[] = [];
  const basePct = baseRatePct(world);
  for (const d of co.debts) {
    let principal = d.principalCents;
    for (let k = 0; k < weeks && principal > 0; k++) {
      const wk = world.week + k;
      const interest = weeklyInterestUsd(world, co, d, principal, basePct);
      if (interest > 0) out.push({ week: wk, kind: 'interest', usd: interest, ref: d.id });
      const weeksLeft = d.maturityWeek - wk;
      if (weeksLeft <= 1) {
        const converts = d.kind === 'convertible' && d.conversionPriceUsd !== null && co.sharePriceUsd !== null && co.sharePriceUsd > d.conversionPriceUsd;
        if (!converts) out.push({ week: wk, kind: 'bullet', usd: toUsd(principal), ref: d.id });
        principal = 0;
      } else if (d.amortizing) {
        const instalment = instalmentCents(d, principal, wk);
        if (instalment > 0) out.push({ week: wk, kind: 'instalment', usd: toUsd(instalment), ref: d.id });
        principal -= instalment;
      }
    }
  }
  // The fee on open commitments' undrawn amounts (finance/commitment.ts), if nothing more is drawn.
  const feePct = world.scenario.finance.commitmentFeePctPerYear;
  for (const c of co.commitments ?? []) {
    const undrawnCents = c.commitmentCents - c.drawnCents;
    if (feePct <= 0 || undrawnCents <= 0) continue;
    for (let wk = Math.max(world.week, c.signedWeek); wk <= c.drawUntilWeek && wk < world.week + weeks; wk++) {
      out.push({ week: wk, kind: 'interest', usd: toUsd(Math.round((undrawnCents * feePct) / 100 / WEEKS_PER_YEAR)), ref: c.name });
    }
  }
  for (const o of co.orders) {
    if (o.deliveryWeek >= world.week + weeks) continue;
    const rest = o.totalCents - o.depositCents;
    const financed = Math.min(rest, Math.round(o.totalCents * o.vendorFinancedShare));
    if (rest - financed > 0) out.push({ week: Math.max(world.week, o.deliveryWeek), kind: 'gpuBalance', usd: toUsd(rest - financed), ref: o.id });
  }
  for (const s of co.sites) {
    let left = s.capexRemainingCents;
    for (let k = 0; k < weeks && left > 0 && s.capexPerWeekCents > 0; k++) {
      const pay = Math.min(left, s.capexPerWeekCents);
      out.push({ week: world.week + k, kind: 'construction', usd: toUsd(pay), ref: s.id });
      left -= pay;
    }
  }
  return out.sort((a, b) => a.week - b.week || b.usd - a.usd);
}

/** Trailing weekly operating cash flow (adjusted EBITDA as the engine tracks it), USD; 0 before the first week. */
function operatingUsdPerWeek(co: Company): number {
  return co.trailingWeeks > 0 ? annualisedEbitdaUsd(co) / WEEKS_PER_YEAR : 0;
}

function gameOverReason(world: World, co: Company): GameOverReason | null {
  if (world.status === 'running' && world.week < world.lengthWeeks) return null;
  if (co.status !== 'active') {
    const week = co.bankruptWeek ?? world.week;
    const claims = co.debts.filter((d) => d.kind === 'claims' && d.startWeek === week).reduce((a, d) => a + d.originalCents, 0);
    // A payment default leaves creditor claims; lenders calling the loans (a covenant breach not
    // cured in time, or an unmet margin call) leaves none.
    const cause = co.defaultCause?.outcome === 'bankrupt' ? co.defaultCause : null;
    const covenant = cause ? cause.kind !== 'missedPayment' : claims === 0;
    return { kind: covenant ? 'covenant' : 'payment', week, missingUsd: cause?.kind === 'missedPayment' ? cause.shortUsd : toUsd(claims), cause };
  }
  return { kind: world.status === 'won' ? 'won' : world.status === 'lost' ? 'objectives' : 'ended', week: world.week, missingUsd: 0, cause: null };
}

/**
 * The warning each corporate covenant's projected breach raises (the loan-to-value test raises the
 * margin call's), and what would mend it: cash for liquidity; less corporate debt or more EBITDA for
 * leverage; more EBITDA or less debt service — GPU loans and facilities are most of it — for debt service.
 */
const COVENANT_WARNING: Record<Exclude<CovenantId, 'gpuLoanToValue'>, { id: string; actions: string[] }> = {
  liquidity: { id: 'warn.covenantLiquidity', actions: ['act.raiseEquity', 'act.sellGpus', 'act.cutSpend'] },
  leverage: { id: 'warn.covenantLeverage', actions: ['act.raiseEquityRepay', 'act.growEbitda', 'act.cutSpend'] },
  debtService: { id: 'warn.covenantDebtService', actions: ['act.growEbitda', 'act.repayGpuLoan', 'act.raiseEquity'] },
};

/**
 * Everything the advisor says about company `index` (the player by default) now. At week 0 no week
 * has run, so the MW in use is not known from the world: the caller may pass the opening week's
 * (`openingFigures` in opening.ts, which needs a deep copy the engine does not make itself).
 */
export function advise(world: World, index = 0, opening: { powerMwUsed: number } | null = null): Advice {
  const co = world.companies[index]!;
  const f = world.scenario.finance;
  const horizon = Math.max(0, Math.min(ADVISOR_HORIZON_WEEKS, world.lengthWeeks - world.week));
  const sched = co.status === 'active' ? paymentSchedule(world, co, horizon) : [];
  const op = operatingUsdPerWeek(co);
  const scheduledUsd = { interest: 0, instalment: 0, bullet: 0, gpuBalance: 0, construction: 0 };
  for (const p of sched) if (p.kind !== 'operating') scheduledUsd[p.kind] += p.usd;

  const covenantsNow = covenantTests(world, co);
  // Week by week: cash after operating flow and the payments of that week; a shortfall when the
  // revolver cannot cover it (what `handleShortfall` would find at the end of that tick). A margin
  // call falls due and a cure period ends as in operate.ts `covenantDeadlines`; at each quarter
  // close the engine's own rule (`covenantTestsOf`) runs on the projected figures: a loan-to-value
  // breach starts a margin call, a corporate breach costs the waiver fee and opens a cure period,
  // and a breach still there when the cure period ends — on debt service alone, after the prepayment
  // from spare cash that may cure it (operate.ts `curePrepayments`) — calls the loans: repaid when the
  // cash covers all debt (operate.ts `callLoans`), else the end of the company.
  const revolverOnlyUsd = undrawnRevolverUsd(co);
  const commitmentsUsd = commitmentRoomUsd(world, co);
  // Committed credit the engine draws before a default (operate.ts `drawCommittedCredit`).
  const revolver = revolverOnlyUsd + commitmentsUsd;
  const underwrittenUsd = underwrittenEbitdaUsd(world, co);
  const fleetUsd = fleetValueUsd(world, co);
  const nowFigures = covenantFigures(world, co);
  let cash = toUsd(co.ledger.balances.cash);
  let shortfall = null as Advice['shortfall'];
  let nextCovenant = null as CovenantProjection | null;
  let endWeek: number | null = null;
  let i = 0;
  const corporateKinds = new Set(['bond', 'revolver', 'convertible']);
  const principal = new Map(co.debts.map((d) => [d.id, toUsd(d.principalCents)]));
  const kindOf = new Map(co.debts.map((d) => [d.id, d.kind]));
  const sumDebt = (pred: (k: string) => boolean) => { let v = 0; for (const [id, p] of principal) if (pred(kindOf.get(id)!)) v += p; return v; };
  /** Debt repaid when the lenders called it (no more interest or instalments on it in the projection). */
  const paidOff = new Set<string>();
  const figures = () => ({
    cashUsd: cash, undrawnRevolverUsd: revolverOnlyUsd, undrawnCommitmentsUsd: commitmentsUsd, corporateDebtUsd: sumDebt((kd) => corporateKinds.has(kd)), underwrittenEbitdaUsd: underwrittenUsd,
    gpuLoansUsd: sumDebt((kd) => kd === 'gpuLoan'), fleetValueUsd: fleetUsd, totalDebtUsd: sumDebt(() => true),
    runRateEbitdaUsd: nowFigures.runRateEbitdaUsd, debtServiceUsd: serviceUsd,
  });
  /** Next year's debt service in the projection: today's, less what a projected cure prepays. */
  let serviceUsd = nowFigures.debtServiceUsd;
  /** Only the debt-service covenant breached (the one a prepayment can cure). */
  const debtServiceOnly = (tests: CovenantTest[]) => corporateCovenantBreached(tests) && !breachNoPrepaymentCures(tests);
  /** The engine's cure by prepayment with the projected cash (and today's cure rights): what it takes when it cures, else null. */
  const cureFrom = (cashUsd: number) => {
    if (!cureRightLeft(world, co)) return null;
    const c = curePrepayments(world, co, Math.max(0, Math.round(cashUsd * 100)));
    return c.cures ? c : null;
  };
  const payGpuLoans = (usd: number) => {
    let left = usd;
    for (const [id, p] of principal) {
      if (kindOf.get(id) !== 'gpuLoan' || left <= 0) continue;
      const pay = Math.min(left, p);
      principal.set(id, p - pay);
      left -= pay;
    }
  };
  let breaches = co.covenantBreaches;
  let cureEnds = co.covenantCureEndsWeek;
  let marginDue = co.marginCallDueWeek;
  const miss = (wk: number, k: number, cause: ShortfallCause, causeUsd: number) => {
    if (!shortfall && cash + revolver < 0) shortfall = { week: wk, inWeeks: k, missingUsd: -(cash + revolver), cause, causeUsd };
  };
  for (let k = 0; k < horizon && co.status === 'active' && endWeek === null; k++) {
    const wk = world.week + k;
    cash += op;
    let biggest: { kind: PaymentKind; usd: number } = { kind: 'operating', usd: Math.max(0, -op) };
    for (; i < sched.length && sched[i]!.week === wk; i++) {
      const p = sched[i]!;
      if (paidOff.has(p.ref)) continue;
      cash -= p.usd;
      if (p.kind === 'instalment' || p.kind === 'bullet') principal.set(p.ref, Math.max(0, (principal.get(p.ref) ?? 0) - p.usd));
      if (p.usd > biggest.usd) biggest = { kind: p.kind, usd: p.usd };
    }
    miss(wk, k, biggest.kind, biggest.usd);
    if (marginDue !== null && wk >= marginDue) {
      marginDue = null;
      const excess = gpuLoanExcessOf(f, figures());
      // A margin call already running is the next covenant event: warn about it like a projected one.
      if (!nextCovenant && excess > 0) nextCovenant = { week: wk, inWeeks: k, tests: covenantTestsOf(f, figures()), breached: true, breachesInRow: breaches, fatal: excess > cash + revolver, repaid: false, marginCallUsd: excess, curePrepaymentUsd: 0 };
      cash -= excess;
      payGpuLoans(excess);
      miss(wk, k, 'instalment', excess);
    }
    if (cureEnds !== null && wk >= cureEnds) {
      cureEnds = null;
      const tests = covenantTestsOf(f, figures());
      // Debt service alone: the engine first prepays from cash above the liquidity floor; if that
      // cures it the company carries on with less debt and less cash. Still breached: the lenders call the loans.
      const owed = sumDebt(() => true);
      const cure = debtServiceOnly(tests) ? cureFrom(cash) : null;
      if (cure) {
        const usd = cure.payments.reduce((a, p) => a + toUsd(p.cents), 0);
        if (!nextCovenant) nextCovenant = { week: wk, inWeeks: k, tests, breached: true, breachesInRow: breaches, fatal: false, repaid: false, marginCallUsd: 0, curePrepaymentUsd: usd };
        for (const p of cure.payments) { cash -= toUsd(p.cents); principal.set(p.d.id, Math.max(0, (principal.get(p.d.id) ?? 0) - toUsd(p.cents))); }
        serviceUsd = Math.max(0, serviceUsd - cure.savedUsd);
        breaches = 0;
      } else if (corporateCovenantBreached(tests) && cash < owed) {
        // More than the cash pays: the end of the company.
        if (!nextCovenant) nextCovenant = { week: wk, inWeeks: k, tests, breached: true, breachesInRow: breaches, fatal: true, repaid: false, marginCallUsd: 0, curePrepaymentUsd: 0 };
        endWeek = wk;
        break;
      } else if (corporateCovenantBreached(tests)) {
        // The cash repays every loan: debt-free from here, with that much less cash.
        if (!nextCovenant) nextCovenant = { week: wk, inWeeks: k, tests, breached: true, breachesInRow: breaches, fatal: false, repaid: true, marginCallUsd: 0, curePrepaymentUsd: 0 };
        cash -= owed;
        for (const id of principal.keys()) { principal.set(id, 0); paidOff.add(id); }
        breaches = 0;
      }
    }
    if (wk % WEEKS_PER_QUARTER !== WEEKS_PER_QUARTER - 1) continue;
    const tests = covenantTestsOf(f, figures());
    if (tests.length === 0) { breaches = 0; cureEnds = null; marginDue = null; continue; }
    const ltv = tests.find((t) => t.id === 'gpuLoanToValue');
    const call = ltv && !ltv.pass ? gpuLoanExcessOf(f, figures()) : 0;
    if (call > 0 && marginDue === null) marginDue = wk + f.marginCallCureWeeks;
    const breached = corporateCovenantBreached(tests);
    // A breach inside a running cure period cannot be waived again: when the period ends the loans are
    // called — the end of the company unless the cash repays them all.
    const inCure = breached && cureEnds !== null;
    const cure = inCure && debtServiceOnly(tests) ? cureFrom(cash) : null;
    const curePrepaymentUsd = cure ? cure.payments.reduce((a, p) => a + toUsd(p.cents), 0) : 0;
    const repaid = inCure && !cure && cash >= sumDebt(() => true);
    if (!nextCovenant) nextCovenant = { week: wk, inWeeks: k, tests, breached: breached || call > 0, breachesInRow: breaches, fatal: inCure && !cure && !repaid, repaid, marginCallUsd: call, curePrepaymentUsd };
    if (!breached) { breaches = 0; cureEnds = null; continue; }
    breaches += 1;
    if (cureEnds !== null) continue;
    cureEnds = wk + f.covenantCureWeeks;
    const fee = (sumDebt(() => true) * f.covenantWaiverFeePct) / 100;
    cash -= fee;
    miss(wk, k, 'covenantFee', fee);
  }

  const warnings: AdvisorWarning[] = [];
  if (shortfall && shortfall.inWeeks <= ADVISOR_WARN_WEEKS) {
    warnings.push({
      id: 'warn.shortfall', severity: 'danger', inWeeks: shortfall.inWeeks,
      params: { weeks: shortfall.inWeeks, week: shortfall.week, missingUsd: shortfall.missingUsd, cause: `pay.${shortfall.cause}`, causeUsd: shortfall.causeUsd },
      actions: ['act.raiseEquity', 'act.borrow', 'act.sellGpus', 'act.cutSpend'],
    });
  }
  if (nextCovenant && nextCovenant.marginCallUsd > 0) {
    warnings.push({
      id: 'warn.marginCall', severity: 'warn', inWeeks: nextCovenant.inWeeks,
      params: { weeks: nextCovenant.inWeeks, week: nextCovenant.week, usd: nextCovenant.marginCallUsd, ltvPct: f.gpuLoanMaxLtv * 100 },
      actions: ['act.raiseEquity', 'act.repayGpuLoan'],
    });
  }
  if (nextCovenant?.breached) {
    for (const t of nextCovenant.tests) {
      if (t.pass || t.id === 'gpuLoanToValue') continue;
      warnings.push({
        id: COVENANT_WARNING[t.id].id, severity: nextCovenant.fatal ? 'danger' : 'warn', inWeeks: nextCovenant.inWeeks,
        params: { weeks: nextCovenant.inWeeks, week: nextCovenant.week, value: t.value ?? 0, limit: t.limit, fatal: nextCovenant.fatal ? 1 : 0, repaid: nextCovenant.repaid ? 1 : 0, cureUsd: nextCovenant.curePrepaymentUsd, feePct: f.covenantWaiverFeePct, stepUpPct: f.covenantStepUpPct, ebitdaUsd: annualisedEbitdaUsd(co) },
        actions: COVENANT_WARNING[t.id].actions,
      });
    }
  }
  const phys = physicalNow(world, co);
  const onWay = powerOnTheWay(world, co, phys.byModel);
  warnings.push(...fleetWarnings(world, co, phys, onWay, opening));
  const open = world.rfps.filter((r) => r.closeWeek >= world.week && !r.bids.some((b) => b.companyIndex === index)).length;
  if (co.status === 'active' && open > 0) warnings.push({ id: 'alert.openRfps', severity: 'info', inWeeks: 0, params: { count: open }, actions: ['act.bid'] });

  return {
    operatingUsdPerWeek: op,
    scheduledUsd,
    upcoming: sched.filter((p) => p.usd >= 1).slice(0, 12),
    runwayWeeks: shortfall ? shortfall.inWeeks : endWeek !== null ? endWeek - world.week : null,
    covenantEndWeek: endWeek,
    horizonWeeks: horizon,
    shortfall,
    covenantsNow,
    nextCovenant,
    warnings,
    gameOver: gameOverReason(world, co),
    equityValueUsd: co.status === 'active' ? equityValueUsd(co) : 0,
    powerMwAvailable: phys.mw,
    gpusInstalled: phys.installed,
    gpusInstalledByModel: phys.byModel,
    gpusAwaitingPower: onWay.gpusWaiting,
  };
}
