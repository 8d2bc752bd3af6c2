/**
 * Property tests (fast-check): random sequences of valid, invalid and junk commands over many weeks
 * never break the ledger, never produce NaN or Infinity, never let cash go negative without the
 * default path firing, and a refused command or a preview changes nothing (same state hash).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWorld, issueCommand, previewCommand, stateHash, step } from '../../src/engine/api.ts';
import { runCommand } from '../../src/engine/commands/apply.ts';
import { COMMAND_TYPES } from '../../src/engine/commands/types.ts';
import { isBalanced } from '../../src/engine/ledger.ts';
import type { World } from '../../src/engine/types.ts';
import { quarterProblems, smallScenario } from './helpers.ts';
import { EN_MESSAGES, engineText } from '../../src/i18n/messages.ts';

const scenario = smallScenario((s) => {
  // Let more of the machinery fire in short runs: a reachable revolver, IPO and bond market.
  s.finance.revolverMinRevenueUsd = 50_000_000;
  s.finance.ipoMinAnnualRevenueUsd = 60_000_000;
});
const restructuring = smallScenario((s) => { s.finance.allowRestructuring = true; });
const models = [...scenario.gpus.map((g) => g.id), 'h900', ''];
const regions = [...scenario.regions.map((r) => r.id), 'atlantis'];

const amount = fc.oneof(
  // Log-uniform between $100k and $2B, so small and large amounts are both common.
  { weight: 6, arbitrary: fc.double({ min: 5, max: 9.3, noNaN: true }).map((e) => Math.round(10 ** e)) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1e5 - 1, 1e13, 1e14, Number.NaN, Infinity, -Infinity, 0.5) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }) },
);
const count = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 5000 }) }, { weight: 1, arbitrary: fc.constantFrom(0, -8, 1.5, 3e6, Number.NaN) });
const mw = fc.oneof({ weight: 6, arbitrary: fc.double({ min: 0.5, max: 80, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(0, -2, 1e4, Number.NaN) });
const junkString = fc.oneof(fc.string({ maxLength: 6 }), fc.constant('__proto__'), fc.constant('constructor'));

/** A command with plausible or wrong fields; `debt` and `rfp` are resolved to real ids at run time. */
const command = fc.oneof(
  { weight: 10, arbitrary: fc.record({
    type: fc.constantFrom('raiseEquity', 'ipo', 'followOn', 'issueConvertible', 'takeGpuLoan', 'arrangeFacility', 'drawFacility', 'issueBond', 'drawRevolver'),
    amountUsd: amount,
  }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('repayDebt'), debtId: fc.oneof(fc.constant('@debt'), junkString), amountUsd: amount }) },
  { weight: 6, arbitrary: fc.record({ type: fc.constant('orderGpus'), modelId: fc.constantFrom(...models), count, vendorFinancing: fc.oneof(fc.boolean(), fc.constant('yes')) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('sellGpus'), modelId: fc.constantFrom(...models), count }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setDepreciationLife'), years: fc.constantFrom(4, 5, 6, 3, 7, '5', null) }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constantFrom('leaseColo', 'buildCampus', 'buyPoweredSite'), regionId: fc.constantFrom(...regions), powerMw: mw }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('bidRfp'), rfpId: fc.oneof(fc.constant('@rfp'), junkString), usdPerGpuHour: fc.oneof(fc.double({ min: 0.01, max: 8, noNaN: true }), fc.constant(Number.NaN)) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('setOnDemandPrice'), priceFactor: fc.oneof(fc.double({ min: 0.1, max: 6, noNaN: true }), fc.constant(Infinity)) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('setPlatformSpend'), usdPerWeek: fc.oneof(fc.integer({ min: 0, max: 3e6 }), fc.constant(6e7), fc.constant(-5)) }) },
  // Junk: wrong types, missing fields, not objects at all.
  { weight: 2, arbitrary: fc.oneof(
    fc.anything(),
    fc.record({ type: fc.constantFrom(...COMMAND_TYPES) }),
    fc.record({ type: fc.constantFrom(...COMMAND_TYPES), amountUsd: fc.anything(), count: fc.anything(), modelId: fc.anything(), regionId: fc.anything(), powerMw: fc.anything() }),
    fc.record({ type: junkString }),
  ) },
);

/** Per week: commands, and for each whether it is queued (issueCommand) or executed at once. */
const plan = fc.array(fc.array(fc.tuple(command, fc.boolean()), { maxLength: 4 }), { minLength: 20, maxLength: 60 });

function resolve(w: World, raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const c = { ...(raw as Record<string, unknown>) };
  if (c.debtId === '@debt') c.debtId = w.companies[0]!.debts[0]?.id ?? 'd0';
  if (c.rfpId === '@rfp') c.rfpId = w.rfps[0]?.id ?? 'r0';
  return c;
}

/** Every number reachable from `v` is finite (typed arrays included). Returns the first bad path. */
function nonFinite(v: unknown, path: string, seen = new Set<unknown>()): string | null {
  if (typeof v === 'number') return Number.isFinite(v) ? null : `${path} = ${v}`;
  if (typeof v !== 'object' || v === null || seen.has(v)) return null;
  seen.add(v);
  if (ArrayBuffer.isView(v)) {
    const a = v as unknown as ArrayLike<number>;
    for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i]!)) return `${path}[${i}] = ${a[i]}`;
    return null;
  }
  for (const [k, x] of Object.entries(v)) {
    const bad = nonFinite(x, `${path}.${k}`, seen);
    if (bad) return bad;
  }
  return null;
}

/** Invariants that must hold after every tick. Returns a description of the first violation. */
function tickProblems(w: World): string | null {
  for (const co of w.companies) {
    if (!isBalanced(co.ledger)) return `${co.id}: unbalanced in week ${w.week}`;
    for (const [k, v] of Object.entries(co.ledger.balances)) if (!Number.isSafeInteger(v)) return `${co.id}: ${k} = ${v}`;
    if (co.ledger.balances.cash < 0) return `${co.id}: cash ${co.ledger.balances.cash} in week ${w.week} (status ${co.status})`;
    // Unpaid amounts become creditor claims only through the default path.
    if (co.debts.some((d) => d.kind === 'claims') && co.status === 'active' && !co.restructured) return `${co.id}: claims without default`;
    if (co.status === 'bankrupt' && co.bankruptReason === null) return `${co.id}: bankrupt without a reason`;
    for (const d of co.debts) if (d.principalCents <= 0 || !Number.isInteger(d.principalCents)) return `${co.id}: debt ${d.id} principal ${d.principalCents}`;
    // Sub-ledgers agree with the general ledger.
    const b = co.ledger.balances;
    const sum = <T,>(xs: T[], f: (x: T) => number) => xs.reduce((a, x) => a + f(x), 0);
    if (b.debt !== sum(co.debts, (d) => d.principalCents)) return `${co.id}: debt ${b.debt} != Σ principal in week ${w.week}`;
    if (b.gpuEquipment !== sum(co.lots, (l) => l.costCents)) return `${co.id}: GPU equipment != Σ lot cost`;
    if (b.gpuAccumDep !== sum(co.lots, (l) => l.accumDepCents)) return `${co.id}: GPU depreciation != Σ lots`;
    if (b.gpuDeposits !== sum(co.orders, (o) => o.depositCents)) return `${co.id}: deposits != Σ open orders`;
    if (b.deferredRevenue !== sum(co.contracts, (c) => c.deferredCents)) return `${co.id}: deferred revenue != Σ contracts`;
    for (const l of co.lots) if (l.installed < 0 || l.installed > l.count || l.accumDepCents > l.costCents || l.accumDepCents < 0) return `${co.id}: lot ${l.id} out of range`;
    if (co.sharesOutstanding !== co.capTable.reduce((a, e) => a + e.shares, 0)) return `${co.id}: cap table does not add up`;
    for (let i = 0; i < co.quarters.length; i++) {
      const probs = quarterProblems(co.quarters[i]!, co.quarters[i - 1]);
      if (probs.length) return `${co.id}: ${probs.join(', ')}`;
    }
  }
  if (w.companies[0]!.status === 'bankrupt' && w.status !== 'bankrupt') return 'player bankrupt but the game runs on';
  const bad = nonFinite(w.companies, 'companies') ?? nonFinite(w.market, 'market') ?? nonFinite(w.regions, 'regions')
    ?? nonFinite(w.marketQuarters.at(-1), 'marketQuarter') ?? nonFinite(w.rfps, 'rfps') ?? nonFinite(w.customers, 'customers');
  return bad;
}

function play(s: typeof scenario, seed: number, weeks: [unknown, boolean][][], out?: { world?: World }): string | null {
  const w = createWorld(s, { seed });
  if (out) out.world = w;
  for (const cmds of weeks) {
    for (const [raw, queue] of cmds) {
      const cmd = resolve(w, raw);
      const before = stateHash(w);
      const preview = previewCommand(w, cmd);
      if (stateHash(w) !== before) return `preview of ${JSON.stringify(cmd)} changed the state`;
      if (preview.ok && !(typeof preview.cashNowUsd === 'number' && Number.isFinite(preview.cashNowUsd))) return `preview cash ${preview.cashNowUsd}`;
      if (!preview.ok && EN_MESSAGES[preview.reason.id] === undefined) return `refusal with no message for its id: ${JSON.stringify(preview.reason)}`;
      if (preview.ok && EN_MESSAGES[preview.summary.id] === undefined) return `preview with no message for its id: ${JSON.stringify(preview.summary)}`;
      if (!preview.ok && preview.reason.id === 'refuse.internal') return `${JSON.stringify(cmd)}: ${engineText(preview.reason)}`;
      if (queue) {
        const r = issueCommand(w, cmd);
        if (!r.ok && stateHash(w) !== before) return `refused issue of ${JSON.stringify(cmd)} changed the state`;
      } else {
        const r = runCommand(w, 0, cmd, true);
        if (!r.ok && stateHash(w) !== before) return `refused ${JSON.stringify(cmd)} changed the state: ${engineText(r.reason)}`;
        if (!r.ok && r.reason.id === 'refuse.internal') return `${JSON.stringify(cmd)}: ${engineText(r.reason)}`;
      }
    }
    step(w);
    const p = tickProblems(w);
    if (p) return p;
    if (w.status !== 'running') break;
  }
  // Every refusal in the log says why.
  for (const rec of w.commandLog) if (!rec.ok && !rec.reason) return 'log entry without a reason';
  return null;
}

describe('property: random command sequences', () => {
  it('keep the books balanced and every figure finite; refusals and previews change nothing', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), plan, (seed, weeks) => {
      const problem = play(scenario, seed, weeks);
      if (problem) throw new Error(problem);
    }), { numRuns: 24, seed: 20240601, endOnFailure: true });
  });

  it('the same holds when a missed payment restructures instead of ending the game', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), plan, (seed, weeks) => {
      const problem = play(restructuring, seed, weeks);
      if (problem) throw new Error(problem);
    }), { numRuns: 10, seed: 777, endOnFailure: true });
  });

  it('aggressive borrowing and spending end in the default path, never in negative cash', () => {
    const spree = fc.array(fc.array(fc.tuple(fc.oneof(
      fc.record({ type: fc.constantFrom('takeGpuLoan', 'drawFacility', 'raiseEquity', 'drawRevolver', 'issueBond'), amountUsd: fc.integer({ min: 1e6, max: 5e8 }) }),
      fc.record({ type: fc.constant('orderGpus'), modelId: fc.constantFrom('h100', 'h200', 'b200'), count: fc.integer({ min: 500, max: 20000 }), vendorFinancing: fc.boolean() }),
      fc.record({ type: fc.constantFrom('buyPoweredSite', 'buildCampus', 'leaseColo'), regionId: fc.constantFrom(...regions), powerMw: fc.integer({ min: 1, max: 60 }) }),
      fc.record({ type: fc.constant('setPlatformSpend'), usdPerWeek: fc.integer({ min: 1e5, max: 4e6 }) }),
    ), fc.boolean()), { maxLength: 3 }), { minLength: 40, maxLength: 90 });
    const ends: string[] = [];
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), spree, (seed, weeks) => {
      const out: { world?: World } = {};
      const problem = play(scenario, seed, weeks, out);
      if (problem) throw new Error(problem);
      ends.push(out.world!.status);
    }), { numRuns: 12, seed: 4242, endOnFailure: true });
    // The default path did fire in these runs (and left no negative cash behind, checked above).
    expect(ends).toContain('bankrupt');
  });

  it("the engine's own random autopilot over the full game keeps every invariant, every week", () => {
    for (const seed of [1, 2, 3]) {
      const w = createWorld(restructuring, { seed, strategy: 'random' });
      while (w.status === 'running' && w.week < w.lengthWeeks) {
        step(w);
        const p = tickProblems(w);
        if (p) throw new Error(`seed ${seed}: ${p}`);
      }
    }
  });
});
