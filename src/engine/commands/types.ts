/**
 * Player (and autopilot, and rival) decisions as plain serialisable data. A command is previewed
 * (validated, with its cost or the reason it is refused, without changing anything) and applied at
 * the next tick, where it is validated again. Commands never throw.
 */

export type Command =
  | { type: 'raiseEquity'; amountUsd: number }
  | { type: 'ipo'; amountUsd: number }
  | { type: 'followOn'; amountUsd: number }
  | { type: 'issueConvertible'; amountUsd: number }
  | { type: 'takeGpuLoan'; amountUsd: number }
  | { type: 'drawFacility'; amountUsd: number }
  | { type: 'issueBond'; amountUsd: number }
  | { type: 'drawRevolver'; amountUsd: number }
  | { type: 'repayDebt'; debtId: string; amountUsd: number }
  | { type: 'orderGpus'; modelId: string; count: number; vendorFinancing: boolean }
  | { type: 'sellGpus'; modelId: string; count: number }
  | { type: 'setDepreciationLife'; years: 4 | 5 | 6 }
  | { type: 'leaseColo'; regionId: string; powerMw: number }
  | { type: 'buildCampus'; regionId: string; powerMw: number }
  | { type: 'buyPoweredSite'; regionId: string; powerMw: number }
  | { type: 'bidRfp'; rfpId: string; usdPerGpuHour: number }
  | { type: 'setOnDemandPrice'; priceFactor: number }
  | { type: 'setPlatformSpend'; usdPerWeek: number };

export type CommandType = Command['type'];

/** What a preview or an application says. */
export type CommandResult =
  | {
      ok: true;
      /** One sentence for the UI: what will happen. */
      summary: string;
      /** Cash moved now (negative = paid), USD. */
      cashNowUsd: number;
      /** Other figures worth showing (rate, shares issued, delivery week, ...). */
      details: Record<string, number | string>;
    }
  | { ok: false; reason: string };

export const COMMAND_TYPES: CommandType[] = [
  'raiseEquity', 'ipo', 'followOn', 'issueConvertible', 'takeGpuLoan', 'drawFacility', 'issueBond', 'drawRevolver',
  'repayDebt', 'orderGpus', 'sellGpus', 'setDepreciationLife', 'leaseColo', 'buildCampus', 'buyPoweredSite', 'bidRfp',
  'setOnDemandPrice', 'setPlatformSpend',
];
