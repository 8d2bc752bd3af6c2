/**
 * Committed delayed-draw term loans (finance/commitment.ts): lenders that committed at signing lend
 * each draw against the borrowing base only — no interest-cover, debt-service or credit-cycle test —
 * within the commitment and its availability period; the engine draws them before a default; the
 * liquidity covenant counts them as committed credit. Worlds without them hash as before.
 */
import { describe, expect, it } from 'vitest';
import { step } from '../../src/engine/api.ts';
import { runCommand } from '../../src/engine/commands/apply.ts';
import { commitmentBaseRoomUsd, commitmentLeftUsd, commitmentRoomUsd, commitmentViews } from '../../src/engine/finance/commitment.ts';
import { covenantFigures, covenantTests } from '../../src/engine/finance/covenants.ts';
import { drawCommittedCredit } from '../../src/engine/operate.ts';
import { paymentSchedule } from '../../src/engine/advisor.ts';
import { WEEKS_PER_YEAR, toCents, toUsd } from '../../src/engine/money.ts';
import { facilityRoomParts } from '../../src/engine/finance/facility.ts';
import { loadScenarioObject } from '../../src/scenario/load.ts';
import { engineText } from '../../src/i18n/messages.ts';
import type { Scenario } from '../../src/scenario/schema/index.ts';
import type { World } from '../../src/engine/types.ts';
import { debtsOf, exec, expectBalanced, player, refused, variant, world } from './helpers.ts';
import { readFileSync } from 'node:fs';

/** Signed in week 10 (2023-03-13), drawable to week 22 (2023-06-05). */
const SIGNED_WEEK = 10, UNTIL_WEEK = 22;
const facility = (over: Partial<Scenario['company']['committedFacilities'][number]> = {}) => ({
  name: 'DDTL test', signedDate: '2023-03-13', commitmentUsd: 30_000_000, drawUntilDate: '2023-06-05', spreadPct: 5, termWeeks: 104, amortizing: true, ...over,
});
/** Uncommitted lenders that refuse everything (a 20× interest cover), a 104-week H100 contract to lend against, and one commitment. */
function scenario(over: Partial<Scenario['company']['committedFacilities'][number]> = {}): Scenario {
  return variant((s) => {
    s.finance.minInterestCover = 20;
    s.company.sites = [{ regionId: 'us-texas', kind: 'colo', powerMw: 20 }];
    s.company.contracts = [{ ...s.company.contracts[0]!, modelId: 'h100', gpuCount: 2000, usdPerGpuHour: 2, startDate: '2023-01-02', termWeeks: 104, prepaidShare: 0 }];
    s.company.committedFacilities = [facility(over)];
  });
}
const until = (w: World, week: number) => { while (w.week < week) step(w); };

describe('committed delayed-draw facilities (finance/commitment.ts)', () => {
  it('nothing to draw before the lenders sign; then a draw passes the borrowing base alone, on the commitment\'s own terms', () => {
    const w = world(scenario());
    const p = player(w);
    expect(commitmentRoomUsd(w, p)).toBe(0);
    // Before signing the draw is the uncommitted facility's, and those lenders refuse it.
    expect(refused(w, { type: 'drawFacility', amountUsd: 5_000_000 })).toMatch(/interest/i);
    until(w, SIGNED_WEEK);
    step(w); // week 10: signed at the start of the tick
    expect(w.news.some((n) => n.id.startsWith('commitment-') && n.week === SIGNED_WEEK)).toBe(true);
    expect(commitmentLeftUsd(w, p)).toBe(30_000_000);
    const base = commitmentBaseRoomUsd(w, p);
    expect(base).toBeGreaterThan(10_000_000);
    const cashBefore = p.ledger.balances.cash;
    const r = exec(w, { type: 'drawFacility', amountUsd: 10_000_000 });
    expect(engineText(r.summary)).toMatch(/DDTL test/);
    expect(p.ledger.balances.cash - cashBefore).toBe(toCents(10_000_000));
    const [d] = debtsOf(p, 'contractFacility');
    expect(d).toMatchObject({ spreadPct: 5, amortizing: true, startWeek: w.week, maturityWeek: w.week + 104, principalCents: toCents(10_000_000) });
    expect(p.commitments![0]!.drawnCents).toBe(toCents(10_000_000));
    expect(commitmentLeftUsd(w, p)).toBe(20_000_000);
    expectBalanced(w);
  });

  it('a draw beyond the borrowing base is refused even within the commitment; beyond the commitment the uncommitted lenders decide', () => {
    const w = world(scenario({ commitmentUsd: 500_000_000 }));
    const p = player(w);
    until(w, SIGNED_WEEK + 1);
    const base = commitmentBaseRoomUsd(w, p);
    expect(base).toBeLessThan(500_000_000);
    expect(refused(w, { type: 'drawFacility', amountUsd: Math.ceil(base) + 1_000_000 })).toMatch(/borrowing base/);
    exec(w, { type: 'drawFacility', amountUsd: Math.floor(base) - 1_000_000 });
    // The facility debt now outstanding counts against the base.
    expect(commitmentBaseRoomUsd(w, p)).toBeLessThan(1_000_001);
    const small = world(scenario({ commitmentUsd: 5_000_000 }));
    until(small, SIGNED_WEEK + 1);
    expect(refused(small, { type: 'drawFacility', amountUsd: 6_000_000 })).toMatch(/interest/i);
  });

  it('a GPU deposit the cash cannot cover is drawn from the open commitment (as a DDTL pays the vendor); with none open, or beyond its base, the order is refused', () => {
    const w = world(scenario());
    const p = player(w);
    /** Deposit per H100 now (a preview changes nothing). */
    const perGpu = () => { const r = runCommand(w, 0, { type: 'orderGpus', modelId: 'h100', count: 8 }, false); if (!r.ok) throw new Error('preview refused'); return (r.details!.depositUsd as number) / 8; };
    /** An order whose deposit exceeds the cash by about `shortUsd`. */
    const orderShort = (shortUsd: number) => ({ type: 'orderGpus', modelId: 'h100', count: 8 * Math.ceil((toUsd(p.ledger.balances.cash) + shortUsd) / perGpu() / 8) }) as const;
    expect(refused(w, orderShort(5_000_000))).toMatch(/deposit/);
    until(w, SIGNED_WEEK + 1);
    const order = orderShort(5_000_000);
    const before = { cash: p.ledger.balances.cash, drawn: p.commitments![0]!.drawnCents };
    const r = exec(w, order);
    const depositCents = toCents(r.details!.depositUsd as number);
    expect(depositCents).toBeGreaterThan(before.cash);
    expect(engineText(r.summary)).toMatch(/drawn from your committed facility/);
    expect(engineText(r.summary, 'zh-CN')).toMatch(/从承诺贷款中提取/);
    // Exactly the shortfall is drawn, the cash ends at zero, and the draw is a facility loan on the commitment's terms.
    expect(p.commitments![0]!.drawnCents - before.drawn).toBe(depositCents - before.cash);
    expect(p.ledger.balances.cash).toBe(0);
    expect(debtsOf(p, 'contractFacility')[0]).toMatchObject({ spreadPct: 5, principalCents: depositCents - before.cash });
    expectBalanced(w);
    // An order whose deposit the rest of the commitment cannot cover is refused, and changes nothing.
    const drawnNow = p.commitments![0]!.drawnCents;
    expect(refused(w, orderShort(commitmentRoomUsd(w, p) + 1_000_000))).toMatch(/deposit/);
    expect(p.commitments![0]!.drawnCents).toBe(drawnNow);
  });

  it('the commitment lapses after its availability period; the finance panel\'s rows say pending, open (with what a draw could take), then lapsed', () => {
    const w = world(scenario());
    const p = player(w);
    expect(commitmentViews(w, p)).toEqual([{ name: 'DDTL test', commitmentUsd: 30_000_000, drawnUsd: 0, canDrawNowUsd: 0, signedWeek: SIGNED_WEEK, drawUntilWeek: UNTIL_WEEK, state: 'pending' }]);
    until(w, SIGNED_WEEK + 1);
    expect(commitmentViews(w, p)[0]).toMatchObject({ state: 'open', canDrawNowUsd: Math.min(30_000_000, commitmentBaseRoomUsd(w, p)) });
    expect(commitmentViews(world(), player(world()))).toEqual([]);
    until(w, UNTIL_WEEK + 1);
    expect(w.week).toBe(UNTIL_WEEK + 1);
    expect(commitmentLeftUsd(w, p)).toBe(0);
    expect(commitmentViews(w, p)[0]).toMatchObject({ state: 'lapsed', canDrawNowUsd: 0 });
    expect(refused(w, { type: 'drawFacility', amountUsd: 5_000_000 })).toMatch(/interest/i);
  });

  it('a bullet commitment (amortizing false) books a bullet; committed credit covers a shortfall and counts in the liquidity covenant', () => {
    const w = world(scenario({ amortizing: false }));
    const p = player(w);
    until(w, SIGNED_WEEK + 1);
    exec(w, { type: 'drawFacility', amountUsd: 2_000_000 });
    expect(debtsOf(p, 'contractFacility')[0]!.amortizing).toBe(false);
    const room = commitmentRoomUsd(w, p);
    expect(covenantFigures(w, p).undrawnCommitmentsUsd).toBe(room);
    const liquidity = covenantTests(w, p).find((t) => t.id === 'liquidity')!;
    expect(liquidity.value).toBeCloseTo(toUsd(p.ledger.balances.cash) + room, 2);
    // Before a default the engine draws the commitment (no revolver here).
    const drawn = drawCommittedCredit(w, p, toCents(3_000_000));
    expect(drawn).toBe(toCents(3_000_000));
    expect(p.commitments![0]!.drawnCents).toBe(toCents(5_000_000));
    expectBalanced(w);
  });

  it('a preview changes nothing; worlds without commitments carry no commitments field (their state hashes are unchanged)', () => {
    const w = world(scenario());
    until(w, SIGNED_WEEK + 1);
    const before = structuredClone(player(w).commitments);
    expect(runCommand(w, 0, { type: 'drawFacility', amountUsd: 1_000_000 }, false).ok).toBe(true);
    expect(player(w).commitments).toEqual(before);
    expect(player(world()).commitments).toBeUndefined();
  });

  it('bad facility dates are refused with a clear error', () => {
    const json = JSON.parse(readFileSync(new URL('../../scenarios/default.json', import.meta.url), 'utf8')) as { company: Record<string, unknown> };
    json.company.committedFacilities = [facility({ drawUntilDate: '2023-02-06' })];
    const r = loadScenarioObject(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n')).toMatch(/committedFacilities.*drawUntilDate.*before the lenders commit/s);
  });

  it('arrangeFacility: lenders underwrite the whole commitment now; no cash moves; in a cold market the uncommitted facility lends half, the commitment still lends it all', () => {
    const sc = variant((s) => {
      s.company.sites = [{ regionId: 'us-texas', kind: 'colo', powerMw: 20 }];
      s.company.contracts = [{ ...s.company.contracts[0]!, modelId: 'h100', gpuCount: 2000, usdPerGpuHour: 2, startDate: '2023-01-02', termWeeks: 104, prepaidShare: 0 }];
    });
    const w = world(sc);
    const p = player(w);
    w.market.sentiment = 1.3; // warm: lenders at full appetite
    const room = facilityRoomParts(w, p).advanceUsd;
    expect(room).toBeGreaterThan(20_000_000);
    expect(refused(w, { type: 'arrangeFacility', amountUsd: Math.ceil(room) + 1_000_000 })).toMatch(/backlog/);
    const cash0 = p.ledger.balances.cash;
    const amount = Math.floor(0.9 * room);
    const r = exec(w, { type: 'arrangeFacility', amountUsd: amount });
    expect(engineText(r.summary)).toMatch(/DDTL 1/);
    expect(p.ledger.balances.cash).toBe(cash0);
    expect(p.commitments).toHaveLength(1);
    expect(p.commitments![0]).toMatchObject({ signedWeek: w.week, drawUntilWeek: w.week + sc.finance.commitmentAvailabilityWeeks, drawnCents: 0 });
    // What is committed is no longer room for another commitment.
    expect(refused(w, { type: 'arrangeFacility', amountUsd: Math.ceil(0.2 * room) })).toMatch(/backlog/);
    // The credit market turns cold: lenders' appetite falls to its floor, and so does the uncommitted facility's room.
    w.market.sentiment = 0.5;
    const coldRoom = facilityRoomParts(w, p).advanceUsd;
    expect(coldRoom).toBeLessThan(0.6 * amount);
    const draw = Math.floor(0.8 * amount);
    expect(draw).toBeGreaterThan(coldRoom);
    const before = structuredClone(p.commitments);
    p.commitments = undefined; // without the commitment: the uncommitted lenders refuse it
    expect(refused(w, { type: 'drawFacility', amountUsd: draw })).toMatch(/backlog/);
    p.commitments = before;
    exec(w, { type: 'drawFacility', amountUsd: draw });
    expect(debtsOf(p, 'contractFacility')[0]!.principalCents).toBe(toCents(draw));
    expectBalanced(w);
  });

  it('an open commitment costs a weekly fee on what is undrawn, booked as a financing cost', () => {
    const w = world(scenario());
    const p = player(w);
    until(w, SIGNED_WEEK + 1);
    exec(w, { type: 'drawFacility', amountUsd: 10_000_000 });
    const fees0 = p.ledger.lifetime.debtFeesPaid;
    step(w);
    const expected = Math.round((toCents(20_000_000) * w.scenario.finance.commitmentFeePctPerYear) / 100 / WEEKS_PER_YEAR);
    expect(expected).toBeGreaterThan(0);
    expect(p.ledger.lifetime.debtFeesPaid - fees0).toBe(expected);
    // The advisor's schedule (runway) counts the same fee each week the commitment stays open.
    const feeRows = paymentSchedule(w, p, 4).filter((x) => x.ref === 'DDTL test');
    expect(feeRows).toHaveLength(4);
    expect(feeRows[0]!.usd).toBeCloseTo(toUsd(expected), 2);
    // After the availability period: no more fee.
    until(w, UNTIL_WEEK + 1);
    const fees1 = p.ledger.lifetime.debtFeesPaid;
    step(w);
    expect(p.ledger.lifetime.debtFeesPaid).toBe(fees1);
    expectBalanced(w);
  });
});
