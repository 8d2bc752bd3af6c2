/**
 * Requests for proposals from big customers: issued to cover demand that is not under contract
 * (and to renew expiring contracts), bid on by the player and rivals, awarded by price, delivery
 * certainty and the provider's standing.
 */
import type { Company, Rfp, World } from '../types.ts';
import { chance, nextFloat, nextInt } from '../rng.ts';
import { gpuModel, genMarket } from '../lookup.ts';
import { contractDiscount, segmentInferenceShare } from './demand.ts';
import { customerName } from './customers.ts';
import { perfH100e, gpusAvailableBy, contractedGpus, capacityH100e } from '../metrics.ts';
import { signContract, defaultContract } from '../contracts.ts';
import { HOURS_PER_WEEK } from '../money.ts';
import { pushNews } from '../news.ts';
import { msgOf } from '../msg.ts';
import { powerShortMw } from '../strategies/power.ts';
import { pow } from '../dmath.ts';
import { pathAt } from '../paths.ts';
import { WEEKS_PER_YEAR } from '../money.ts';

/** Floor on a model's H100e performance when converting H100e to GPUs (guards a division). */
const MIN_PERF_H100E = 0.05;
/** Closed requests kept for the record (besides every one the player bid on). */
const CLOSED_RFPS_KEPT = 200;
/** Contract terms are whole quarters, weeks. */
const TERM_STEP_WEEKS = 13;

/**
 * The model a big customer of segment `s` asks for now. A training deal asks for the newest
 * released generation (sometimes the one before, or the one before that). An inference deal — a
 * share of the segment's requests equal to its inference share (`segmentInferenceShare`) — asks for
 * the generation running somewhere whose rent buys the most inference (the lowest index per
 * H100-equivalent of inference performance): inference runs as well on an older chip, so when a
 * glut sinks an older generation's rent, contracts for it are signed (price-war-2025, played: 8,000
 * H100s and not one H100 request in five years, as no request ever asked for a generation older
 * than the third newest). `kind` is a draw in [0, 1) that picks inference or training, `r` one that
 * picks among the newest.
 */
function chooseModel(world: World, s: number, kind: number, r: number): string | null {
  if (kind < segmentInferenceShare(world, s)) {
    let best: string | null = null, bestUsd = Infinity;
    for (const g of world.market.gens) {
      if (g.releaseWeek > world.week || g.installedGpus <= 0) continue;
      const usdPerH100e = g.indexUsdPerGpuHour / Math.max(MIN_PERF_H100E, gpuModel(world, g.modelId)?.inferencePerfH100 ?? 0);
      if (usdPerH100e < bestUsd) { bestUsd = usdPerH100e; best = g.modelId; }
    }
    if (best) return best;
  }
  return newestModel(world, r);
}

/** The newest released generation (with `r` in [0, 1): sometimes the one before, or the one before that). */
function newestModel(world: World, r: number): string | null {
  const released = world.market.gens.filter((g) => g.releaseWeek <= world.week).sort((a, b) => b.releaseWeek - a.releaseWeek || (a.modelId < b.modelId ? -1 : 1));
  if (released.length === 0) return null;
  const d = world.scenario.market.demand;
  const pick = r < d.newestModelShare || released.length === 1 ? released[0]! : r < d.newestModelShare + d.previousModelShare ? released[1]! : released[Math.min(2, released.length - 1)]!;
  return pick.modelId;
}

/** The RFP segment whose customers have this credit quality (-1 when none). */
function segmentForCredit(world: World, credit: Rfp['credit']): number {
  return world.scenario.market.demand.segments.findIndex((s) => s.buysByRfp && s.credit === credit);
}

function openRfp(world: World, kind: Rfp['kind'], customerIndex: number, segmentIndex: number, modelId: string, gpuCount: number, termWeeks: number, incumbentIndex: number, name?: string, leadWeeks?: number): Rfp | null {
  const d = world.scenario.market.demand;
  const seg = d.segments[segmentIndex];
  const g = genMarket(world, modelId);
  if (!seg || !g || gpuCount < d.rfpMinGpus) return null;
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
    startWeek: closeWeek + 1 + (leadWeeks ?? d.rfpLeadWeeks),
    closeWeek,
    // The customer's walk-away price: what a hyperscaler would charge on the same term.
    maxUsdPerGpuHour: Math.round(g.indexUsdPerGpuHour * d.hyperscalerPriceMultiple * (1 - contractDiscount(world, termWeeks)) * 100) / 100,
    prepaidShare: seg.prepaidShare,
    lateDeliveryPenaltyShare: seg.lateDeliveryPenaltyShare,
    bids: [],
    winnerIndex: null,
    winningUsdPerGpuHour: null,
    incumbentIndex,
    kind,
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

/**
 * The customer of segment `s` that issues the next request (-1 when every draw found one with a
 * request already open). With `rfpBuyersBySize` a buyer is drawn in proportion to its size — the
 * agents' Pareto weights, the segment's demand they hold — so the few giants (a Microsoft, an OpenAI)
 * issue most of the requests, as they do; otherwise every customer of the segment is equally likely.
 */
function drawBuyer(world: World, s: number, rng: World['rng']['rfps'], bySize = world.scenario.market.demand.rfpBuyersBySize): number {
  const d = world.scenario.market.demand;
  const pool = world.customers;
  const start = pool.segStart[s]!, end = pool.segEnd[s]!;
  if (end <= start) return -1;
  for (let k = 0; k < d.rfpBuyerDraws; k++) {
    let i = start + nextInt(rng, end - start);
    if (bySize) {
      // Weights are normalised within the segment: walk the cumulative weight to the draw.
      let u = nextFloat(rng);
      i = end - 1;
      for (let j = start; j < end; j++) { u -= pool.weight[j]!; if (u < 0) { i = j; break; } }
    }
    if (!pool.rfpOpen[i]) return i;
  }
  return -1;
}

/** What customer `i` of segment `s` still needs under contract, H100e: its share of the segment's demand less its live contracts and open requests. */
function buyerNeedH100e(world: World, s: number, i: number): number {
  let have = 0;
  for (const co of world.companies) {
    if (co.status !== 'active') continue;
    for (const c of co.contracts) if (c.customerIndex === i && c.endWeek > world.week) have += c.gpuCount * perfH100e(world, c.modelId);
  }
  for (const r of world.rfps) if (r.customerIndex === i) have += r.gpuCount * perfH100e(world, r.modelId);
  return (world.customers.weight[i] ?? 0) * (world.market.segmentDemandH100e[s] ?? 0) - have;
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

/** Whether segment `s` is a big-buyer segment that signs mega-deals: contracts bought by RFP from hyperscalers or labs (not startups). */
function isBigBuyerSegment(world: World, s: number): boolean {
  const seg = world.scenario.market.demand.segments[s];
  return !!seg && seg.buysByRfp && seg.credit !== 'startup';
}

/**
 * Share of big-buyer segment `s`'s demand its customers leave to mega-deals (the ordinary requests
 * cover only the rest): `megaDealReservedShare` in a big-buyer segment while mega-deals are on, else 0.
 */
function megaDealReserve(world: World, s: number): number {
  const d = world.scenario.market.demand;
  return d.megaDealsPerYear > 0 && isBigBuyerSegment(world, s) ? d.megaDealReservedShare : 0;
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
      const modelId = chooseModel(world, segIndex, nextFloat(rng), nextFloat(rng)) ?? c.modelId;
      const h100e = c.gpuCount * perfH100e(world, c.modelId);
      const count = Math.max(d.rfpMinGpus, Math.round(h100e / Math.max(MIN_PERF_H100E, perfH100e(world, modelId))));
      const r = openRfp(world, 'renewal', c.customerIndex, segIndex, modelId, count, term, c.leaving ? -2 - co.index : co.index, c.customerName);
      if (r) covered[segIndex]! += r.gpuCount * perfH100e(world, r.modelId);
    }
  }
  issueMegaDeal(world, covered);
  for (let s = 0; s < d.segments.length; s++) {
    const seg = d.segments[s]!;
    if (!seg.buysByRfp) continue;
    const gap = (world.market.segmentDemandH100e[s] ?? 0) * (1 - megaDealReserve(world, s)) - (covered[s] ?? 0);
    if (gap <= 0) continue;
    const lambda = (d.rfpPerYear / 52) * (seg.demandShare / rfpSegShare);
    let tries = Math.ceil(lambda);
    let issuedH100e = 0;
    while (tries-- > 0) {
      if (!chance(rng, Math.min(1, lambda))) continue;
      const u = nextFloat(rng);
      let size = Math.min(gap - issuedH100e, world.market.demandH100e * d.rfpMaxShareOfDemand * (d.rfpMinSizeShare + (1 - d.rfpMinSizeShare) * u * u));
      if (size <= 0) break;
      const agent = drawBuyer(world, s, rng);
      if (agent < 0) continue;
      // Drawn by size, a customer asks for what it still needs (up to the largest RFP): its own share
      // of the segment's demand less what it already has under contract — a giant asks for a giant's
      // block, a small lab for a small one.
      if (d.rfpBuyersBySize) size = Math.min(gap - issuedH100e, world.market.demandH100e * d.rfpMaxShareOfDemand, buyerNeedH100e(world, s, agent));
      if (d.rfpBuyersBySize && size < d.rfpMinGpus * MIN_PERF_H100E) continue;
      const modelId = chooseModel(world, s, nextFloat(rng), nextFloat(rng));
      if (!modelId) break;
      const count = Math.max(d.rfpMinGpus, Math.round(size / Math.max(MIN_PERF_H100E, perfH100e(world, modelId))));
      const term = Math.round((seg.rfpTermWeeksMin + nextFloat(rng) * (seg.rfpTermWeeksMax - seg.rfpTermWeeksMin)) / TERM_STEP_WEEKS) * TERM_STEP_WEEKS || seg.rfpTermWeeksMin;
      const r = openRfp(world, 'new', agent, s, modelId, count, term, mainProvider(world, agent));
      if (r) issuedH100e += r.gpuCount * perfH100e(world, modelId);
    }
  }
}

/** A neocloud's capacity for a deal's sizing: GPUs owned and on order, H100e. */
function capacityWithOrdersH100e(world: World, co: Company): number {
  let h = capacityH100e(world, co, false);
  for (const o of co.orders) h += o.count * perfH100e(world, o.modelId);
  return h;
}

/**
 * What a contract segment will need at a future week and is not yet contracted for then, H100e: its
 * demand grown at today's growth rate, less the contracts that will still be live (or will have
 * started) by that week and the open requests. Big buyers contract ahead for the capacity they will
 * need, so a mega-deal is sized against demand at its start, not today's.
 */
function forwardGapH100e(world: World, s: number, atWeek: number): number {
  const growthPct = pathAt(world.paths.growthPct, world.week);
  const ahead = Math.max(0, atWeek - world.week) / WEEKS_PER_YEAR;
  const demand = (world.market.segmentDemandH100e[s] ?? 0) * pow(1 + Math.max(0, growthPct) / 100, ahead);
  const seg = world.scenario.market.demand.segments[s];
  let covered = 0;
  for (const co of world.companies) {
    if (co.status !== 'active') continue;
    for (const c of co.contracts) if (c.segment === s && c.endWeek > atWeek) covered += c.gpuCount * perfH100e(world, c.modelId);
  }
  for (const r of world.rfps) if (seg && r.segment === seg.id) covered += r.gpuCount * perfH100e(world, r.modelId);
  return demand - covered;
}

/**
 * A mega-deal: a hyperscaler or AI lab asks for a large multi-year block at once (Microsoft, OpenAI
 * and Meta with CoreWeave; Microsoft with Nebius), sized to a share of a neocloud's capacity so it is
 * lumpy for whoever wins it, and contracted ahead for the capacity the buyer will need when it starts.
 * Most come from the big buyer already holding the most contracted capacity, as a follow-on where its
 * workloads run (its provider bids as incumbent and the block is sized to that provider): that is how
 * one customer grows to most of a provider's revenue. The award is the ordinary scoring — price,
 * delivery risk (GPUs and power by the start), standing and the buyer's diversification.
 */
function issueMegaDeal(world: World, covered: number[]): void {
  const d = world.scenario.market.demand;
  const rng = world.rng.rfps;
  if (d.megaDealsPerYear <= 0 || !chance(rng, Math.min(1, d.megaDealsPerYear / WEEKS_PER_YEAR))) return;
  // The segment: a big-buyer (investment-grade or lab) contract segment, by demand share.
  const big = d.segments.map((seg, i) => ({ seg, i })).filter((x) => isBigBuyerSegment(world, x.i));
  const totalShare = big.reduce((a, x) => a + x.seg.demandShare, 0);
  if (big.length === 0 || totalShare <= 0) return;
  let u = nextFloat(rng) * totalShare, s = big[big.length - 1]!.i;
  for (const x of big) { if (u < x.seg.demandShare) { s = x.i; break; } u -= x.seg.demandShare; }
  const share = d.megaDealShareOfCapacityMin + nextFloat(rng) * Math.max(0, d.megaDealShareOfCapacityMax - d.megaDealShareOfCapacityMin);
  const repeat = nextFloat(rng) < d.megaDealRepeatShare;
  // A mega-deal is a training cluster: the newest generation.
  const modelId = newestModel(world, nextFloat(rng));
  const termRaw = d.megaDealTermWeeksMin + nextFloat(rng) * Math.max(0, d.megaDealTermWeeksMax - d.megaDealTermWeeksMin);
  if (!modelId) return;
  // The customer: the segment's biggest existing buyer (a follow-on), else a new one.
  let agent = -1, most = 0;
  if (repeat) {
    // The buyer with the most contracted capacity in the segment, across all its providers — or, with
    // `megaDealFollowOnByHolding`, a buyer drawn in proportion to the capacity it holds.
    const held = new Map<number, number>();
    let all = 0;
    for (const co of world.companies) {
      if (co.status !== 'active') continue;
      for (const c of co.contracts) {
        if (c.segment !== s || c.endWeek <= world.week || c.customerIndex < 0 || world.customers.rfpOpen[c.customerIndex]) continue;
        const x = c.gpuCount * perfH100e(world, c.modelId);
        const h = (held.get(c.customerIndex) ?? 0) + x;
        all += x;
        held.set(c.customerIndex, h);
        if (h > most) { most = h; agent = c.customerIndex; }
      }
    }
    if (d.megaDealFollowOnByHolding && all > 0) {
      let v = nextFloat(rng) * all;
      for (const [i, h] of held) { agent = i; v -= h; if (v < 0) break; }
    }
  }
  // A new block comes from a buyer big enough to need it: with `megaDealBuyersBySize`, drawn by size.
  if (agent < 0) agent = drawBuyer(world, s, rng, d.rfpBuyersBySize || d.megaDealBuyersBySize);
  if (agent < 0) return;
  const incumbent = mainProvider(world, agent);
  // Sized to the provider it expands with (a follow-on), else to the largest neocloud able to take it.
  let base = 0;
  const inc = incumbent >= 0 ? world.companies[incumbent] : undefined;
  if (inc && inc.strategy !== 'hyperscaler') base = capacityWithOrdersH100e(world, inc);
  else for (const co of world.companies) if (co.status === 'active' && co.strategy !== 'hyperscaler') base = Math.max(base, capacityWithOrdersH100e(world, co));
  // Contracted 6–12 months ahead: with `megaDealLeadWeeksMax` above the shortest lead, each block's lead is drawn between them.
  const lead = d.megaDealLeadWeeksMax > d.megaDealLeadWeeks ? d.megaDealLeadWeeks + Math.round(nextFloat(rng) * (d.megaDealLeadWeeksMax - d.megaDealLeadWeeks)) : d.megaDealLeadWeeks;
  const startWeek = world.week + d.rfpOpenWeeks + lead;
  const size = Math.min(forwardGapH100e(world, s, startWeek), base * share);
  // No room in the buyer's forward need for a block of at least the smallest mega-deal size: no deal.
  if (size < base * d.megaDealShareOfCapacityMin || size <= 0) return;
  const count = Math.max(d.rfpMinGpus, Math.round(size / Math.max(MIN_PERF_H100E, perfH100e(world, modelId))));
  const term = Math.max(TERM_STEP_WEEKS, Math.round(termRaw / TERM_STEP_WEEKS) * TERM_STEP_WEEKS);
  const r = openRfp(world, 'megaDeal', agent, s, modelId, count, term, incumbent, undefined, lead);
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
  const gpuRisk = short <= 0 ? 0 : timeToOrder ? world.scenario.market.demand.orderableGpuRiskShare * short : short;
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
  const d = world.scenario.market.demand;
  const diversify = d.supplierDiversification;
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
      // Renewal competition off (the ablation): the customer asks only its incumbent to renew.
      if (rfp.kind === 'renewal' && !d.renewalCompetition && rfp.incumbentIndex >= 0 && co.index !== rfp.incumbentIndex) { b.award = { ...none, excluded: 'notInvited' }; continue; }
      const risk = deliveryRisk(world, co, rfp);
      // Standing: platform maturity, being the incumbent, and size relative to the deal.
      const size = capacityH100e(world, co, false);
      const small = d.smallBidderPenalty * Math.max(0, rfp.gpuCount * perfH100e(world, rfp.modelId) / Math.max(1, size + rfp.gpuCount) - d.smallBidderFreeShare);
      // Customers also weigh things the model does not see (relationships, software, timing).
      const taste = 1 + (d.awardTastePct / 100) * (nextFloat(world.rng.rfps) * 2 - 1);
      const incumbent = rfp.incumbentIndex === co.index;
      // Supplier diversification: big buyers spread their capacity across providers rather than hand
      // one of them the whole market (Microsoft signed with several neoclouds at once).
      const diversification = diversify * (share[co.index] ?? 0);
      const platform = d.platformScoreDiscount * co.platformMaturity;
      const score = b.usdPerGpuHour * (1 + riskWeight * risk + small + diversification) * (1 - platform) * (incumbent ? 1 - d.incumbentScoreDiscount : 1) * taste;
      b.award = { scoreUsd: score, excluded: null, deliveryRisk: riskWeight * risk, smallBidder: small, diversification, platformDiscount: platform, incumbent };
      if (score < bestScore - 1e-12 || (Math.abs(score - bestScore) <= 1e-12 && b.companyIndex < best)) { best = b.companyIndex; bestScore = score; bestPrice = b.usdPerGpuHour; }
    }
    // An expansion: a mega-deal from a buyer already running with a neocloud goes to that provider
    // whenever it bid within the walk-away price (and was not excluded); the others are the fallback.
    if (rfp.kind === 'megaDeal' && d.megaDealExpansionFirstOffer && rfp.incumbentIndex >= 0 && world.companies[rfp.incumbentIndex]?.strategy !== 'hyperscaler') {
      const inc = rfp.bids.find((b) => b.companyIndex === rfp.incumbentIndex && b.award?.scoreUsd != null);
      if (inc) { best = inc.companyIndex; bestPrice = inc.usdPerGpuHour; }
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
            : rfp.winningUsdPerGpuHour ? msgOf('news.lostToFor.h', { customer, winner, count: rfp.gpuCount, model: m, price: rfp.winningUsdPerGpuHour })
              : msgOf('news.lostToNoPrice.h', { customer, winner }),
        explanation: won
          ? msgOf('news.won.e', { weeks: rfp.termWeeks, valueUsd: value, start: rfp.startWeek })
          : msgOf('news.lost.e'),
      });
    }
    world.closedRfps.push(rfp);
  }
  world.rfps = keep;
  // Keep the last closed requests, and every one the player bid on (its won/lost history).
  if (world.closedRfps.length > CLOSED_RFPS_KEPT) {
    const cut = world.closedRfps.length - CLOSED_RFPS_KEPT;
    world.closedRfps = world.closedRfps.filter((r, i) => i >= cut || r.bids.some((b) => b.companyIndex === 0));
  }
}

/** Contract customers may default (by segment credit); the contract stops. */
export function contractDefaults(world: World): void {
  const segs = world.scenario.market.demand.segments;
  const rng = world.rng.customers;
  const fundingStress = pow(1 / Math.max(world.scenario.market.demand.defaultSentimentFloor, world.market.sentiment), world.scenario.market.demand.defaultSentimentExponent);
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
