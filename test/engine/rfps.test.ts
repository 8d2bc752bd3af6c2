/**
 * RFP awards: big customers weigh price against delivery risk, standing and how much of the market's
 * contracted capacity the bidder already holds (supplier diversification).
 */
import { describe, expect, it } from 'vitest';
import { awardRfps, contractShares, contractDefaults, issueRfps } from '../../src/engine/market/rfps.ts';
import { signContract } from '../../src/engine/contracts.ts';
import type { Rfp, World } from '../../src/engine/types.ts';
import { player, variant, world } from './helpers.ts';
import { step } from '../../src/engine/api.ts';
import { loadBundledScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema/index.ts';
import { render } from '../../src/i18n/render.ts';
import { EN_MESSAGES, ZH_MESSAGES } from '../../src/i18n/messages.ts';

function rfpWithBids(w: World, bids: [number, number][], o: Partial<Rfp> = {}): Rfp {
  const rfp: Rfp = {
    id: 'rtest', customerIndex: -1, customerName: 'Test Lab', segment: 'hyperscaler', credit: 'ig', modelId: 'h100', gpuCount: 200, termWeeks: 156,
    startWeek: w.week + 30, closeWeek: w.week, maxUsdPerGpuHour: 10, prepaidShare: 0, lateDeliveryPenaltyShare: 0.25,
    bids: bids.map(([companyIndex, usdPerGpuHour]) => ({ companyIndex, usdPerGpuHour, week: w.week })), winnerIndex: null, winningUsdPerGpuHour: null, incumbentIndex: -1, kind: 'new', ...o,
  };
  w.rfps.push(rfp);
  return rfp;
}

describe('supplier diversification', () => {
  it('contract shares: each company\'s part of all contracted H100e, summing to 1', () => {
    const w = world();
    const s = contractShares(w);
    expect(s[0]).toBe(1); // only the player starts with a contract
    expect(s.slice(1).every((x) => x === 0)).toBe(true);
  });

  it('a bidder that already holds the market\'s contracts loses to a dearer one when customers diversify, and wins when they do not', () => {
    const winner = (diversify: number) => {
      const w = world(variant((s) => { s.market.demand.supplierDiversification = diversify; s.market.demand.customerAgents = 300; }));
      // The player holds 100% of contracted GPUs and bids 20% below the rival (both own H100s).
      const rfp = rfpWithBids(w, [[0, 1.6], [1, 2.0]]);
      awardRfps(w);
      expect(player(w).contracts.length + w.companies[1]!.contracts.length).toBe(2);
      return rfp.winnerIndex;
    };
    expect(winner(0)).toBe(0);
    expect(winner(2)).toBe(1);
  });
});

describe('the news of a lost bid', () => {
  it('names the winner, the GPUs and the price, in both languages', () => {
    const w = world(variant((s) => { s.market.demand.supplierDiversification = 0; s.market.demand.customerAgents = 300; }));
    rfpWithBids(w, [[0, 2.4], [1, 1.2]]);
    awardRfps(w);
    const n = w.news.find((x) => x.id === 'rfp-rtest')!;
    if (!('id' in n.headline)) throw new Error('a lost bid\'s headline is a message id with parameters');
    const rival = w.companies[1]!.name;
    expect(render('en', { en: EN_MESSAGES, zh: ZH_MESSAGES }, n.headline.id, n.headline.params)).toBe(`Test Lab chose ${rival} for 200 H100 at $1.20/hr`);
    expect(render('zh-CN', { en: EN_MESSAGES, zh: ZH_MESSAGES }, n.headline.id, n.headline.params)).toBe(`Test Lab 以每小时 $1.20 选择了 ${rival}：200 块 H100`);
  });
});

describe('renewals are tendered', () => {
  it('a rival\'s much cheaper bid takes an expiring contract from its incumbent; with renewal competition off only the incumbent is asked', () => {
    const winner = (competition: boolean) => {
      const w = world(variant((s) => { s.market.demand.renewalCompetition = competition; s.market.demand.supplierDiversification = 0; s.market.demand.customerAgents = 300; }));
      const rfp = rfpWithBids(w, [[0, 2.0], [1, 1.2]], { kind: 'renewal', incumbentIndex: 0 });
      awardRfps(w);
      return { winner: rfp.winnerIndex, rival: rfp.bids.find((b) => b.companyIndex === 1)!.award?.excluded };
    };
    expect(winner(true)).toEqual({ winner: 1, rival: null });
    expect(winner(false)).toEqual({ winner: 0, rival: 'notInvited' });
  });

  it('new requests are open to everybody even with renewal competition off', () => {
    const w = world(variant((s) => { s.market.demand.renewalCompetition = false; s.market.demand.supplierDiversification = 0; s.market.demand.customerAgents = 300; }));
    const rfp = rfpWithBids(w, [[0, 2.0], [1, 1.2]], { kind: 'new', incumbentIndex: 0 });
    awardRfps(w);
    expect(rfp.winnerIndex).toBe(1);
  });
});

describe('customers\' own funding shocks', () => {
  /** How many of 2,000 small lab contracts default in one week at this sentiment, with the demand settings patched. */
  const labDefaults = (sentiment: number, patch: (d: Scenario['market']['demand']) => void) => {
    const w = world(variant((s) => { patch(s.market.demand); s.market.demand.customerAgents = 300; }));
    w.market.sentiment = sentiment;
    const p = player(w);
    for (let i = 0; i < 2000; i++) signContract(w, p, { customerIndex: -1, customerName: `Lab ${i}`, credit: 'nonIg', segment: 1, modelId: 'h100', gpuCount: 8, usdPerGpuHour: 2, startWeek: 0, termWeeks: 104, prepaidShare: 0, lateDeliveryPenaltyShare: 0.2 });
    contractDefaults(w);
    return p.contracts.filter((c) => c.customerName.startsWith('Lab ') && c.endWeek <= w.week).length;
  };
  it('contract customers default more often when equity sentiment is low, and equally often when defaults ignore markets', () => {
    const defaults = (sentiment: number, exponent: number) => labDefaults(sentiment, (d) => { d.defaultSentimentExponent = exponent; d.segments[1]!.defaultPerYearPct = 100; });
    const warm = defaults(1, 1), cold = defaults(0.4, 1);
    expect(warm).toBeGreaterThan(10);
    expect(cold).toBeGreaterThan(1.8 * warm);
    expect(Math.abs(defaults(0.4, 0) - warm)).toBeLessThan(0.5 * warm);
  });

  it('below defaultSentimentFloor a colder market raises defaults no further', () => {
    const defaults = (sentiment: number, floor: number) => labDefaults(sentiment, (d) => { d.defaultSentimentFloor = floor; d.segments[1]!.defaultPerYearPct = 20; });
    // Floor 0.5: sentiment 0.1 counts as 0.5 (2× the base rate), not 10×.
    const floored = defaults(0.1, 0.5), open = defaults(0.1, 0.05), atFloor = defaults(0.5, 0.5);
    expect(atFloor).toBeGreaterThan(5);
    expect(Math.abs(floored - atFloor)).toBeLessThan(0.5 * atFloor + 3);
    expect(open).toBeGreaterThan(3 * floored);
  });
});

describe('customer sizes and temperaments', () => {
  it('a heavier size tail gives a segment\'s largest customer more of its demand; price sensitivities stay within their draw', () => {
    const pool = (tail: number) => world(variant((s) => { s.market.demand.customerSizeTailExponent = tail; s.market.demand.customerSensitivityMin = 0.8; s.market.demand.customerSensitivityRange = 0.4; s.market.demand.customerAgents = 5000; })).customers;
    const largest = (c: ReturnType<typeof pool>) => {
      let m = 0;
      for (let s = 0; s < c.segStart.length; s++) for (let i = c.segStart[s]!; i < c.segEnd[s]!; i++) m = Math.max(m, c.weight[i]!);
      return m;
    };
    const light = pool(0.3), heavy = pool(1.2);
    expect(largest(heavy)).toBeGreaterThan(2 * largest(light));
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < heavy.count; i++) { lo = Math.min(lo, heavy.sensitivity[i]!); hi = Math.max(hi, heavy.sensitivity[i]!); }
    expect(lo).toBeGreaterThanOrEqual(0.8 - 1e-6);
    expect(hi).toBeLessThanOrEqual(1.2 + 1e-6);
    expect(hi - lo).toBeGreaterThan(0.35);
  });
});

describe('big buyers', () => {
  it('with buyers drawn by size, the segment\'s giant issues a larger share of the requests than its head count would give it', () => {
    const share = (bySize: boolean) => {
      const w = world(variant((s) => { s.market.demand.rfpBuyersBySize = bySize; s.market.demand.megaDealsPerYear = 0; s.market.demand.rfpPerYear = 300; }));
      const seg = w.scenario.market.demand.segments.findIndex((x) => x.id === 'ailab');
      const start = w.customers.segStart[seg]!, end = w.customers.segEnd[seg]!;
      let giant = start;
      for (let i = start; i < end; i++) if (w.customers.weight[i]! > w.customers.weight[giant]!) giant = i;
      let fromGiant = 0, all = 0;
      for (let week = 0; week < 60; week++) {
        w.week = week;
        // Demand grows so requests keep coming; each request is closed at once (nobody bids).
        w.market.segmentDemandH100e[seg] = 50_000 * (1 + week);
        issueRfps(w);
        for (const r of w.rfps) if (r.segment === 'ailab' && r.kind === 'new') { all++; if (r.customerIndex === giant) fromGiant++; }
        for (const r of w.rfps) w.customers.rfpOpen[r.customerIndex] = 0;
        w.rfps = [];
      }
      return { share: fromGiant / Math.max(1, all), all, weight: w.customers.weight[giant]!, n: end - start };
    };
    const by = share(true), flat = share(false);
    expect(by.all).toBeGreaterThan(50);
    expect(by.share).toBeGreaterThan(0.5 * by.weight);
    expect(flat.share).toBeLessThan(3 / flat.n + 0.02);
    expect(by.share).toBeGreaterThan(2 * flat.share);
  });
});

describe('mega-deal expansions', () => {
  it('an expansion goes to the buyer\'s provider when it bids, even against a cheaper rival; tendered (the ablation) the cheaper bid wins', () => {
    const award = (firstOffer: boolean, bids: [number, number][]) => {
      const w = world(variant((s) => { s.market.demand.megaDealExpansionFirstOffer = firstOffer; s.market.demand.supplierDiversification = 0; s.market.demand.customerAgents = 300; }));
      const rfp = rfpWithBids(w, bids, { kind: 'megaDeal', incumbentIndex: 0, termWeeks: 260 });
      awardRfps(w);
      return { winner: rfp.winnerIndex, price: rfp.winningUsdPerGpuHour };
    };
    // The player is the buyer's provider and bids 25% above the rival.
    expect(award(true, [[0, 2.0], [1, 1.5]])).toEqual({ winner: 0, price: 2.0 });
    expect(award(false, [[0, 2.0], [1, 1.5]])).toEqual({ winner: 1, price: 1.5 });
    // An incumbent that did not bid, or bid over the buyer's walk-away price, leaves it to the others.
    expect(award(true, [[1, 1.5]]).winner).toBe(1);
    expect(award(true, [[0, 11], [1, 1.5]]).winner).toBe(1);
  });

  it('follow-ons by holding: every big buyer with contracted capacity expands, in proportion to what it holds; without it only the largest does', () => {
    const buyers = (byHolding: boolean) => {
      const w = world(variant((s) => { s.market.demand.megaDealFollowOnByHolding = byHolding; s.market.demand.megaDealsPerYear = 52; s.market.demand.megaDealRepeatShare = 1; s.market.demand.rfpPerYear = 0; s.market.demand.customerAgents = 1000; }));
      const seg = w.scenario.market.demand.segments.findIndex((x) => x.id === 'hyperscaler');
      const start = w.customers.segStart[seg]!;
      // Two buyers of the hyperscaler segment hold contracts with the player: one 3× the other.
      expect(w.customers.segEnd[seg]! - start).toBeGreaterThan(2);
      const p = player(w);
      for (const [k, n] of [[0, 3000], [1, 1000]] as const) signContract(w, p, { customerIndex: start + k, customerName: `Buyer ${k}`, credit: 'ig', segment: seg, modelId: 'h100', gpuCount: n, usdPerGpuHour: 2, startWeek: 0, termWeeks: 520, prepaidShare: 0, lateDeliveryPenaltyShare: 0.2 });
      const from = new Map<number, number>();
      for (let week = 1; week < 400; week++) {
        w.week = week;
        w.market.segmentDemandH100e[seg] = 1e7;
        issueRfps(w);
        for (const r of w.rfps) if (r.kind === 'megaDeal' && r.segment === 'hyperscaler') from.set(r.customerIndex, (from.get(r.customerIndex) ?? 0) + 1);
        for (const r of w.rfps) w.customers.rfpOpen[r.customerIndex] = 0;
        w.rfps = [];
      }
      return { big: from.get(start) ?? 0, small: from.get(start + 1) ?? 0 };
    };
    const held = buyers(true), largest = buyers(false);
    expect(held.big + held.small).toBeGreaterThan(100);
    expect(held.small).toBeGreaterThan(0.15 * (held.big + held.small));
    expect(held.big).toBeGreaterThan(held.small);
    expect(largest.small).toBe(0);
    expect(largest.big).toBeGreaterThan(100);
  });
});

describe('big buyers buy blocks', () => {
  /** H100e of ordinary ('new') requests opened in a segment over `weeks`, with its demand held fixed and nothing awarded. */
  const newRequestH100e = (reserved: number, megaDealsPerYear: number) => {
    const w = world(variant((s) => { s.market.demand.megaDealReservedShare = reserved; s.market.demand.megaDealsPerYear = megaDealsPerYear; s.market.demand.rfpPerYear = 300; }));
    const seg = w.scenario.market.demand.segments.findIndex((x) => x.id === 'hyperscaler');
    for (let week = 0; week < 80; week++) {
      w.week = week;
      w.market.segmentDemandH100e[seg] = 40_000;
      issueRfps(w);
      // Mega-deals are closed at once (nobody bids); ordinary requests stay open and count as covered.
      w.rfps = w.rfps.filter((r) => { if (r.kind === 'megaDeal') w.customers.rfpOpen[r.customerIndex] = 0; return r.kind !== 'megaDeal'; });
    }
    return w.rfps.filter((r) => r.segment === 'hyperscaler').reduce((a, r) => a + r.gpuCount * (r.modelId === 'a100' ? 0.5 : 1), 0);
  };
  it('ordinary requests cover only the share big buyers do not keep for mega-deals; with mega-deals off (the ablation) they cover it all', () => {
    const all = newRequestH100e(0, 4), kept = newRequestH100e(0.6, 4), off = newRequestH100e(0.6, 0);
    // Requests of the newest generations are counted at ≥ 1 H100e per GPU, so these are upper bounds on the H100e asked for.
    expect(all).toBeGreaterThan(0.5 * 40_000);
    expect(kept).toBeLessThan(0.5 * all);
    expect(off).toBeGreaterThan(0.8 * all);
  });

  it('a new mega-deal comes from a giant when buyers are drawn by size; without it from any buyer of the segment', () => {
    const giantShare = (bySize: boolean) => {
      const w = world(variant((s) => { s.market.demand.megaDealBuyersBySize = bySize; s.market.demand.megaDealsPerYear = 52; s.market.demand.megaDealRepeatShare = 0; s.market.demand.rfpPerYear = 0; s.market.demand.customerAgents = 3000; }));
      const seg = w.scenario.market.demand.segments.findIndex((x) => x.id === 'ailab');
      const start = w.customers.segStart[seg]!, end = w.customers.segEnd[seg]!;
      // The giants: the fewest buyers holding half the segment's weight.
      const order = Array.from({ length: end - start }, (_, k) => start + k).sort((a, b) => w.customers.weight[b]! - w.customers.weight[a]!);
      const giants = new Set<number>();
      let held = 0;
      for (const i of order) { if (held >= 0.5) break; giants.add(i); held += w.customers.weight[i]!; }
      let fromGiants = 0, all = 0;
      for (let week = 1; week < 600; week++) {
        w.week = week;
        for (let s = 0; s < w.market.segmentDemandH100e.length; s++) w.market.segmentDemandH100e[s] = 1e7;
        issueRfps(w);
        for (const r of w.rfps) if (r.kind === 'megaDeal' && r.segment === 'ailab') { all++; if (giants.has(r.customerIndex)) fromGiants++; }
        for (const r of w.rfps) w.customers.rfpOpen[r.customerIndex] = 0;
        w.rfps = [];
      }
      return { share: fromGiants / Math.max(1, all), all, headShare: giants.size / (end - start) };
    };
    const by = giantShare(true), flat = giantShare(false);
    expect(by.all).toBeGreaterThan(50);
    expect(by.headShare).toBeLessThan(0.3);
    expect(by.share).toBeGreaterThan(0.35);
    expect(flat.share).toBeLessThan(by.headShare + 0.15);
  });
});

describe('the anchor buyer and mega-deal leads', () => {
  /** The hyperscaler segment's customer range and weights. */
  const igPool = (anchor: number, bySize = false) => {
    const w = world(variant((s) => { s.market.demand.anchorBuyerShareOfSegment = anchor; s.market.demand.megaDealBuyersBySize = bySize; s.market.demand.megaDealsPerYear = 52; s.market.demand.megaDealRepeatShare = 0; s.market.demand.rfpPerYear = 0; s.market.demand.customerAgents = 5000; s.market.demand.customerSizeTailExponent = 0.3; }));
    const seg = w.scenario.market.demand.segments.findIndex((x) => x.id === 'hyperscaler');
    return { w, seg, start: w.customers.segStart[seg]!, end: w.customers.segEnd[seg]! };
  };
  // A light size tail (0.3), so no drawn giant is already as large as the anchor.
  it('the hyperscaler segment\'s largest customer holds the anchor share; the others keep their proportions; other segments and 0 (the ablation) are untouched; a larger share asked than drawn only', () => {
    const on = igPool(0.65), off = igPool(0);
    const weights = (p: typeof on) => Array.from(p.w.customers.weight.slice(p.start, p.end));
    const a = weights(on), b = weights(off);
    const top = b.indexOf(Math.max(...b));
    expect(a[top]).toBeCloseTo(0.65, 12);
    expect(a.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
    // Off: the drawn Pareto weights, whose largest is well below the anchor's share.
    expect(b[top]!).toBeLessThan(0.5);
    const others = b.map((_, k) => k).filter((k) => k !== top);
    for (const k of others) expect(a[k]! / b[k]!).toBeCloseTo(0.35 / (1 - b[top]!), 9);
    // The lab segment (non-investment-grade) is the same pool in both.
    const lab = on.w.scenario.market.demand.segments.findIndex((x) => x.id === 'ailab');
    for (let i = on.w.customers.segStart[lab]!; i < on.w.customers.segEnd[lab]!; i++) expect(on.w.customers.weight[i]).toBe(off.w.customers.weight[i]);
    // An anchor share below the drawn giant's leaves the drawn weights.
    expect(weights(igPool(b[top]! / 2))).toEqual(b);
  });
  it('drawn by size, most new hyperscaler mega-deals come from the anchor; without an anchor they spread over the segment', () => {
    const fromTop = (anchor: number) => {
      const { w, start, end } = igPool(anchor, true);
      let top = start;
      for (let i = start; i < end; i++) if (w.customers.weight[i]! > w.customers.weight[top]!) top = i;
      let n = 0, all = 0;
      for (let week = 1; week < 400; week++) {
        w.week = week;
        for (let s = 0; s < w.market.segmentDemandH100e.length; s++) w.market.segmentDemandH100e[s] = 1e7;
        issueRfps(w);
        for (const r of w.rfps) if (r.kind === 'megaDeal' && r.segment === 'hyperscaler') { all++; if (r.customerIndex === top) n++; }
        for (const r of w.rfps) w.customers.rfpOpen[r.customerIndex] = 0;
        w.rfps = [];
      }
      return { share: n / Math.max(1, all), all };
    };
    const on = fromTop(0.65), off = fromTop(0);
    expect(on.all).toBeGreaterThan(40);
    expect(on.share).toBeGreaterThan(0.5);
    expect(off.share).toBeLessThan(on.share - 0.2);
  });
  it('with megaDealLeadWeeksMax each block starts between the shortest and longest lead after its close; without it every block has the shortest lead', () => {
    const leads = (max: number) => {
      const w = world(variant((s) => { s.market.demand.megaDealLeadWeeks = 26; s.market.demand.megaDealLeadWeeksMax = max; s.market.demand.megaDealsPerYear = 52; s.market.demand.megaDealRepeatShare = 0; s.market.demand.rfpPerYear = 0; }));
      const out: number[] = [];
      for (let week = 1; week < 300; week++) {
        w.week = week;
        for (let s = 0; s < w.market.segmentDemandH100e.length; s++) w.market.segmentDemandH100e[s] = 1e7;
        issueRfps(w);
        for (const r of w.rfps) if (r.kind === 'megaDeal') out.push(r.startWeek - r.closeWeek - 1);
        for (const r of w.rfps) w.customers.rfpOpen[r.customerIndex] = 0;
        w.rfps = [];
      }
      return out;
    };
    const drawn = leads(52), fixed = leads(0);
    expect(drawn.length).toBeGreaterThan(30);
    expect(Math.min(...drawn)).toBeGreaterThanOrEqual(26);
    expect(Math.max(...drawn)).toBeLessThanOrEqual(52);
    expect(Math.max(...drawn) - Math.min(...drawn)).toBeGreaterThan(15);
    expect(new Set(fixed)).toEqual(new Set([26]));
  });
});

describe('request sizes', () => {
  it('no request asks for fewer GPUs than rfpMinGpus (one 8-GPU server by default)', () => {
    const smallest = (min: number) => {
      const w = world(variant((s) => { s.market.demand.rfpMinGpus = min; s.market.demand.rfpPerYear = 300; s.market.demand.megaDealsPerYear = 0; }));
      let least = Infinity, n = 0;
      for (let week = 0; week < 60; week++) {
        w.week = week;
        for (let s = 0; s < w.market.segmentDemandH100e.length; s++) w.market.segmentDemandH100e[s] = 2_000 * (1 + week);
        issueRfps(w);
        for (const r of w.rfps) { least = Math.min(least, r.gpuCount); n++; w.customers.rfpOpen[r.customerIndex] = 0; }
        w.rfps = [];
      }
      return { least, n };
    };
    const big = smallest(1500), dflt = smallest(8);
    expect(big.n).toBeGreaterThan(20);
    expect(big.least).toBeGreaterThanOrEqual(1500);
    expect(dflt.least).toBeLessThan(1500);
  });
});

describe('which generation a request asks for', () => {
  // An inference deal (a share of each segment's requests: its inference share) asks for the
  // generation that rents cheapest per unit of inference among those running; a training deal for
  // the newest. price-war-2025, played: 8,000 H100s in a glut and not one H100 request in five years —
  // no request asked for a generation older than the third newest, so "sell capacity forward" could
  // not be played with them.
  const requests = (sc: Scenario, seed: number, weeks: number) => {
    const w = world(sc, { seed });
    const seen = new Set<string>();
    const ordinary: { modelId: string; cheapest: string }[] = [];
    while (w.status === 'running' && w.week < weeks) {
      // Requests are issued on last week's indices: the cheapest per unit of inference among the generations running.
      let cheapest = '', bestUsd = Infinity;
      for (const g of w.market.gens) {
        const m = w.scenario.gpus.find((x) => x.id === g.modelId)!;
        if (g.releaseWeek > w.week || g.installedGpus <= 0) continue;
        if (g.indexUsdPerGpuHour / m.inferencePerfH100 < bestUsd) { bestUsd = g.indexUsdPerGpuHour / m.inferencePerfH100; cheapest = g.modelId; }
      }
      step(w);
      for (const r of w.rfps) {
        if (seen.has(r.id)) continue;
        seen.add(r.id);
        if (r.kind !== 'megaDeal') ordinary.push({ modelId: r.modelId, cheapest });
      }
    }
    return ordinary;
  };
  const pw = (() => { const r = loadBundledScenario('price-war-2025'); if (!r.ok) throw new Error('price-war-2025 does not load'); return r.scenario; })();
  const trainingOnly = structuredClone(pw);
  for (const seg of trainingOnly.market.demand.segments) seg.inferenceShare = 0;
  trainingOnly.market.demand.inferenceShareBoostPerYear = 0;

  it('in price-war-2025 the H100s the glut made cheapest are asked for; with no inference demand (the ablation) they are not', () => {
    let h100 = 0, h100Ablation = 0, total = 0, asCheapest = 0;
    for (const seed of [1, 2, 3]) {
      const a = requests(pw, seed, 52), b = requests(trainingOnly, seed, 52);
      h100 += a.filter((r) => r.modelId === 'h100').length;
      h100Ablation += b.filter((r) => r.modelId === 'h100').length;
      total += a.length;
      asCheapest += a.filter((r) => r.modelId === r.cheapest).length;
    }
    expect(h100).toBeGreaterThan(0.1 * total);
    expect(h100Ablation).toBe(0);
    // About the segments' inference shares (hyperscalers 0.5, labs 0.3 in 2025) ask for the cheapest
    // per unit of inference (a training deal may too, when the newest is also the cheapest).
    expect(asCheapest / total).toBeGreaterThan(0.3);
  });
});
