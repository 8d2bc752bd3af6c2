/**
 * What if (issue 11 item 6): the same scenario and seed replayed with one of the player's decisions
 * removed, or with its amount changed. There is no second model: the counterfactual is the engine's
 * one replay (`replay` in api.ts) on an edited command log, so two runs differ exactly by the edit.
 * Pure and deterministic, like the rest of the engine.
 */
import type { Command, CommandType } from './commands/types.ts';
import type { LoggedCommand } from './api.ts';

/** The one number of each command a what-if may change (null: the command has none). */
export const AMOUNT_FIELD: Record<CommandType, string | null> = {
  raiseEquity: 'amountUsd',
  ipo: 'amountUsd',
  followOn: 'amountUsd',
  issueConvertible: 'amountUsd',
  takeGpuLoan: 'amountUsd',
  drawFacility: 'amountUsd',
  arrangeFacility: 'amountUsd',
  issueBond: 'amountUsd',
  drawRevolver: 'amountUsd',
  repayDebt: 'amountUsd',
  orderGpus: 'count',
  sellGpus: 'count',
  setDepreciationLife: 'years',
  leaseColo: 'powerMw',
  buildCampus: 'powerMw',
  buyPoweredSite: 'powerMw',
  bidRfp: 'usdPerGpuHour',
  setOnDemandPrice: 'priceFactor',
  setPlatformSpend: 'usdPerWeek',
};

/** A decision's changeable number (its field and value), or null when it has none. */
export function amountOf(cmd: Command): { field: string; value: number } | null {
  const field = AMOUNT_FIELD[cmd.type];
  if (!field) return null;
  const value = (cmd as unknown as Record<string, unknown>)[field];
  return typeof value === 'number' ? { field, value } : null;
}

/** Which decision (its index in the log) and what to do with it. */
export type DecisionEdit =
  | { index: number; kind: 'remove' }
  | { index: number; kind: 'amount'; value: number };

/**
 * The edited log: a fresh copy of `log` without decision `edit.index`, or with its amount set to
 * `edit.value`. Throws a RangeError for an index outside the log or a command without an amount;
 * the new amount is not range-checked here (the caller's command check and the engine's own
 * checks at the tick do that, exactly as for any issued command).
 */
export function editLog(log: readonly LoggedCommand[], edit: DecisionEdit): LoggedCommand[] {
  if (!Number.isInteger(edit.index) || edit.index < 0 || edit.index >= log.length) throw new RangeError(`no decision number ${edit.index} in a log of ${log.length}`);
  const out: LoggedCommand[] = [];
  for (let i = 0; i < log.length; i++) {
    const l = log[i]!;
    if (i !== edit.index) { out.push({ week: l.week, command: { ...l.command } }); continue; }
    if (edit.kind === 'remove') continue;
    const a = amountOf(l.command);
    if (!a) throw new RangeError(`decision ${edit.index} (${l.command.type}) has no amount to change`);
    out.push({ week: l.week, command: { ...l.command, [a.field]: edit.value } as Command });
  }
  return out;
}
