/**
 * Take-or-pay contracts: signing (prepayment into deferred revenue), weekly delivery and billing,
 * late-delivery penalties, expiry (unearned prepayment refunded) and customer default.
 */
import type { Company, Contract, Credit, World } from './types.ts';
import { bookCents } from './ledger.ts';
import { toCents, HOURS_PER_WEEK } from './money.ts';
import { weekOf } from './calendar.ts';
import { pushNews } from './news.ts';
import { msgOf } from './msg.ts';

/**
 * Where a contract's delivery stands in week `week` (before that week is played): `notStarted`
 * before its start week; `notMeasured` while no week of it has been played — deliveries are counted
 * when a week is played, and the game's first week is week 0, so every opening contract (one signed
 * before the game began too) is unmeasured at week 0; then `full` or `short` as last week's delivery
 * (`deliveredGpus`) covered its GPUs or not.
 */
export type DeliveryStatus = 'notStarted' | 'notMeasured' | 'full' | 'short';

export function deliveryStatus(c: Pick<Contract, 'startWeek' | 'gpuCount' | 'deliveredGpus'>, week: number): DeliveryStatus {
  if (c.startWeek > week) return 'notStarted';
  if (week <= Math.max(c.startWeek, 0)) return 'notMeasured';
  return c.deliveredGpus < c.gpuCount ? 'short' : 'full';
}

export interface NewContract {
  customerIndex: number;
  customerName: string;
  credit: Credit;
  segment: number;
  modelId: string;
  gpuCount: number;
  usdPerGpuHour: number;
  startWeek: number;
  termWeeks: number;
  prepaidShare: number;
  lateDeliveryPenaltyShare: number;
}

export function signContract(world: World, co: Company, n: NewContract): Contract {
  const value = n.gpuCount * n.usdPerGpuHour * HOURS_PER_WEEK * n.termWeeks;
  const prepaid = bookCents(co.ledger, 'prepaymentReceived', toCents(value * n.prepaidShare));
  const c: Contract = {
    id: `c${co.nextId++}`,
    customerIndex: n.customerIndex,
    customerName: n.customerName,
    credit: n.credit,
    modelId: n.modelId,
    gpuCount: n.gpuCount,
    usdPerGpuHour: n.usdPerGpuHour,
    startWeek: n.startWeek,
    endWeek: n.startWeek + n.termWeeks,
    deferredCents: prepaid,
    prepaidPerWeekCents: Math.floor(prepaid / Math.max(1, n.termWeeks)),
    lateDeliveryPenaltyShare: n.lateDeliveryPenaltyShare,
    deliveredGpus: 0,
    leaving: false,
    renewalIssued: false,
    segment: n.segment,
  };
  co.contracts.push(c);
  void world;
  return c;
}

/** Week a scenario contract of the player is signed: its signedDate, or the start when omitted or earlier. */
function signedWeekOf(world: World, signedDate: string | undefined): number {
  return signedDate === undefined ? 0 : Math.max(0, weekOf(world.scenario.calendar.startDate, signedDate));
}

/**
 * Sign the player's scenario contracts due this week (history played as data: a contract signed
 * in March for delivery from October enters the backlog in March). Week 0 signs the opening book.
 */
export function signScenarioContracts(world: World): void {
  const player = world.companies[0];
  if (!player || player.status !== 'active') return;
  const start = world.scenario.calendar.startDate;
  for (const k of world.scenario.company.contracts) {
    if (signedWeekOf(world, k.signedDate) !== world.week) continue;
    const c = signContract(world, player, {
      customerIndex: -1, customerName: k.customerName, credit: k.credit, segment: -1, modelId: k.modelId, gpuCount: k.gpuCount,
      usdPerGpuHour: k.usdPerGpuHour, startWeek: weekOf(start, k.startDate), termWeeks: k.termWeeks, prepaidShare: k.prepaidShare, lateDeliveryPenaltyShare: k.lateDeliveryPenaltyShare,
    });
    if (world.week === 0) continue;
    const value = c.gpuCount * c.usdPerGpuHour * HOURS_PER_WEEK * k.termWeeks;
    pushNews(world, {
      id: `signed-${c.id}`, kind: 'company', major: true,
      headline: msgOf('news.signed.h', { customer: k.customerName, ...(k.customerNameZh ? { customer_zh: k.customerNameZh } : {}), weeks: k.termWeeks, count: k.gpuCount }),
      explanation: msgOf('news.signed.e', { valueUsd: value, start: k.startDate }),
    });
  }
}

/**
 * Each customer's key in `revenueByCustomer` (`c:` + its name), built once per name and reused every
 * contract-week instead of a fresh string each time (working memory shared by every world; it grows
 * with the distinct customer names only).
 */
const revenueKeys = new Map<string, string>();
function customerRevenueKey(customerName: string): string {
  let key = revenueKeys.get(customerName);
  if (key === undefined) { key = `c:${customerName}`; revenueKeys.set(customerName, key); }
  return key;
}

/**
 * Deliver and bill every live contract from installed GPUs of its model (oldest contract first).
 * `freeByModel` holds installed GPUs per model on entry and what is left for on-demand on exit.
 * Returns contract revenue, USD.
 */
export function deliverContracts(world: World, co: Company, freeByModel: Map<string, number>): number {
  let revenueCents = 0;
  for (const c of co.contracts) {
    if (world.week < c.startWeek || world.week >= c.endWeek) { c.deliveredGpus = 0; continue; }
    const free = freeByModel.get(c.modelId) ?? 0;
    const delivered = Math.min(c.gpuCount, free);
    freeByModel.set(c.modelId, free - delivered);
    c.deliveredGpus = delivered;
    const share = delivered / c.gpuCount;
    const weekValueCents = toCents(c.gpuCount * c.usdPerGpuHour * HOURS_PER_WEEK);
    const earnedCents = Math.round(weekValueCents * share);
    // The prepaid part of this week's revenue comes out of deferred revenue; the rest is billed.
    const fromPrepaid = Math.min(c.deferredCents, Math.round(c.prepaidPerWeekCents * share), earnedCents);
    c.deferredCents -= bookCents(co.ledger, 'revenueFromPrepaid', fromPrepaid);
    bookCents(co.ledger, 'revenueBilled', earnedCents - fromPrepaid);
    revenueCents += earnedCents;
    const key = customerRevenueKey(c.customerName);
    co.q.revenueByCustomer[key] = (co.q.revenueByCustomer[key] ?? 0) + earnedCents;
    co.q.contractRevenueCents += earnedCents;
    if (delivered < c.gpuCount) {
      bookCents(co.ledger, 'latePenalty', Math.round((weekValueCents - earnedCents) * c.lateDeliveryPenaltyShare));
    }
  }
  return revenueCents / 100;
}

/** Close contracts that ended: refund unearned prepayment; drop them. */
export function expireContracts(world: World, co: Company): void {
  if (!co.contracts.some((c) => c.endWeek <= world.week)) return;
  const keep: Contract[] = [];
  for (const c of co.contracts) {
    if (c.endWeek > world.week) { keep.push(c); continue; }
    bookCents(co.ledger, 'prepaymentRefunded', c.deferredCents);
    c.deferredCents = 0;
  }
  co.contracts = keep;
}

/** A customer defaults: the contract stops; the prepayment it forfeits is recognised as revenue. */
export function defaultContract(world: World, co: Company, c: Contract): void {
  c.deferredCents -= bookCents(co.ledger, 'revenueFromPrepaid', c.deferredCents);
  c.endWeek = Math.min(c.endWeek, world.week);
}
