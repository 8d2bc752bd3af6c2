/**
 * Numbers that shape behaviour are named scenario fields (issue 9 item 10), read where they act: a
 * teacher's overlay changes what the engine does, and the bundled values reproduce the engine as it
 * was when they were bare literals (state hashes unchanged, checked when they were named). Each test
 * changes one field and sees its rule move.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/engine/commands/apply.ts';
import { gpuUnitPriceUsd } from '../../src/engine/fleet.ts';
import { gpuUnitValueUsd } from '../../src/engine/metrics.ts';
import { modelEquityValueUsd, updateSharePrice } from '../../src/engine/finance/valuation.ts';
import { step } from '../../src/engine/api.ts';
import { player, refused, variant, world } from './helpers.ts';
import type { World } from '../../src/engine/types.ts';
import { engineText } from '../../src/i18n/messages.ts';
import { orderWithin, serverGpus, wholeServersGpus } from '../../src/engine/strategies/toolkit.ts';
import type { Command } from '../../src/engine/commands/types.ts';

const hyperscaler = (w: World) => w.companies.find((c) => c.strategy === 'hyperscaler')!;

describe('finance thresholds (scenario.finance)', () => {
  it('private investors shut at privateRoundMinSentiment; the IPO window at ipoMinSentiment', () => {
    const raise = { type: 'raiseEquity', amountUsd: 50_000_000 } as const;
    const open = world();
    open.market.sentiment = 0.7;
    expect(runCommand(open, 0, raise, false).ok).toBe(true);
    const shut = world(variant((s) => { s.finance.privateRoundMinSentiment = 0.75; }));
    shut.market.sentiment = 0.7;
    expect(refused(shut, raise)).toMatch(/not writing cheques/);
    const ipo = world(variant((s) => { s.finance.ipoMinSentiment = 5; s.finance.ipoMinAnnualRevenueUsd = 0; }));
    expect(refused(ipo, { type: 'ipo', amountUsd: 100_000_000 })).toMatch(/IPO window is shut/);
  });

  it('a follow-on and a convertible are capped at their share of market cap, and the refusal names it', () => {
    const listed = (w: World) => { const p = player(w); p.listed = true; p.sharePriceUsd = 20; return p.sharesOutstanding * 20; };
    const w = world(variant((s) => { s.finance.followOnMaxShareOfMarketCap = 0.1; s.finance.convertibleMaxShareOfMarketCap = 0.05; s.finance.convertibleMinSentiment = 0; }));
    const cap = listed(w);
    expect(refused(w, { type: 'followOn', amountUsd: Math.round(cap * 0.15) })).toMatch(/\(10% of market cap\)/);
    expect(refused(w, { type: 'issueConvertible', amountUsd: Math.round(cap * 0.08) })).toMatch(/\(5% of market cap\)/);
    const zh = runCommand(w, 0, { type: 'followOn', amountUsd: Math.round(cap * 0.15) }, false);
    expect(zh.ok ? '' : engineText(zh.reason, 'zh-CN')).toMatch(/（市值的 10%）/);
    const d = world();
    const capD = listed(d);
    expect(runCommand(d, 0, { type: 'followOn', amountUsd: Math.round(capD * 0.15) }, false).ok).toBe(true);
  });
});

describe('market tunables', () => {
  it('the vendor charges shortagePricePremiumShare more at the shortage lead time', () => {
    const price = (premium: number) => {
      const w = world(variant((s) => { s.market.vendor.shortagePricePremiumShare = premium; }));
      w.market.leadTimeWeeks = w.scenario.market.vendor.leadTimeWeeksShortage;
      return gpuUnitPriceUsd(w, player(w), 'h100');
    };
    expect(price(0.25) / price(0)).toBeCloseTo(1.25, 10);
    expect(price(0.6) / price(0)).toBeCloseTo(1.6, 10);
  });

  it('stacked subsidies pay at most subsidyMaxShare of a GPU\u2019s price', () => {
    const price = (cap: number, sharePct: number) => {
      const w = world(variant((s) => { s.operations.subsidyMaxShare = cap; }));
      w.policy.subsidies.push({ on: 'gpuCapex', sharePct, untilWeek: 1000, vendors: null, modelIds: null, regionIds: null });
      return gpuUnitPriceUsd(w, player(w), 'h100') / gpuUnitPriceUsd(world(), player(world()), 'h100');
    };
    expect(price(0.9, 100)).toBeCloseTo(0.1, 10);
    expect(price(0.5, 100)).toBeCloseTo(0.5, 10);
    expect(price(0.5, 30)).toBeCloseTo(0.7, 10);
  });

  it('the second-hand glut fades by glutFadePerWeek and takes glutValueDropShare off a used GPU at its full', () => {
    const w = world(variant((s) => { s.market.exits.glutFadePerWeek = 0.5; s.market.exits.glutValueDropShare = 0.3; }));
    const calm = gpuUnitValueUsd(w, 'h100');
    w.secondHandGlut = 1;
    expect(gpuUnitValueUsd(w, 'h100') / calm).toBeCloseTo(0.7, 10);
    step(w);
    expect(w.secondHandGlut).toBeCloseTo(0.5, 10);
  });

  it('a listed share closes sharePriceAdjustPerWeek of the gap to its target each week; shocks fade by priceShockFadePerWeek', () => {
    const move = (adjust: number) => {
      const w = world(variant((s) => { s.market.capital.sharePriceAdjustPerWeek = adjust; s.market.capital.priceShockFadePerWeek = 0.5; }));
      const h = hyperscaler(w);
      const fair = modelEquityValueUsd(w, h) / h.sharesOutstanding;
      h.priceShock = 0.6;
      h.sharePriceUsd = fair;
      updateSharePrice(w, h, 0);
      return { gapClosed: (fair - h.sharePriceUsd!) / (fair - fair * 0.6), shock: h.priceShock };
    };
    expect(move(1).gapClosed).toBeCloseTo(1, 3);
    expect(move(0.25).gapClosed).toBeCloseTo(0.25, 3);
    expect(move(0.25).shock).toBeCloseTo(0.8, 10);
  });

  it('contractors want campusMinCashShareOfCapex of a campus in the bank, and say so', () => {
    const w = world(variant((s) => { s.operations.campusMinCashShareOfCapex = 0.9; }));
    const region = w.scenario.regions.find((r) => r.gridAvailableMw >= 50)!;
    const r = runCommand(w, 0, { type: 'buildCampus', regionId: region.id, powerMw: 50 }, false);
    expect(r.ok ? '' : engineText(r.reason)).toMatch(/Contractors want 90% of the/);
    expect(runCommand(world(), 0, { type: 'buildCampus', regionId: region.id, powerMw: 50 }, false).ok).toBe(true);
  });

  it('the hyperscaler opens at openingPriceShareOfMultiple of its price multiple', () => {
    const w = world(variant((s) => { s.agents.hyperscaler.openingPriceShareOfMultiple = 0.5; }));
    expect(hyperscaler(w).priceFactor).toBeCloseTo(w.scenario.market.demand.hyperscalerPriceMultiple * 0.5, 12);
    expect(hyperscaler(world()).priceFactor).toBeCloseTo(world().scenario.market.demand.hyperscalerPriceMultiple * 0.8, 12);
  });
});

describe('GPU servers (gpus[].gpusPerServer)', () => {
  it('agents size capacity in whole servers of each model and order no fewer than one: 8 GPUs an HGX board, 72 an NVL72 rack', () => {
    const w = world(variant((s) => { s.gpus.find((g) => g.id === 'h100')!.gpusPerServer = 72; }));
    expect(serverGpus(w, 'h100')).toBe(72);
    expect(serverGpus(world(), 'h100')).toBe(8);
    expect(wholeServersGpus(w, 'h100', 150)).toBe(144);
    expect(wholeServersGpus(world(), 'h100', 150)).toBe(144); // 18 boards of 8
    expect(wholeServersGpus(w, 'h100', 70)).toBe(0);
    // orderWithin halves a refused order until it is smaller than one server: with racks of 72 it
    // never tries fewer than 72.
    const tried: number[] = [];
    const refuseAll = (cmd: Command) => { if (cmd.type === 'orderGpus') tried.push(cmd.count); return { ok: false as const, reason: { id: 'refuse.test', params: {} } }; };
    const co = player(w);
    co.ledger.balances.cash += 500_000_000_000; // cents ($5B): cash is not what stops it here
    orderWithin(w, co, refuseAll as never, 'h100', 600, false);
    expect(tried.length).toBeGreaterThan(0);
    expect(Math.min(...tried)).toBeGreaterThanOrEqual(72);
  });
});
