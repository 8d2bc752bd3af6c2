/**
 * Requests for proposals from big customers: issued to cover demand that is not under contract
 * (and to renew expiring contracts), bid on by the player and rivals, awarded by price, delivery
 * certainty and the provider's standing.
 */
import type { Company, Rfp, World } from '../types.ts';
import { chance, nextFloat, nextInt } from '../rng.ts';
import { gpuModel, genMarket } from '../lookup.ts';
import { contractDiscount } from './demand.ts';
import { customerName } from './customers.ts';
import { perfH100e, gpusAvailableBy, contractedGpus, capacityH100e } from '../metrics.ts';
import { signContract, defaultContract } from '../contracts.ts';
import { HOURS_PER_WEEK } from '../money.ts';
import { pushNews } from '../news.ts';
import { msgOf } from '../msg.ts';
import { powerShortMw } from '../strategies/power.ts';
import { pow } from '../dmath.ts';

/** The model a big customer asks for now: the newest released generation it can use (sometimes the one before). */
function chooseModel(world: World, r: number): string | null {
  const released = world.market.gens.filter((g) => g.releaseWeek <= world.week).sort((a, b) => b.releaseWeek - a.releaseWeek || (a.modelId < b.modelId ? -1 : 1));
  if (released.length === 0) return null;
  const pick = r < 0.6 || released.length === 1 ? released[0]! : r < 0.85 ? released[1]! : released[Math.min(2, released.length - 1)]!;
  return pick.modelId;
}

/** The RFP segment whose customers have this credit quality (-1 when none). */
function segmentForCredit(world: World, credit: Rfp['credit']): number {
  return world.scenario.market.demand.segments.findIndex((s) => s.buysByRfp && s.credit === credit);
}

function openRfp(world: World, customerIndex: number, segmentIndex: number, modelId: string, gpuCount: number, termWeeks: number, incumbentIndex: number, name?: string): Rfp | null {
  const d = world.scenario.market.demand;
  const seg = d.segments[segmentIndex];
  const g = genMarket(world, modelId);
  if (!seg || !g || gpuCount < 8) return null;
  const closeWeek = world.week + d.rfpOpenWeeks - 1;
  const rfp: Rfp = {
    id: `r${world.nextId++}`,
    customerIndex,
    customerName: name ?? customerName(world, customerIndex),
    segment: seg.id,
    credit: seg.credit,
    modelId,
    gpuCount,
    termWeeks,
    startWeek: closeWeek + 1 + d.rfpLeadWeeks,
    closeWeek,
    // The customer's walk-away price: what a hyperscaler would charge on the same term.
    maxUsdPerGpuHour: Math.round(g.indexUsdPerGpuHour * d.hyperscalerPriceMultiple * (1 - contractDiscount(world, termWeeks)) * 100) / 100,
    prepaidShare: seg.prepaidShare,
    lateDeliveryPenaltyShare: seg.lateDeliveryPenaltyShare,
    bids: [],
    winnerIndex: null,
    winningUsdPerGpuHour: null,
    incumbentIndex,
  };
  world.rfps.push(rfp);
  if (customerIndex >= 0) world.customers.rfpOpen[customerIndex] = 1;
  return rfp;
}

/**
 * The provider a customer already runs most of its contracted capacity with (-1 when none): a buyer
 * expanding goes back to it first, which bids as incumbent — workloads, networks and people are there.
 */
function mainProvider(world: World, customerIndex: number): number {
  let best = -1, most = 0;
  if (customerIndex < 0) return -1;
  for (const co of world.companies) {
    if (co.status !== 'active') continue;
    let h = 0;
    for (const c of co.contracts) if (c.customerIndex === customerIndex && c.endWeek > world.week) h += c.gpuCount * perfH100e(world, c.modelId);
    if (h > most) { most = h; best = co.index; }
  }
  return best;
}

/** Contracted H100e per segment across all companies (live or starting later), plus open RFPs. */
function coveredBySegment(world: World): number[] {
  const segs = world.scenario.market.demand.segments;
  const covered = segs.map(() => 0);
  for (const co of world.companies) {
    if (co.status !== 'active') continue;
    for (const c of co.contracts) if (c.segment >= 0 && c.endWeek > world.week) covered[c.segment]! += c.gpuCount * perfH100e(world, c.modelId);
  }
  for (const r of world.rfps) {
    const s = segs.findIndex((x) => x.id === r.segment);
    if (s >= 0) covered[s]! += r.gpuCount * perfH100e(world, r.modelId);
  }
  return covered;
}

/** Issue new RFPs where contract demand is uncovered, and renewal RFPs for contracts about to end. */
export function issueRfps(world: World): void {
  const d = world.scenario.market.demand;
  const rng = world.rng.rfps;
  const covered = coveredBySegment(world);
  const rfpSegShare = d.segments.reduce((a, s) => a + (s.buysByRfp ? s.demandShare : 0), 0) || 1;
  // Renewals first: the incumbent gets a bid-price edge; a customer that is leaving excludes it.
  for (const co of world.companies) {
    if (co.status !== 'active') continue;
    for (const c of co.contracts) {
      if (c.renewalIssued) continue;
      if (c.endWeek - world.week !== d.rfpOpenWeeks + d.rfpLeadWeeks) continue;
      // A contract from the scenario's history renews through the segment that matches its credit.
      const segIndex = c.segment >= 0 ? c.segment : segmentForCredit(world, c.credit);
      if (segIndex < 0) continue;
      c.renewalIssued = true;
      const seg = d.segments[segIndex]!;
      const term = Math.max(seg.rfpTermWeeksMin, Math.min(seg.rfpTermWeeksMax, c.endWeek - c.startWeek));
      const modelId = chooseModel(world, nextFloat(rng)) ?? c.modelId;
      const h100e = c.gpuCount * perfH100e(world, c.modelId);
      const count = Math.max(8, Math.round(h100e / Math.max(0.05, perfH100e(world, modelId))));
      const r = openRfp(world, c.customerIndex, segIndex, modelId, count, term, c.leaving ? -2 - co.index : co.index, c.customerName);
      if (r) covered[segIndex]! += r.gpuCount * perfH100e(world, r.modelId);
    }
  }
  issueMegaDeal(world, covered);
  for (let s = 0; s < d.segments.length; s++) {
    const seg = d.segments[s]!;
    if (!seg.buysByRfp) continue;
    const gap = (world.market.segmentDemandH100e[s] ?? 0) - (covered[s] ?? 0);
    if (gap <= 0) continue;
    const lambda = (d.rfpPerYear / 52) * (seg.demandShare / rfpSegShare);
    let tries = Math.ceil(lambda);
    let issuedH100e = 0;
    while (tries-- > 0) {
      if (!chance(rng, Math.min(1, lambda))) continue;
      const u = nextFloat(rng);
      const size = Math.min(gap - issuedH100e, world.market.demandH100e * d.rfpMaxShareOfDemand * (0.1 + 0.9 * u * u));
      if (size <= 0) break;
      let agent = -1;
      for (let k = 0; k < 6 && agent < 0; k++) {
        const i = world.customers.segStart[s]! + nextInt(rng, world.customers.segEnd[s]! - world.customers.segStart[s]!);
        if (!world.customers.rfpOpen[i]) agent = i;
      }
      if (agent < 0) continue;
      const modelId = chooseModel(world, nextFloat(rng));
      if (!modelId) break;
      const count = Math.max(8, Math.round(size / Math.max(0.05, perfH100e(world, modelId))));
      const term = Math.round((seg.rfpTermWeeksMin + nextFloat(rng) * (seg.rfpTermWeeksMax - seg.rfpTermWeeksMin)) / 13) * 13 || seg.rfpTermWeeksMin;
      const r = openRfp(world, agent, s, modelId, count, term, mainProvider(world, agent));
      if (r) issuedH100e += r.gpuCount * perfH100e(world, modelId);
    }
  }
}

/**
 * A mega-deal: a hyperscaler or AI lab asks for a large multi-year block at once, sized to a share of
 * the largest neocloud's capacity (so it is lumpy for whoever wins it). Most come from the big buyer
 * already holding the most contracted capacity, as a follow-on where its workloads run (its provider
 * bids as incumbent): that is how one customer grows to most of a provider's revenue.
 */
function issueMegaDeal(world: World, covered: number[]): void {
  const d = world.scenario.market.demand;
  const rng = world.rng.rfps;
  if (d.megaDealsPerYear <= 0 || !chance(rng, Math.min(1, d.megaDealsPerYear / 52))) return;
  // The segment: a big-buyer (investment-grade or lab) contract segment, by demand share.
  const big = d.segments.map((seg, i) => ({ seg, i })).filter((x) => x.seg.buysByRfp && x.seg.credit !== 'startup');
  const totalShare = big.reduce((a, x) => a + x.seg.demandShare, 0);
  if (big.length === 0 || totalShare <= 0) return;
  let u = nextFloat(rng) * totalShare, s = big[big.length - 1]!.i;
  for (const x of big) { if (u < x.seg.demandShare) { s = x.i; break; } u -= x.seg.demandShare; }
  const gap = (world.market.segmentDemandH100e[s] ?? 0) - (covered[s] ?? 0);
  let largest = 0;
  for (const co of world.companies) {
    if (co.status !== 'active' || co.strategy === 'hyperscaler') continue;
    let h = capacityH100e(world, co, false);
    for (const o of co.orders) h += o.count * perfH100e(world, o.modelId);
    largest = Math.max(largest, h);
  }
  const share = d.megaDealShareOfCapacityMin + nextFloat(rng) * Math.max(0, d.megaDealShareOfCapacityMax - d.megaDealShareOfCapacityMin);
  const size = Math.min(gap, largest * share);
  const repeat = nextFloat(rng) < d.megaDealRepeatShare;
  const modelId = chooseModel(world, nextFloat(rng));
  const termRaw = d.megaDealTermWeeksMin + nextFloat(rng) * Math.max(0, d.megaDealTermWeeksMax - d.megaDealTermWeeksMin);
  if (size <= 0 || !modelId) return;
  // The customer: the segment's biggest existing buyer (a follow-on), else a new one.
  let agent = -1, incumbent = -1, most = 0;
  if (repeat) {
    for (const co of world.companies) {
      if (co.status !== 'active') continue;
      for (const c of co.contracts) {
        if (c.segment !== s || c.endWeek <= world.week || c.customerIndex < 0 || world.customers.rfpOpen[c.customerIndex]) continue;
        const h = c.gpuCount * perfH100e(world, c.modelId);
        if (h > most) { most = h; agent = c.customerIndex; incumbent = co.index; }
      }
    }
  }
  for (let k = 0; k < 6 && agent < 0; k++) {
    const i = world.customers.segStart[s]! + nextInt(rng, world.customers.segEnd[s]! - world.customers.segStart[s]!);
    if (!world.customers.rfpOpen[i]) agent = i;
  }
  if (agent < 0) return;
  if (incumbent < 0) incumbent = mainProvider(world, agent);
  const count = Math.max(8, Math.round(size / Math.max(0.05, perfH100e(world, modelId))));
  const term = Math.max(13, Math.round(termRaw / 13) * 13);
  const r = openRfp(world, agent, s, modelId, count, term, incumbent);
  if (r) covered[s]! += r.gpuCount * perfH100e(world, r.modelId);
}

/**
 * How sure a customer is that a bidder can deliver on time: 0 (certain) … 1 (no GPUs, no power, no
 * time). Two things can fail: the GPUs (not owned or on order, and no time to order them) and the
 * power (megawatts not in hand or securable by the start) — whichever is worse.
 */
export function deliveryRisk(world: World, co: Company, rfp: Rfp): number {
  const have = gpusAvailableBy(co, rfp.modelId, rfp.startWeek) - contractedGpus(co, rfp.modelId, rfp.startWeek);
  const short = Math.max(0, rfp.gpuCount - Math.max(0, have)) / rfp.gpuCount;
  const timeToOrder = rfp.startWeek - world.week >= world.market.leadTimeWeeks;
  const gpuRisk = short <= 0 ? 0 : timeToOrder ? 0.3 * short : short;
  // GPUs it already has for this deal already count in its load; new ones add to it.
  const newGpus = Math.min(rfp.gpuCount, Math.max(0, rfp.gpuCount - Math.max(0, have)));
  const needMw = (rfp.gpuCount * (gpuModel(world, rfp.modelId)?.kwPerGpu ?? 0)) / 1000;
  const extraMw = (newGpus * (gpuModel(world, rfp.modelId)?.kwPerGpu ?? 0)) / 1000;
  const powerRisk = needMw > 0 ? Math.min(1, powerShortMw(world, co, rfp.startWeek, extraMw) / needMw) : 0;
  return Math.max(gpuRisk, powerRisk);
}

/** Each company's share of all contracted GPUs (H100e, live or starting later) across active companies. */
export function contractShares(world: World): number[] {
  const h = world.companies.map(() => 0);
  let total = 0;
  for (const co of world.companies) {
    if (co.status !== 'active') continue;
    for (const c of co.contracts) {
      if (c.endWeek <= world.week) continue;
      const x = c.gpuCount * perfH100e(world, c.modelId);
      h[co.index]! += x;
      total += x;
    }
  }
  return h.map((x) => (total > 0 ? x / total : 0));
}

/** Award RFPs whose bidding closed this week. */
export function awardRfps(world: World): void {
  if (world.rfps.length === 0) return;
  const keep: Rfp[] = [];
  let share: number[] | null = null;
  const diversify = world.scenario.market.demand.supplierDiversification;
  const riskWeight = world.scenario.agents.powerPlanning.deliveryRiskWeight;
  for (const rfp of world.rfps) {
    if (rfp.closeWeek > world.week) { keep.push(rfp); continue; }
    if (rfp.customerIndex >= 0) world.customers.rfpOpen[rfp.customerIndex] = 0;
    share ??= contractShares(world);
    let best = -1, bestScore = Infinity, bestPrice = 0;
    for (const b of rfp.bids) {
      const co = world.companies[b.companyIndex];
      const none = { scoreUsd: null, deliveryRisk: 0, smallBidder: 0, diversification: 0, platformDiscount: 0, incumbent: false };
      if (!co || co.status !== 'active') { b.award = { ...none, excluded: 'inactive' }; continue; }
      if (b.usdPerGpuHour > rfp.maxUsdPerGpuHour) { b.award = { ...none, excluded: 'overMax' }; continue; }
      if (rfp.incumbentIndex === -2 - co.index) { b.award = { ...none, excluded: 'barred' }; continue; }
      const risk = deliveryRisk(world, co, rfp);
      // Standing: platform maturity, being the incumbent, and size relative to the deal.
      const size = capacityH100e(world, co, false);
      const small = Math.max(0, rfp.gpuCount * perfH100e(world, rfp.modelId) / Math.max(1, size + rfp.gpuCount) - 0.5);
      // Customers also weigh things the model does not see (relationships, software, timing): ±5% noise.
      const taste = 1 + 0.05 * (nextFloat(world.rng.rfps) * 2 - 1);
      // Supplier diversification: big buyers spread their capacity across providers rather than hand
      // one of them the whole market (Microsoft signed with several neoclouds at once).
      const score = b.usdPerGpuHour * (1 + riskWeight * risk + 0.1 * small + diversify * (share[co.index] ?? 0)) * (1 - 0.08 * co.platformMaturity) * (rfp.incumbentIndex === co.index ? 0.95 : 1) * taste;
      b.award = { scoreUsd: score, excluded: null, deliveryRisk: riskWeight * risk, smallBidder: 0.1 * small, diversification: diversify * (share[co.index] ?? 0), platformDiscount: 0.08 * co.platformMaturity, incumbent: rfp.incumbentIndex === co.index };
      if (score < bestScore - 1e-12 || (Math.abs(score - bestScore) <= 1e-12 && b.companyIndex < best)) { best = b.companyIndex; bestScore = score; bestPrice = b.usdPerGpuHour; }
    }
    if (best >= 0) {
      const co = world.companies[best]!;
      rfp.winnerIndex = best;
      rfp.winningUsdPerGpuHour = bestPrice;
      const segIndex = world.scenario.market.demand.segments.findIndex((s) => s.id === rfp.segment);
      signContract(world, co, {
        customerIndex: rfp.customerIndex, customerName: rfp.customerName, credit: rfp.credit, segment: segIndex, modelId: rfp.modelId,
        gpuCount: rfp.gpuCount, usdPerGpuHour: bestPrice, startWeek: rfp.startWeek, termWeeks: rfp.termWeeks,
        prepaidShare: rfp.prepaidShare, lateDeliveryPenaltyShare: rfp.lateDeliveryPenaltyShare,
      });
    }
    if (rfp.bids.some((b) => b.companyIndex === 0)) {
      const m = gpuModel(world, rfp.modelId)?.name ?? rfp.modelId;
      const value = rfp.gpuCount * (rfp.winningUsdPerGpuHour ?? 0) * HOURS_PER_WEEK * rfp.termWeeks;
      const won = rfp.winnerIndex === 0;
      const winner = rfp.winnerIndex !== null ? world.companies[rfp.winnerIndex]!.name : null;
      const customer = rfp.customerName;
      pushNews(world, {
        id: `rfp-${rfp.id}`, kind: 'rfp', major: won,
        headline: won
          ? msgOf('news.won.h', { customer, count: rfp.gpuCount, model: m, price: bestPrice })
          : winner === null ? msgOf('news.lostNobody.h', { customer })
            : rfp.winningUsdPerGpuHour ? msgOf('news.lostTo.h', { customer, winner, price: rfp.winningUsdPerGpuHour })
              : msgOf('news.lostToNoPrice.h', { customer, winner }),
        explanation: won
          ? msgOf('news.won.e', { weeks: rfp.termWeeks, valueUsd: value, start: rfp.startWeek })
          : msgOf('news.lost.e'),
      });
    }
    world.closedRfps.push(rfp);
  }
  world.rfps = keep;
  // Keep the last 200 closed requests, and every one the player bid on (its won/lost history).
  if (world.closedRfps.length > 200) {
    const cut = world.closedRfps.length - 200;
    world.closedRfps = world.closedRfps.filter((r, i) => i >= cut || r.bids.some((b) => b.companyIndex === 0));
  }
}

/** Contract customers may default (by segment credit); the contract stops. */
export function contractDefaults(world: World): void {
  const segs = world.scenario.market.demand.segments;
  const rng = world.rng.customers;
  const fundingStress = pow(1 / Math.max(0.1, world.market.sentiment), world.scenario.market.demand.defaultSentimentExponent);
  for (const co of world.companies) {
    if (co.status !== 'active') continue;
    for (const c of co.contracts) {
      if (c.segment < 0 || c.endWeek <= world.week) continue;
      // A customer's own funding shock: when equity sentiment sours, customers living on rounds default more.
      const p = ((segs[c.segment]?.defaultPerYearPct ?? 0) / 100 / 52) * fundingStress;
      if (p > 0 && chance(rng, p)) {
        defaultContract(world, co, c);
        if (co.index === 0) pushNews(world, { id: `default-${c.id}`, kind: 'company', major: true, headline: msgOf('news.customerDefault.h', { customer: c.customerName }), explanation: msgOf('news.customerDefault.e') });
      }
    }
  }
}
