/**
 * Dispatch: validate the shape of an untrusted command, then preview or execute it for one company.
 * Never throws: anything unexpected becomes a refusal with a reason.
 */
import type { World } from '../types.ts';
import type { Command, CommandResult } from './types.ts';
import { COMMAND_TYPES } from './types.ts';
import { refuse } from './common.ts';
import * as fin from './financing.ts';
import * as assets from './assets.ts';
import * as mkt from './market.ts';

export function runCommand(world: World, companyIndex: number, raw: unknown, execute: boolean): CommandResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return refuse('A command must be an object with a "type"');
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !(COMMAND_TYPES as string[]).includes(type)) return refuse(`Unknown command type "${String(type)}"`);
  const co = world.companies[companyIndex];
  if (!co) return refuse('No such company');
  if (co.status !== 'active') return refuse('The company is bankrupt');
  if (world.status !== 'running' && companyIndex === 0) return refuse('The game is over');
  const cmd = raw as Command;
  try {
    switch (cmd.type) {
      case 'raiseEquity': return fin.raiseEquity(world, co, cmd, execute);
      case 'ipo': return fin.ipo(world, co, cmd, execute);
      case 'followOn': return fin.followOn(world, co, cmd, execute);
      case 'issueConvertible': return fin.issueConvertible(world, co, cmd, execute);
      case 'takeGpuLoan': return fin.takeGpuLoan(world, co, cmd, execute);
      case 'drawFacility': return fin.drawFacility(world, co, cmd, execute);
      case 'issueBond': return fin.issueBond(world, co, cmd, execute);
      case 'drawRevolver': return fin.drawRevolver(world, co, cmd, execute);
      case 'repayDebt': return fin.repay(world, co, cmd, execute);
      case 'orderGpus': return assets.orderGpus(world, co, cmd, execute);
      case 'sellGpus': return assets.sellGpusCmd(world, co, cmd, execute);
      case 'setDepreciationLife': return assets.setDepreciationLife(world, co, cmd, execute);
      case 'leaseColo': return assets.leaseColo(world, co, cmd, execute);
      case 'buildCampus': return assets.buildCampus(world, co, cmd, execute);
      case 'buyPoweredSite': return assets.buyPoweredSite(world, co, cmd, execute);
      case 'bidRfp': return mkt.bidRfp(world, co, cmd, execute);
      case 'setOnDemandPrice': return mkt.setOnDemandPrice(world, co, cmd, execute);
      case 'setPlatformSpend': return mkt.setPlatformSpend(world, co, cmd, execute);
    }
  } catch (e) {
    // A handler bug must not crash a game: report it as a refusal (tests assert this never happens).
    return refuse(`Internal error: ${e instanceof Error ? e.message : String(e)}`);
  }
}
