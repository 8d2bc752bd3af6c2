/**
 * Shared helpers for the engine tests: the default scenario (validated once), variants of it with
 * a few fields changed, and small worlds to run commands against.
 */
import { loadBundledScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema/index.ts';
import { createWorld, stateHash, type WorldOptions } from '../../src/engine/api.ts';
import { runCommand } from '../../src/engine/commands/apply.ts';
import type { Command, CommandResult } from '../../src/engine/commands/types.ts';
import type { Company, Debt, World } from '../../src/engine/types.ts';
import { isBalanced, totalAssetsCents, totalEquityCents, totalLiabilitiesCents } from '../../src/engine/ledger.ts';
import { engineText } from '../../src/i18n/messages.ts';

let cached: Scenario | null = null;

/** The validated default scenario as bundled (never mutate it: use `variant`). */
export function defaultScenario(): Scenario {
  if (!cached) {
    const r = loadBundledScenario('default');
    if (!r.ok) throw new Error(`default scenario does not load: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    cached = r.scenario;
  }
  return cached;
}

let instruments: Scenario | null = null;
/**
 * The default scenario with the lenders' debt-service terms and the boom's uncertainty switched off
 * (the base of `variant` and `world`): the engine tests check each instrument's own rule (an
 * amortising loan reaches zero, a facility lends its advance rate, the growth path is followed) and
 * switch those terms on one at a time where they test them. The bundled default, with them on, is
 * `defaultScenario()`, tested in test/market (facts, finance-lessons) and test/scenario.
 */
function instrumentScenario(): Scenario {
  if (!instruments) {
    instruments = structuredClone(defaultScenario());
    Object.assign(instruments.finance, { covenantMinDebtServiceCover: 0, covenantGraceFromDelivery: false, lenderMinDebtServiceCover: 0, loanResidualShare: 0, refinanceOnRenewalCashFlow: false });
    Object.assign(instruments.market.demand, { growthShockSdPct: 0, growthShockCorrectionChancePerYear: 0 });
  }
  return instruments;
}

/** A deep copy of the default scenario (its lenders' debt-service terms and the boom's uncertainty off: `instrumentScenario`) with some fields changed. */
export function variant(change: (s: Scenario) => void = () => {}): Scenario {
  const s = structuredClone(instrumentScenario());
  change(s);
  return s;
}

/** A cheaper scenario for long randomised runs: fewer customer agents. */
export function smallScenario(change: (s: Scenario) => void = () => {}): Scenario {
  return variant((s) => {
    s.market.demand.customerAgents = 300;
    change(s);
  });
}

export function world(scenario: Scenario = instrumentScenario(), opts: WorldOptions = {}): World {
  return createWorld(scenario, { seed: 7, ...opts });
}

export const player = (w: World): Company => w.companies[0]!;

/** Execute a command for the player right now (as the tick does), asserting it succeeds. */
export function exec(w: World, cmd: Command): Extract<CommandResult, { ok: true }> {
  const r = runCommand(w, 0, cmd, true);
  if (!r.ok) throw new Error(`${cmd.type} refused: ${engineText(r.reason)}`);
  return r;
}

/** Execute a command for the player and expect a refusal; returns the reason. */
export function refused(w: World, cmd: unknown): string {
  const before = stateHash(w);
  const r = runCommand(w, 0, cmd, true);
  if (r.ok) throw new Error(`expected a refusal, got: ${engineText(r.summary)}`);
  if (stateHash(w) !== before) throw new Error('a refused command changed the state');
  return engineText(r.reason);
}

export function debtsOf(co: Company, kind: Debt['kind']): Debt[] {
  return co.debts.filter((d) => d.kind === kind);
}

/** Exact balance-sheet identity of every company, with a readable failure. */
export function expectBalanced(w: World): void {
  for (const co of w.companies) {
    if (!isBalanced(co.ledger)) {
      const b = co.ledger.balances;
      throw new Error(`${co.id} week ${w.week}: assets ${totalAssetsCents(b)} != liabilities ${totalLiabilitiesCents(b)} + equity ${totalEquityCents(b)}`);
    }
  }
}

/** The runner contract per quarter, exact in cents: the same checker as `npm run check`. */
export { quarterProblems, quartersProblems } from '../../src/cli/identities.ts';
