/**
 * One handler per command type. The table is typed by `CommandType` (derived from the one command
 * schema), so a command type without a handler, or a handler for no command type, is a compile
 * error. `COMMAND_TYPES` here is the table's keys: the engine's own list, equal to the schema's
 * (test/scenario/commands.test.ts checks both lists).
 */
import type { Company, World } from '../types.ts';
import type { Command, CommandResult, CommandType } from './types.ts';
import * as fin from './financing.ts';
import * as assets from './assets.ts';
import * as mkt from './market.ts';

/** Validate (again) and preview or execute one command of type K for a company. */
export type Handler<K extends CommandType> = (world: World, co: Company, cmd: Extract<Command, { type: K }>, execute: boolean) => CommandResult;

export const HANDLERS: { readonly [K in CommandType]: Handler<K> } = {
  raiseEquity: fin.raiseEquity,
  ipo: fin.ipo,
  followOn: fin.followOn,
  issueConvertible: fin.issueConvertible,
  takeGpuLoan: fin.takeGpuLoan,
  drawFacility: fin.drawFacility,
  arrangeFacility: fin.arrangeFacility,
  issueBond: fin.issueBond,
  drawRevolver: fin.drawRevolver,
  repayDebt: fin.repay,
  orderGpus: assets.orderGpus,
  sellGpus: assets.sellGpusCmd,
  setDepreciationLife: assets.setDepreciationLife,
  leaseColo: assets.leaseColo,
  buildCampus: assets.buildCampus,
  buyPoweredSite: assets.buyPoweredSite,
  bidRfp: mkt.bidRfp,
  setOnDemandPrice: mkt.setOnDemandPrice,
  setPlatformSpend: mkt.setPlatformSpend,
};

/** Every command type the engine handles. */
export const COMMAND_TYPES = Object.keys(HANDLERS) as CommandType[];

/** Whether `type` names a command (own keys only: "__proto__" or "constructor" are not commands). */
export function isCommandType(type: unknown): type is CommandType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(HANDLERS, type);
}
