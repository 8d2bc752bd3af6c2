/**
 * One tick = one week. The phases run in a fixed order (see CONTEXT.md):
 *  1. events and policies     2. capital markets, vendor launches, demand
 *  3. decisions: the player's queued commands (or history / autopilot), then rivals in index order
 *  4. operations before the market (deliveries, construction, installation, contracts)
 *  5. market: on-demand allocation among customer agents, new RFPs
 *  6. operations after the market (revenue, costs, depreciation, debt service, tax, shortfalls)
 *  7. RFP awards, contract defaults      8. market aggregates, price indices, lead times
 *  9. quarter close every 13th week
 * 10. the weekly mark: share prices and private valuations (after the close, which they read), then the
 *     closed quarter's valuation figures; every number finite (else NonFiniteError)
 * 11. week + 1; objectives at the end
 */
import type { World } from './types.ts';
import type { OnDemandOffer } from './market/customers.ts';
import { runCommand } from './commands/apply.ts';
import { runEvents } from './market/events.ts';
import { updateCapitalMarkets, updateSharePrices } from './market/capital.ts';
import { vendorLaunches, updateIndices, updateLeadTime } from './market/pricing.ts';
import { updateDemand, uncontractedRfpDemandH100e } from './market/demand.ts';
import { updateMarketTotals } from './market/totals.ts';
import { updatePowerSupply } from './market/powerSupply.ts';
import { fadeSecondHandGlut } from './market/exits.ts';
import { allocateOnDemand } from './market/customers.ts';
import { issueRfps, awardRfps, contractDefaults } from './market/rfps.ts';
import { operateBefore, operateAfter, newScratch, type Scratch } from './operate.ts';
import { closeQuarter, recordQuarterMarks } from './quarter.ts';
import { signScenarioContracts } from './contracts.ts';
import { signCommitments } from './finance/commitment.ts';
import { historyRuns, playHistory, announceHandover } from './history.ts';
import { STRATEGIES } from './strategies/archetypes.ts';
import { actor } from './strategies/toolkit.ts';
import { evaluateObjectives } from './objectives.ts';
import { assertWorldFinite } from './finite.ts';

/**
 * Working memory reused across ticks (not state: rebuilt freely, never hashed). On-demand offers:
 * one per company and generation, company i's generation g at i × generations + g.
 */
interface Work { scratch: Scratch[]; offers: OnDemandOffer[]; util: Float64Array }
const workFor = new WeakMap<World, Work>();
function work(world: World): Work {
  let w = workFor.get(world);
  const n = world.companies.length * world.market.gens.length;
  if (!w || w.scratch.length !== world.companies.length || w.offers.length !== n) {
    w = {
      scratch: world.companies.map(() => newScratch()),
      offers: Array.from({ length: n }, () => ({ capacityH100e: 0, usdPerH100eHour: 0, demandH100e: 0, servedH100e: 0, platform: 0, rentUsdPerGpuHour: 0, perfH100e: 0 })),
      util: new Float64Array(n),
    };
    workFor.set(world, w);
  }
  return w;
}

export function isOver(world: World): boolean {
  return world.status !== 'running' || world.week >= world.lengthWeeks;
}

/** The player's commands for this week: queued ones, then recorded history, then the autopilot. */
function playerDecisions(world: World): void {
  const player = world.companies[0]!;
  const queued = world.pending;
  world.pending = [];
  for (const cmd of queued) {
    const r = runCommand(world, 0, cmd, true);
    world.commandLog.push({ week: world.week, command: cmd, ok: r.ok, reason: r.ok ? null : r.reason });
  }
  if (historyRuns(world)) {
    playHistory(world);
    return;
  }
  announceHandover(world);
  if (world.playerAutopilot && world.playerAutopilot !== 'player' && player.status === 'active') {
    STRATEGIES[world.playerAutopilot](world, player, actor(world, player), world.rng.strategy);
  }
}

export function step(world: World): void {
  if (isOver(world)) return;
  const wk = work(world);
  runEvents(world);
  if (world.week > 0) signScenarioContracts(world);
  signCommitments(world);
  updateCapitalMarkets(world);
  vendorLaunches(world);
  updateDemand(world);
  updatePowerSupply(world);

  playerDecisions(world);
  for (let i = 1; i < world.companies.length; i++) {
    const co = world.companies[i]!;
    if (co.status !== 'active' || co.strategy === 'player') continue;
    STRATEGIES[co.strategy](world, co, actor(world, co), world.rng.rivals);
  }

  for (let i = 0; i < world.companies.length; i++) operateBefore(world, world.companies[i]!, wk.scratch[i]!, wk.offers);
  const unservedOd = allocateOnDemand(world, wk.offers, world.rng.customers, wk.util, uncontractedRfpDemandH100e(world));
  issueRfps(world);
  for (let i = 0; i < world.companies.length; i++) operateAfter(world, world.companies[i]!, wk.scratch[i]!, wk.offers);
  awardRfps(world);
  contractDefaults(world);

  updateMarketTotals(world, unservedOd);
  updateIndices(world);
  updateLeadTime(world);
  fadeSecondHandGlut(world);

  // Quarters close every 13th week — and early when the game ends mid-quarter (bankruptcy or the
  // scenario's last week), so the final statements are never lost.
  const endsNow = world.status !== 'running' || world.week + 1 >= world.lengthWeeks;
  const quarterCloses = world.week % 13 === 12 || endsNow;
  if (quarterCloses) closeQuarter(world);
  // The weekly mark follows the close (valuation reads the quarters on record and listed shares react
  // to the results), so the top bar, the quarter report and a round preview show one figure.
  updateSharePrices(world);
  if (quarterCloses) recordQuarterMarks(world);
  // Never silent: stop with the name of the first NaN/Infinity (every number at quarter close).
  assertWorldFinite(world, quarterCloses);
  world.week += 1;
  if (world.status === 'running' && world.week >= world.lengthWeeks) {
    const results = evaluateObjectives(world);
    world.status = results.every((r) => r.met) ? 'won' : 'lost';
    world.statusReason = results.filter((r) => !r.met).map((r) => r.label.en).join('; ') || 'All objectives met';
  }
}
