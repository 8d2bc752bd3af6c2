/**
 * Rents that must not feed on their own echo. Alone with a generation, a provider's "market rent" is
 * its own rent: (1) the hyperscaler's premium floor (`agents.hyperscaler.priceFloorMultiple` × what the
 * other providers post, `market/rents.ts` rivalsRentUsd) took the generation's index — its own rent —
 * so a floor at 1.2× held it at the launch rent: in east-data-west-compute seed 5 its 20,000 B200s
 * stayed at $6.20 for years with 80–90% idle; (2) a price follower's multiple of the index
 * (`followedRentUsd`) compounded (0.9× a week). Alone, both now read what the generation's
 * performance fetches at the market's price of compute; a follower among others follows what they post.
 */
import { describe, it, expect } from 'vitest';
import { loadBundledScenario } from '../../src/scenario/load.ts';
import { createWorld, step } from '../../src/engine/api.ts';
import { rivalsRentUsd } from '../../src/engine/market/rents.ts';
import { perfH100e } from '../../src/engine/metrics.ts';
import { gpuModel } from '../../src/engine/lookup.ts';

describe('a premium floor with no rival offering the generation', () => {
  it('reads the compute index × the generation\'s H100e, and the hyperscaler alone with B200s cuts below their launch rent while they idle', () => {
    const r = loadBundledScenario('east-data-west-compute');
    if (!r.ok) throw new Error('east-data-west-compute does not load');
    const w = createWorld(r.scenario, { seed: 5 });
    // Two hyperscalers: the Chinese one may not run B200s; the other is alone with them.
    const hs = w.companies.find((c) => c.strategy === 'hyperscaler' && c.lots.some((l) => l.modelId === 'b200'))!;
    const b200 = w.market.gens.find((g) => g.modelId === 'b200')!;
    const launch = gpuModel(w, 'b200')!.launchUsdPerGpuHour;
    let aloneWeeks = 0, idleAtLaunchRent = 0, checked = false;
    while (w.week < 104) {
      step(w);
      const others = w.companies.filter((c) => c !== hs && c.status === 'active' && (c.last.odOfferedGpus.b200 ?? 0) > 0);
      const offered = hs.last.odOfferedGpus.b200 ?? 0;
      if (others.length > 0 || offered <= 0) continue;
      aloneWeeks++;
      if (!checked) {
        expect(rivalsRentUsd(w, hs, b200)).toBeCloseTo(w.market.computeIndexUsd * perfH100e(w, 'b200'), 9);
        checked = true;
      }
      const rented = hs.last.odServedGpus.b200 ?? 0;
      if (rented < 0.5 * offered && b200.indexUsdPerGpuHour >= launch - 1e-9) idleAtLaunchRent++;
    }
    expect(aloneWeeks).toBeGreaterThan(26);
    // At its launch rent with more than half idle: 99 of its 100 weeks alone before the fix, 20 after
    // (while compute is dear, early in 2025, 1.2× what the B200's performance fetches is above the launch rent).
    expect(idleAtLaunchRent).toBeLessThan(0.5 * aloneWeeks);
  });
});

describe('a price follower', () => {
  // A company with no price of its own for a generation posts a multiple of the market rent it
  // follows. With its own rent in that market rent, the index echoed it back: alone, a follower at
  // 0.9× cut it 10% a week (subsidy-cliff, played: H200s at $0.38 an hour while H100s rented for
  // $1.83); holding most of the on-demand supply, nearly as fast (price-war-2025, played: 1,000
  // B200s at 0.7× took the B200 index from $5.99 to $1.00 in 12 weeks).
  const setUp = () => {
    const r = loadBundledScenario('default');
    if (!r.ok) throw new Error('default does not load');
    const w = createWorld(r.scenario, { seed: 1 });
    for (let k = 0; k < 5; k++) step(w);
    const [player, ...others] = w.companies;
    const a100 = w.market.gens.find((g) => g.modelId === 'a100')!;
    player!.priceFactor = 0.7;
    delete player!.genPriceFactors.a100;
    for (const o of others) o.last.odOfferedGpus = { ...o.last.odOfferedGpus, a100: 0 };
    player!.last.odOfferedGpus = { ...player!.last.odOfferedGpus, a100: 1000 };
    return { w, player: player!, others, a100 };
  };

  it('alone with a generation, follows what its performance fetches at the compute index', async () => {
    const { postedRentUsd, followedRentUsd } = await import('../../src/engine/market/rents.ts');
    const { updateIndices } = await import('../../src/engine/market/pricing.ts');
    const { w, player, a100 } = setUp();
    updateIndices(w); // the week's index, with the follower's own posted rent recorded
    const market = w.market.computeIndexUsd * perfH100e(w, 'a100');
    expect(followedRentUsd(w, player, a100)).toBeCloseTo(market, 9);
    expect(postedRentUsd(w, player, a100)).toBeCloseTo(Math.max(0.01, 0.7 * market), 9);
    // Offering none itself: the index.
    player.last.odOfferedGpus = { ...player.last.odOfferedGpus, a100: 0 };
    expect(followedRentUsd(w, player, a100)).toBe(a100.indexUsdPerGpuHour);
  });

  it('holding most of the supply, follows what the others post, and the index holds instead of echoing its cut week after week', async () => {
    const { postedRentUsd, followedRentUsd } = await import('../../src/engine/market/rents.ts');
    const { updateIndices } = await import('../../src/engine/market/pricing.ts');
    const { w, player, others, a100 } = setUp();
    // One rival offers 10 GPUs at a price of its own; the follower 1,000 at 0.7×. Twelve weeks of
    // indices with nothing else moving (the offers stay as they are).
    const rival = others[0]!;
    rival.genPriceFactors.a100 = 1;
    rival.last.odOfferedGpus = { ...rival.last.odOfferedGpus, a100: 10 };
    const rivalRent = postedRentUsd(w, rival, a100);
    for (let k = 0; k < 12; k++) updateIndices(w);
    expect(followedRentUsd(w, player, a100)).toBeCloseTo(rivalRent, 9);
    expect(postedRentUsd(w, player, a100)).toBeCloseTo(0.7 * rivalRent, 9);
    // The index: 1,000 GPUs at 0.7× the rival's rent and 10 at its rent (with its own rent echoed
    // back, 0.7^12 of where it started: 1.4%).
    expect(a100.indexUsdPerGpuHour).toBeCloseTo((1000 * 0.7 * rivalRent + 10 * rivalRent) / 1010, 9);
    // Two rivals: what they post, weighted by the GPUs each offered.
    const rival2 = others[1]!;
    rival2.genPriceFactors.a100 = 0.5;
    rival2.last.odOfferedGpus = { ...rival2.last.odOfferedGpus, a100: 30 };
    updateIndices(w);
    expect(followedRentUsd(w, player, a100)).toBeCloseTo((10 * rivalRent + 30 * postedRentUsd(w, rival2, a100)) / 40, 9);
  });
});

describe('a generation nobody offers on demand', () => {
  // Every GPU of it under contract, its holders' own rents stay where they were when it last sold out
  // (a pricing desk moves a rent only with the on-demand demand it draws). Their installed-weighted
  // average was the index: default leveraged seed 1, GB300s 168 weeks at up to 1.96× what their
  // performance fetched as the market fell, holding RFP prices, used-GPU values and the compute index up.
  it('moves with the price of compute, which is taken over the generations on offer', async () => {
    const { updateIndices } = await import('../../src/engine/market/pricing.ts');
    const { postedRentUsd } = await import('../../src/engine/market/rents.ts');
    const r = loadBundledScenario('default');
    if (!r.ok) throw new Error('default does not load');
    const w = createWorld(r.scenario, { seed: 1, strategy: 'leveraged' });
    const offeredOf = (modelId: string) => w.companies.reduce((a, c) => a + (c.status === 'active' ? (c.last.odOfferedGpus[modelId] ?? 0) : 0), 0);
    let contractedWeeks = 0, longest = 0;
    const spell = new Map<string, number>();
    let before = w.market.gens.map((g) => ({ index: g.indexUsdPerGpuHour, installed: g.installedGpus }));
    let computeBefore = w.market.computeIndexUsd;
    while (w.week < 300) {
      step(w);
      w.market.gens.forEach((g, i) => {
        if (g.installedGpus <= 0 || offeredOf(g.modelId) > 0) { spell.delete(g.modelId); return; }
        const weeks = (spell.get(g.modelId) ?? 0) + 1;
        spell.set(g.modelId, weeks);
        longest = Math.max(longest, weeks);
        contractedWeeks++;
        // Installed last week too: last week's index × the change in the price of compute.
        if (before[i]!.installed > 0) expect(g.indexUsdPerGpuHour).toBeCloseTo((before[i]!.index * w.market.computeIndexUsd) / computeBefore, 9);
      });
      before = w.market.gens.map((g) => ({ index: g.indexUsdPerGpuHour, installed: g.installedGpus }));
      computeBefore = w.market.computeIndexUsd;
    }
    expect(contractedWeeks).toBeGreaterThan(52);
    expect(longest).toBeGreaterThan(26);
    // The compute index: the generations offered on demand, each at its index, weighted by GPUs installed.
    let cw = 0, cv = 0;
    for (const g of w.market.gens) {
      if (offeredOf(g.modelId) <= 0 || g.installedGpus <= 0) continue;
      cw += g.installedGpus * perfH100e(w, g.modelId);
      cv += g.installedGpus * g.indexUsdPerGpuHour;
    }
    expect(w.market.computeIndexUsd).toBeCloseTo(cv / cw, 9);
    // Nothing offered anywhere (every GPU under contract): the posted rents, weighted by GPUs installed.
    for (const c of w.companies) c.last.odOfferedGpus = {};
    const h100 = w.market.gens.find((g) => g.modelId === 'h100')!;
    let n = 0, v = 0;
    for (const c of w.companies) {
      if (c.status !== 'active') continue;
      for (const l of c.lots) if (l.modelId === 'h100' && l.installed > 0) { n += l.installed; v += l.installed * postedRentUsd(w, c, h100); }
    }
    updateIndices(w);
    expect(h100.indexUsdPerGpuHour).toBeCloseTo(v / n, 9);
  });
});
