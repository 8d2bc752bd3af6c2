/**
 * Events and policies: what happens to the world, when, and the news text that explains it.
 */
import { z } from 'zod';
import { Id, IsoDate, Localized, Pct, Share, Weeks } from './common.ts';

export const Metric = z
  .enum(['h100IndexUsd', 'marketUtilization', 'sentiment', 'baseRatePct', 'playerDebtToEbitda', 'playerCashUsd', 'playerAnnualRevenueUsd', 'playerTopCustomerShare'])
  .describe('A public figure a conditional event can watch.');

export const Trigger = z
  .discriminatedUnion('type', [
  z.object({ type: z.literal('date'), date: IsoDate.describe('The event fires at the start of the week containing this date.') }).strict(),
  z
    .object({
      type: z.literal('condition'),
      metric: Metric,
      op: z.enum(['<', '>']).describe('Comparison.'),
      value: z.number().finite().describe('Threshold.'),
      fromDate: IsoDate.optional().describe('Not before this date.'),
    })
    .strict(),
  z
    .object({
      type: z.literal('random'),
      chancePerWeekPct: Pct('Chance per week, percent.'),
      fromDate: IsoDate.describe('Window start.'),
      toDate: IsoDate.describe('Window end.'),
    })
    .strict(),
  ])
  .describe('When the event fires: on a date, when a public figure crosses a threshold, or at random within a window.');

const target = {
  modelIds: z.array(Id).max(50).optional().describe('GPU models affected (all when omitted).'),
  regionIds: z.array(Id).max(50).optional().describe('Regions affected (all when omitted).'),
};

export const Effect = z
  .discriminatedUnion('type', [
  z.object({ type: z.literal('baseRateShift'), deltaPct: z.number().min(-20).max(20).describe('Change to the base rate from now on, percent points.') }).strict(),
  z.object({ type: z.literal('sentimentShock'), delta: z.number().min(-5).max(5).describe('Immediate change to the sentiment index.') }).strict(),
  z
    .object({
      type: z.literal('demandShock'),
      multiplier: z.number().min(0).max(10).describe('Demand is multiplied by this at once...'),
      recoveryWeeks: Weeks('...and returns to its path over this many weeks (0 = permanent).'),
      segmentIds: z.array(z.enum(['hyperscaler', 'ailab', 'enterprise', 'startup'])).max(4).optional().describe('Segments hit (all when omitted).'),
    })
    .strict(),
  z.object({ type: z.literal('subsidy'), on: z.enum(['gpuCapex', 'power']).describe('What is subsidised.'), sharePct: Pct('Share of the cost paid by the state, percent.'), untilDate: IsoDate.describe('Last day of the subsidy.'), vendors: z.array(z.enum(['nvidia', 'amd', 'domestic'])).max(3).optional().describe('Only for chips of these vendors.'), ...target }).strict(),
  z.object({ type: z.literal('exportControl'), blockedBlocs: z.array(z.enum(['us', 'allied', 'china', 'other'])).min(1).max(4).describe('Blocs where the models may no longer be ordered or installed.'), costUpliftPct: Pct('Licence cost uplift on the models elsewhere, percent.'), modelIds: z.array(Id).min(1).max(50).describe('GPU models controlled.') }).strict(),
  z.object({ type: z.literal('tariff'), pct: Pct('Tariff on GPU purchases, percent.'), ...target }).strict(),
  z.object({ type: z.literal('taxRate'), pct: Pct('New corporate tax rate, percent.') }).strict(),
  z.object({ type: z.literal('permitting'), gridQueueMultiplier: z.number().min(0).max(10).describe('Grid queues are multiplied by this.'), buildWeeksMultiplier: z.number().min(0).max(10).describe('Build times are multiplied by this.'), ...target }).strict(),
  z.object({ type: z.literal('gridEmergency'), curtailShare: Share('Share of load curtailed.'), durationWeeks: Weeks('How long, weeks.'), ...target }).strict(),
  z.object({ type: z.literal('powerPrice'), multiplier: z.number().min(0).max(20).describe('Power prices are multiplied by this from now on.'), ...target }).strict(),
  z.object({ type: z.literal('leadTime'), weeks: z.number().int().min(1).max(104).describe('Vendor lead time becomes at least this.'), durationWeeks: Weeks('For how long.') }).strict(),
  z.object({ type: z.literal('topCustomerLeaves') }).strict().describe("The player's largest customer does not renew and ends its contracts at their next expiry."),
  z.object({
    type: z.literal('rivalDistress'),
    rivalId: Id.describe('Rival that loses access to credit (its lenders pull back).'),
    spreadStepUpPct: z.number().finite().min(0).max(50).default(6).describe('Percentage points its lenders add to the rate on its new and floating debt, as a covenant breach would (optional, default 6).'),
  }).strict(),
  ])
  .describe('What the event does.');
export type Effect = z.infer<typeof Effect>;

export const ScenarioEvent = z
  .object({
    id: Id.describe('Event id.'),
    trigger: Trigger,
    effects: z.array(Effect).min(1).max(20).describe('What happens.'),
    headline: Localized.describe('News headline.'),
    explanation: Localized.describe('One paragraph: the economics behind the event, for the news feed.'),
    pauses: z.boolean().describe('Auto-pause the game when it fires.'),
  })
  .strict()
  .describe('A scheduled, conditional or random event.');
export type ScenarioEvent = z.infer<typeof ScenarioEvent>;
