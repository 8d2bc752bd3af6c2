/** A player's decision in words ("Order 1,500 H100 GPUs"), in the current language. */
import type { Command } from '../../engine/commands/types.ts';
import type { Scenario } from '../../scenario/schema/index.ts';
import { dateOfWeek } from '../../engine/calendar.ts';
import { usd, price, int, loc } from '../i18n.ts';
import { dt } from './debriefText.ts';

type ScenarioNames = Pick<Scenario, 'gpus' | 'regions' | 'calendar'>;

const modelName = (sc: ScenarioNames, id: string): string => sc.gpus.find((g) => g.id === id)?.name ?? id;
const regionName = (sc: ScenarioNames, id: string): string => {
  const r = sc.regions.find((x) => x.id === id);
  return r ? loc(r.name) : id;
};
const mw = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export function describeCommand(cmd: Command, sc: ScenarioNames): string {
  switch (cmd.type) {
    case 'raiseEquity': case 'ipo': case 'followOn': case 'issueConvertible': case 'takeGpuLoan':
    case 'drawFacility': case 'arrangeFacility': case 'issueBond': case 'drawRevolver':
      return dt(`cmd_${cmd.type}`, { amount: usd(cmd.amountUsd) });
    case 'repayDebt': return dt('cmd_repayDebt', { amount: usd(cmd.amountUsd), debt: cmd.debtId });
    case 'orderGpus': return dt(cmd.vendorFinancing ? 'cmd_orderGpusVendor' : 'cmd_orderGpus', { count: int(cmd.count), model: modelName(sc, cmd.modelId) });
    case 'sellGpus': return dt('cmd_sellGpus', { count: int(cmd.count), model: modelName(sc, cmd.modelId) });
    case 'setDepreciationLife': return dt('cmd_setDepreciationLife', { years: cmd.years });
    case 'leaseColo': case 'buildCampus': case 'buyPoweredSite':
      return dt(`cmd_${cmd.type}`, { mw: mw(cmd.powerMw), region: regionName(sc, cmd.regionId) });
    case 'bidRfp': return dt('cmd_bidRfp', { price: price(cmd.usdPerGpuHour), rfp: cmd.rfpId });
    case 'setOnDemandPrice': return dt('cmd_setOnDemandPrice', { factor: cmd.priceFactor.toFixed(2) });
    case 'setPlatformSpend': return dt('cmd_setPlatformSpend', { amount: usd(cmd.usdPerWeek) });
  }
}

/** "Week 12 · 2023-03-27" for a week of the scenario. */
export function weekLabel(week: number, sc: ScenarioNames): string {
  return dt('weekDate', { week, date: dateOfWeek(sc.calendar.startDate, week) });
}
