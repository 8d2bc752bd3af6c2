/**
 * One company's week of operations, in two halves around the market:
 *  before: deliveries, construction, installation, contract delivery, on-demand offer;
 *  after:  on-demand revenue, site costs, overheads, depreciation, debt service, tax, cash shortfall.
 * The player and every rival run through exactly this code.
 */
import type { Company, Debt, DefaultCause, World } from './types.ts';
import type { OnDemandOffer } from './market/customers.ts';
import { book, bookCents } from './ledger.ts';
import { toCents, toUsd, HOURS_PER_WEEK, WEEKS_PER_YEAR } from './money.ts';
import { deliverOrders, installFleet, depreciateFleet, auctionFleet } from './fleet.ts';
import { switchOffBelowCashCost } from './market/exits.ts';
import { progressSites, siteCosts, bookSiteCosts, depreciateFacilities } from './sites.ts';
import { deliverContracts, expireContracts } from './contracts.ts';
import { serviceDebt, addDebt, repayDebt, inCovenantGrace, type DebtServiceWeek } from './finance/debt.ts';
import { addFacilityDraw, facilityRoomUsd } from './finance/facility.ts';
import { chargeCommitmentFees, commitmentRoomUsd, drawCommitments } from './finance/commitment.ts';
import { breachNoPrepaymentCures, corporateCovenantBreached, covenantFigures, covenantTests, gpuLoanExcessUsd, type CovenantTest, type CovenantId } from './finance/covenants.ts';
import { baseRatePct, debtRatePct } from './finance/rates.ts';
import { latencyDiscount } from './market/pricing.ts';
import { onDemandRevenueUsd } from './market/customers.ts';
import { postedRentUsd } from './market/rents.ts';
import { perfH100e, undrawnRevolverUsd, energisedMw } from './metrics.ts';
import { settleTax } from './tax.ts';
import { pushNews } from './news.ts';
import { weekOf } from './calendar.ts';
import { msgOf } from './msg.ts';

/** Per-company working figures for one tick (not part of the saved state). */
export interface Scratch {
  kwByRegion: Map<string, number>;
  freeByModel: Map<string, number>;
  installedGpus: number;
  contractGpus: number;
  revenueUsd: number;
  cashOpexUsd: number;
}

export function newScratch(): Scratch {
  return { kwByRegion: new Map(), freeByModel: new Map(), installedGpus: 0, contractGpus: 0, revenueUsd: 0, cashOpexUsd: 0 };
}

/**
 * First half: physical changes and contract delivery; fills the company's on-demand offers, one
 * per generation at `offers[index × generations + g]`.
 */
export function operateBefore(world: World, co: Company, s: Scratch, offers: OnDemandOffer[]): void {
  const gens = world.market.gens;
  const base = co.index * gens.length;
  for (let g = 0; g < gens.length; g++) {
    const o = offers[base + g]!;
    o.capacityH100e = 0; o.usdPerH100eHour = 0; o.platform = co.platformMaturity; o.rentUsdPerGpuHour = 0; o.perfH100e = 0;
  }
  s.revenueUsd = 0; s.cashOpexUsd = 0;
  if (co.status !== 'active') return;
  expireContracts(world, co);
  deliverOrders(world, co);
  progressSites(world, co);
  switchOffBelowCashCost(world, co);
  installFleet(world, co, s.kwByRegion);
  s.freeByModel.clear();
  s.installedGpus = 0;
  // Only GPUs past their ramp (racking, burn-in, acceptance) can be sold; ramping ones still draw
  // power (they are in kwByRegion) and depreciate. The opening fleet (in service by week 0) is running.
  const readyBefore = world.week - world.scenario.operations.rampWeeks;
  for (const l of co.lots) {
    if (l.inServiceWeek > 0 && l.inServiceWeek > readyBefore) continue;
    s.installedGpus += l.installed;
    s.freeByModel.set(l.modelId, (s.freeByModel.get(l.modelId) ?? 0) + l.installed);
  }
  s.revenueUsd += deliverContracts(world, co, s.freeByModel);
  s.contractGpus = 0;
  for (const c of co.contracts) s.contractGpus += c.deliveredGpus;
  // On-demand offers: free capacity of each generation in H100e at its posted rent per H100e-hour
  // (less the latency discount of its sites, plus the premium its platform earns).
  const premium = (1 - latencyDiscount(world, co.sites)) * (1 + world.scenario.market.customerChoice.platformPricePremium * co.platformMaturity);
  for (let g = 0; g < gens.length; g++) {
    const gm = gens[g]!;
    const o = offers[base + g]!;
    const free = s.freeByModel.get(gm.modelId) ?? 0;
    if (free <= 0) continue;
    const perf = perfH100e(world, gm.modelId);
    if (!(perf > 0)) continue;
    o.perfH100e = perf;
    o.rentUsdPerGpuHour = postedRentUsd(world, co, gm);
    o.capacityH100e = free * perf;
    o.usdPerH100eHour = (o.rentUsdPerGpuHour * premium) / perf;
  }
}

/** Second half: book on-demand revenue and every cost of the week; handle a cash shortfall. */
export function operateAfter(world: World, co: Company, s: Scratch, offers: OnDemandOffer[]): void {
  if (co.status !== 'active') return;
  const ops = world.scenario.operations;
  // On-demand revenue and the GPUs it kept busy, generation by generation; what each generation
  // offered and drew is kept for its pricing desk next week.
  const gens = world.market.gens;
  const base = co.index * gens.length;
  let odRevenue = 0, odGpus = 0, odH100e = 0;
  const offered: Record<string, number> = {}, drawn: Record<string, number> = {}, served: Record<string, number> = {};
  for (let g = 0; g < gens.length; g++) {
    const o = offers[base + g]!;
    if (o.capacityH100e <= 0) continue;
    odRevenue += onDemandRevenueUsd(o.servedH100e, o.usdPerH100eHour);
    odGpus += o.servedH100e / o.perfH100e;
    odH100e += o.servedH100e;
    const id = gens[g]!.modelId;
    offered[id] = o.capacityH100e / o.perfH100e;
    drawn[id] = o.demandH100e / o.perfH100e;
    served[id] = o.servedH100e / o.perfH100e;
  }
  co.last.odOfferedGpus = offered;
  co.last.odDemandGpus = drawn;
  co.last.odServedGpus = served;
  co.last.onDemandH100eSold = odH100e;
  const odCents = book(co.ledger, 'revenueBilled', odRevenue);
  co.q.onDemandRevenueCents += odCents;
  co.q.revenueByCustomer.od = (co.q.revenueByCustomer.od ?? 0) + odCents;
  s.revenueUsd += toUsd(odCents);
  // Vendor backstop: rents back a share of idle capacity at a discount (scenario option).
  const v = world.scenario.market.vendor;
  const idleGpus = Math.max(0, s.installedGpus - s.contractGpus - odGpus);
  let backstopGpus = 0;
  if (v.backstopShare > 0 && world.week <= weekOf(world.scenario.calendar.startDate, v.backstopUntilDate) && idleGpus > 0) {
    backstopGpus = idleGpus * v.backstopShare;
    const cents = book(co.ledger, 'revenueBilled', backstopGpus * HOURS_PER_WEEK * world.market.computeIndexUsd * v.backstopPriceShare);
    co.q.revenueByCustomer['c:GPU vendor backstop'] = (co.q.revenueByCustomer['c:GPU vendor backstop'] ?? 0) + cents;
    s.revenueUsd += toUsd(cents);
  }
  const busyGpus = s.contractGpus + odGpus + backstopGpus;
  const busyShare = s.installedGpus > 0 ? Math.min(1, busyGpus / s.installedGpus) : 0;
  co.q.gpuHoursSold += busyGpus * HOURS_PER_WEEK;
  co.q.gpuHoursInstalled += s.installedGpus * HOURS_PER_WEEK;
  // Site costs (cost of revenue); the on-demand share is tracked for the uncontracted gross margin.
  const sc = siteCosts(world, co, s.kwByRegion, busyShare);
  const siteCents = bookSiteCosts(co, sc);
  const odShareOfFleet = s.installedGpus > 0 ? Math.max(0, s.installedGpus - s.contractGpus) / s.installedGpus : 0;
  co.q.onDemandCostCents += Math.round(siteCents * odShareOfFleet);
  // Overheads.
  const mw = energisedMw(co);
  book(co.ledger, 'sgaCost', ops.sgaBaseUsdPerWeek + ops.sgaUsdPerMwWeek * mw);
  book(co.ledger, 'salesCost', s.revenueUsd * ops.salesRevenueShare);
  book(co.ledger, 'stockCompensation', s.revenueUsd * ops.sbcRevenueShare);
  book(co.ledger, 'platformCost', co.platformUsdPerWeek);
  co.platformMaturity = Math.min(1, co.platformMaturity * (1 - ops.platformDecayPerWeekPct / 100) + co.platformUsdPerWeek / ops.platformUsdForFullMaturity);
  // Depreciation (no cash).
  depreciateFleet(world, co);
  depreciateFacilities(world, co);
  // Interest on cash, debt service.
  const cash = toUsd(co.ledger.balances.cash);
  if (cash > 0) book(co.ledger, 'interestEarned', (cash * Math.max(0, baseRatePct(world) - world.scenario.finance.cashInterestPct)) / 100 / WEEKS_PER_YEAR);
  const service = serviceDebt(world, co);
  chargeCommitmentFees(world, co);
  // Trailing figures (EBITDA = revenue − cash operating costs, before SBC).
  const slot = world.week % 13;
  co.trailingRevenueUsd[slot] = s.revenueUsd;
  const cashOpex = sc.powerUsd + sc.leaseUsd + sc.staffUsd + ops.sgaBaseUsdPerWeek + ops.sgaUsdPerMwWeek * mw + s.revenueUsd * ops.salesRevenueShare + co.platformUsdPerWeek;
  co.trailingEbitdaUsd[slot] = s.revenueUsd - cashOpex;
  co.trailingWeeks = Math.min(13, co.trailingWeeks + 1);
  co.last.revenueWeekUsd = s.revenueUsd;
  co.last.ebitdaWeekUsd = s.revenueUsd - cashOpex;
  co.last.installedGpus = s.installedGpus;
  co.last.onDemandGpusSold = odGpus;
  co.last.utilization = busyShare;
  co.last.powerMwAvailable = mw;
  let kw = 0;
  for (const v2 of s.kwByRegion.values()) kw += v2;
  co.last.powerMwUsed = kw / 1000;
  if (world.week % WEEKS_PER_YEAR === WEEKS_PER_YEAR - 1) settleTax(world, co);
  handleShortfall(world, co, service);
  covenantDeadlines(world, co);
}

/**
 * Draw committed credit — the undrawn revolver, then the committed delayed-draw term loans
 * (finance/commitment.ts), then undrawn contract-facility room — to cover up to `needCents`. Returns cents drawn.
 * New money that needs fresh underwriting (a GPU loan, a bond, equity) is not committed and is
 * left to the company's own decisions.
 */
export function drawCommittedCredit(world: World, co: Company, needCents: number): number {
  let drawn = 0;
  const rev = Math.min(needCents, toCents(undrawnRevolverUsd(co)));
  if (rev > 0) {
    addDebt(world, co, { kind: 'revolver', amountUsd: toUsd(rev), fixedRatePct: null, spreadPct: world.scenario.finance.revolverSpreadPct, termWeeks: world.scenario.finance.revolverTermWeeks, amortizing: false });
    drawn += rev;
  }
  const committed = Math.min(needCents - drawn, toCents(commitmentRoomUsd(world, co)));
  if (committed > 0) {
    drawCommitments(world, co, toUsd(committed));
    drawn += committed;
  }
  const fac = Math.min(needCents - drawn, toCents(facilityRoomUsd(world, co)));
  if (fac > 0) {
    addFacilityDraw(world, co, toUsd(fac));
    drawn += fac;
  }
  return drawn;
}

/**
 * Cash below zero after the week's payments: draw committed credit (revolver, facility room); if
 * that is not enough the company has missed a payment — a default. Unpaid amounts become creditor
 * claims, so the books still balance and cash never shows below zero. The record names what was
 * due: the week's debt service (`service`, its largest instrument), or at a quarter close the
 * covenant waiver fee (`service` = the fee and the largest lender, `covenantId` the breach it waives).
 */
export function handleShortfall(world: World, co: Company, service: DebtServiceWeek | null = null, covenantId: CovenantId | null = null): void {
  const short = -co.ledger.balances.cash;
  if (short <= 0) return;
  drawCommittedCredit(world, co, short);
  if (co.ledger.balances.cash >= 0) return;
  const gap = -co.ledger.balances.cash;
  const f = world.scenario.finance;
  addDebt(world, co, { kind: 'claims', amountUsd: toUsd(gap), fixedRatePct: baseRatePct(world) + f.claimsPenaltyRatePct, spreadPct: 0, termWeeks: f.claimsTermWeeks, amortizing: false });
  const largest = service?.largest ?? null;
  defaultOnDebt(world, co, { kind: 'missedPayment', week: world.week, debtId: largest?.debtId ?? null, debtKind: largest?.debtKind ?? null, covenantId, dueUsd: toUsd(service?.dueCents ?? 0), shortUsd: toUsd(gap), figure: null, limit: null });
}

/**
 * A default (missed payment, loans called after an uncured covenant breach, an unmet margin call).
 * With restructuring allowed (once), creditors take `finance.restructuringCreditorShare` of the
 * equity and forgive `restructuringDebtCutShare` of the debt; otherwise the company is bankrupt.
 */
export function defaultOnDebt(world: World, co: Company, cause: Omit<DefaultCause, 'outcome'>): void {
  if (world.scenario.finance.allowRestructuring && !co.restructured) {
    co.defaultCause = { ...cause, outcome: 'restructured' };
    restructure(world, co);
    return;
  }
  co.defaultCause = { ...cause, outcome: 'bankrupt' };
  declareBankrupt(world, co, cause.kind === 'missedPayment' ? 'payment' : cause.kind);
}

/** A covenant default: the first covenant still failing, its figure and limit, and all the debt the lenders call. */
function covenantCause(world: World, co: Company, test: CovenantTest | undefined): Omit<DefaultCause, 'outcome'> {
  const debt = co.ledger.balances.debt;
  return { kind: 'covenant', week: world.week, debtId: null, debtKind: null, covenantId: test?.id ?? null, dueUsd: toUsd(debt), shortUsd: toUsd(Math.max(0, debt - co.ledger.balances.cash)), figure: test?.value ?? null, limit: test?.limit ?? null };
}

/**
 * Weekly covenant deadlines: an unmet margin call falls due (paid from cash, then committed credit;
 * what cannot be paid is a default), and a cure period ends (still in breach → lenders call the
 * loans). The tests themselves live in finance/covenants.ts.
 */
export function covenantDeadlines(world: World, co: Company): void {
  if (co.status !== 'active') return;
  if (co.marginCallDueWeek !== null && world.week >= co.marginCallDueWeek) {
    co.marginCallDueWeek = null;
    const excess = toCents(gpuLoanExcessUsd(world, co));
    if (excess > 0) {
      if (co.ledger.balances.cash < excess) drawCommittedCredit(world, co, excess - Math.max(0, co.ledger.balances.cash));
      let left = excess;
      let unpaid: Debt | null = null;
      for (const d of co.debts) {
        if (d.kind !== 'gpuLoan' || left <= 0) continue;
        left -= repayDebt(co, d, toUsd(Math.min(left, d.principalCents, Math.max(0, co.ledger.balances.cash))));
        if (left > 0 && d.principalCents > 0) unpaid ??= d;
      }
      if (left > 0) {
        const ltv = covenantTests(world, co).find((t) => t.id === 'gpuLoanToValue');
        defaultOnDebt(world, co, { kind: 'marginCall', week: world.week, debtId: unpaid?.id ?? null, debtKind: unpaid?.kind ?? null, covenantId: 'gpuLoanToValue', dueUsd: toUsd(excess), shortUsd: toUsd(left), figure: ltv?.value ?? null, limit: ltv?.limit ?? null });
        return;
      }
    }
  }
  if (co.covenantCureEndsWeek !== null && world.week >= co.covenantCureEndsWeek) {
    co.covenantCureEndsWeek = null;
    const tests = covenantTests(world, co);
    // Liquidity or leverage still breached: the loans are called. Only debt service still breached:
    // the company may prepay to cure it; if that is not enough, the loans are called too.
    const called = breachNoPrepaymentCures(tests);
    if (called) callLoans(world, co, called);
    else if (corporateCovenantBreached(tests)) {
      if (cureRightLeft(world, co)) {
        prepayToCure(world, co);
        // The prepayment's service per dollar is an estimate per instrument: one more pass closes what it missed.
        if (corporateCovenantBreached(covenantTests(world, co))) prepayToCure(world, co);
      }
      if (corporateCovenantBreached(covenantTests(world, co))) callLoans(world, co, covenantTests(world, co).find((t) => t.id === 'debtService'));
      else {
        co.covenantBreaches = 0;
        if (world.scenario.finance.covenantMaxCuresPerYear > 0) (co.prepaymentCureWeeks ??= []).push(world.week);
      }
    } else co.covenantBreaches = 0;
  }
}

/**
 * May the company still cure a debt-service breach by prepaying? Always, unless the scenario limits
 * cure rights (`finance.covenantMaxCuresPerYear`) and it has used them all in the last 52 weeks.
 */
export function cureRightLeft(world: World, co: Company): boolean {
  const max = world.scenario.finance.covenantMaxCuresPerYear;
  if (max <= 0) return true;
  const since = world.week - WEEKS_PER_YEAR;
  return (co.prepaymentCureWeeks ?? []).filter((w) => w > since).length < max;
}

/**
 * How far inside the covenant line a cure's prepayment aims, USD of next year's debt service. Next
 * year's service counts each instrument's weekly instalment in whole cents (up to 52 cents a year
 * of rounding), so a prepayment aimed at the line itself can leave the cover a hair under it: seed
 * 1916 of `default` with the boom certain went bankrupt with $582M of spare cash at a cover of
 * 1.0999999999587 against 1.1 after two passes of sub-cent prepayments. A dollar clears that rounding.
 */
const CURE_MARGIN_USD = 1;

/**
 * A debt-service breach at the end of its cure period can still be cured by prepaying debt from
 * cash above the liquidity covenant (a mandatory prepayment): the instruments whose service is
 * heaviest per dollar (shortest amortisation) first, until the run-rate EBITDA covers next year's
 * service the covenant's number of times. Sized by `curePrepayments`.
 */
function prepayToCure(world: World, co: Company): void {
  for (const p of curePrepayments(world, co, co.ledger.balances.cash).payments) repayDebt(co, p.d, toUsd(p.cents));
  co.debts = co.debts.filter((d) => d.principalCents > 0);
}

/**
 * The prepayments that would cure the company's debt-service breach from `cashCents` of cash (the
 * part above the liquidity covenant), in the order the lenders take them, and whether they cure it
 * (its next year's service, less what they save — `savedUsd` a year — within `CURE_MARGIN_USD` inside the line). Reads
 * the company and changes nothing: the engine applies it at a cure period's end (`prepayToCure`)
 * and the advisor asks it whether a projected breach would end the company.
 */
export function curePrepayments(world: World, co: Company, cashCents: number): { payments: { d: Debt; cents: number }[]; cures: boolean; savedUsd: number } {
  const f = world.scenario.finance;
  const figures = covenantFigures(world, co);
  let excessUsd = figures.debtServiceUsd - Math.max(0, figures.runRateEbitdaUsd) / f.covenantMinDebtServiceCover + CURE_MARGIN_USD;
  const base = baseRatePct(world);
  const interest = (d: Debt) => debtRatePct(world, co, d, base) / 100;
  const perDollar = (d: Debt) => (d.amortizing ? Math.min(WEEKS_PER_YEAR, Math.max(0, d.maturityWeek - world.week)) / Math.max(1, d.amortizeToWeek - world.week) : 0) + interest(d);
  const counted = co.debts.filter((d) => d.principalCents > 0 && d.kind !== 'claims' && !inCovenantGrace(d, world.week, f.covenantDebtServiceGraceWeeks));
  // A loan with a residual (`Debt.residualCents`) is two tranches: prepaying the part above the
  // residual cuts instalments and interest; prepaying into the residual only saves interest.
  const tranches: { d: Debt; capCents: number; rate: number }[] = [];
  for (const d of counted) {
    const residual = Math.min(d.principalCents, d.residualCents ?? 0);
    if (d.principalCents > residual) tranches.push({ d, capCents: d.principalCents - residual, rate: perDollar(d) });
    if (residual > 0) tranches.push({ d, capCents: residual, rate: interest(d) });
  }
  tranches.sort((a, b) => b.rate - a.rate || (a.d.id < b.d.id ? -1 : a.d.id > b.d.id ? 1 : a.capCents - b.capCents));
  const payments: { d: Debt; cents: number }[] = [];
  const principalLeft = new Map<Debt, number>();
  let cash = cashCents;
  let savedUsd = 0;
  for (const t of tranches) {
    if (excessUsd <= 0) break;
    const spare = toUsd(cash) - f.covenantMinLiquidityUsd;
    if (spare <= 0) break;
    const principal = principalLeft.get(t.d) ?? t.d.principalCents;
    // Whole cents, rounded up: a sub-cent remainder rounded away would leave the breach standing.
    const usd = Math.min(spare, toUsd(Math.min(t.capCents, principal)), Math.ceil((excessUsd / Math.max(0.01, t.rate)) * 100) / 100);
    const c = Math.min(principal, toCents(usd));
    const cents = c > 0 && Number.isInteger(c) ? c : 0; // what `repayDebt` repays
    if (cents > 0) {
      payments.push({ d: t.d, cents });
      principalLeft.set(t.d, principal - cents);
      cash -= cents;
    }
    excessUsd -= toUsd(cents) * t.rate;
    savedUsd += toUsd(cents) * t.rate;
  }
  return { payments, cures: excessUsd <= 0, savedUsd };
}

/**
 * The cure period ended with a corporate covenant (`test`) still breached: the lenders call the loans —
 * all debt falls due at once. A company whose cash pays it all repays and carries on debt-free (a cash-rich company breaching leverage because its
 * EBITDA turned negative is not insolvent); otherwise it is a default.
 */
function callLoans(world: World, co: Company, test: CovenantTest | undefined): void {
  if (co.ledger.balances.cash < co.ledger.balances.debt) { defaultOnDebt(world, co, covenantCause(world, co, test)); return; }
  const repaidCents = co.ledger.balances.debt;
  for (const d of co.debts) repayDebt(co, d, toUsd(d.principalCents));
  co.debts = co.debts.filter((d) => d.principalCents > 0);
  co.covenantBreaches = 0;
  if (co.index === 0) {
    pushNews(world, {
      id: `loans-called-${world.week}`, kind: 'finance', major: true,
      headline: msgOf('news.loansCalledRepaid.h'),
      explanation: msgOf('news.loansCalledRepaid.e', { usd: toUsd(repaidCents) }),
    });
  }
}

function restructure(world: World, co: Company): void {
  const f = world.scenario.finance;
  co.restructured = true;
  for (const d of co.debts) {
    const cut = Math.floor(d.principalCents * f.restructuringDebtCutShare);
    d.principalCents -= bookCents(co.ledger, 'debtForgiven', cut);
    // Claims are turned into a 3-year term loan.
    if (d.kind === 'claims') { d.maturityWeek = world.week + f.restructuredClaimsTermWeeks; d.amortizeToWeek = d.maturityWeek; d.amortizing = true; }
  }
  // Creditors receive `restructuringCreditorShare` of the company: s / (1 − s) new shares per old one.
  const newShares = Math.round(co.sharesOutstanding * f.restructuringCreditorShare / Math.max(0.01, 1 - f.restructuringCreditorShare));
  co.capTable.push({ holder: 'Creditors (restructuring)', shares: newShares, week: world.week, priceUsd: 0, lockedUntilWeek: world.week });
  co.sharesOutstanding += newShares;
  co.covenantBreaches = 0;
  co.covenantCureEndsWeek = null;
  co.marginCallDueWeek = null;
  co.priceShock *= f.restructuringPriceShockShare;
  const shares = { creditorsPct: Math.round(f.restructuringCreditorShare * 100), cutPct: Math.round(f.restructuringDebtCutShare * 100), oldPct: Math.round((1 - f.restructuringCreditorShare) * 100) };
  if (co.index === 0) pushNews(world, { id: `restructuring-${co.id}`, kind: 'finance', major: true, headline: msgOf('news.restructuring.h', shares), explanation: msgOf('news.restructuring.e', shares) });
}

/** Why a company ended: the message `bankrupt.<cause>` for the player; `BANKRUPT_REASONS` for the log and the CLI. */
export type BankruptCause = 'payment' | 'marginCall' | 'covenant';

/**
 * The English reason kept in the (hashed) state as `bankruptReason` / `statusReason`, read by the
 * CLI and the objectives' detail. The same words as `bankrupt.<cause>` in src/i18n/messages.ts
 * (a test checks they agree); the player sees the message id rendered in their language.
 */
export const BANKRUPT_REASONS: Record<BankruptCause, string> = {
  payment: 'missed a payment: cash ran out and no committed credit was left',
  marginCall: 'could not meet a margin call: its GPUs were worth too little for its GPU loans',
  covenant: 'breached its loan covenants and did not cure the breach in time, so lenders called the loans',
};

export function declareBankrupt(world: World, co: Company, cause: BankruptCause): void {
  const reason = BANKRUPT_REASONS[cause];
  co.status = 'bankrupt';
  co.bankruptWeek = world.week;
  co.bankruptReason = reason;
  co.lastValuationUsd = 0;
  if (co.listed) co.sharePriceUsd = 0.01;
  if (co.index === 0) {
    world.status = 'bankrupt';
    world.statusReason = `Bankrupt in week ${world.week}: ${reason}`;
    pushNews(world, { id: `bankrupt-${co.id}`, kind: 'company', major: true, headline: msgOf('news.bankrupt.h'), explanation: msgOf('news.bankrupt.e', { reason: `bankrupt.${cause}` }) });
  } else {
    // A failed rival's GPUs are dumped on the second-hand market and auctioned (fleet.ts).
    let gpus = 0;
    for (const l of co.lots) gpus += l.count;
    const x = world.scenario.market.exits;
    world.secondHandGlut = Math.min(1, world.secondHandGlut + Math.min(x.glutMaxPerBankruptcy, gpus / x.glutFleetGpus));
    const auction = auctionFleet(world, co);
    const explanation = auction.sold > 0
      ? msgOf('news.rivalBankruptResold.e', { name: co.name, gpus, sold: auction.sold })
      : msgOf('news.rivalBankrupt.e', { name: co.name, gpus });
    pushNews(world, { id: `bankrupt-${co.id}`, kind: 'company', major: true, headline: msgOf('news.rivalBankrupt.h', { name: co.name }), explanation });
  }
}
