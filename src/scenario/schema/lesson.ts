/**
 * Objectives, scoring and the teaching text of a scenario.
 */
import { z } from 'zod';
import { IsoDate, Localized } from './common.ts';
import { CommandSchema } from './commands.ts';

/** An objective's text: its own fields may appear as parameters, filled when the scenario loads. */
const Label = Localized.describe('What the player reads. Name this objective\'s own figures as parameters — {minUsd}, {max}, {byDate} — so a class overlay that changes the threshold changes the text too (src/scenario/textParams.ts).');

export const Objective = z
  .discriminatedUnion('type', [
  z.object({ type: z.literal('survive'), label: Label }).strict().describe('Do not go bankrupt before the end.'),
  z.object({ type: z.literal('annualRevenue'), label: Label, minUsd: z.number().min(0).max(1e14).describe('Annualised revenue (last quarter x 4) to reach, USD.'), byDate: IsoDate.describe('Deadline.') }).strict(),
  z.object({ type: z.literal('ipo'), label: Label, byDate: IsoDate.describe('List the company before this date.') }).strict(),
  z.object({ type: z.literal('maxDebtToEbitda'), label: Label, max: z.number().min(0).max(100).describe('Keep debt / annualised EBITDA under this at the end.') }).strict(),
  z.object({ type: z.literal('minCash'), label: Label, minUsd: z.number().min(0).max(1e14).describe('Cash at the end, USD.') }).strict(),
  z.object({ type: z.literal('equityValue'), label: Label, minUsd: z.number().min(0).max(1e14).describe('Equity value (market cap or last valuation) at the end, USD.') }).strict(),
  ])
  .describe('One winning condition.');
export type Objective = z.infer<typeof Objective>;

export const GlossaryEntry = z.object({ term: Localized, definition: Localized }).strict().describe('A glossary term and its definition.');

export const Teaching = z
  .object({
    briefing: Localized.describe('The story told before play. Write figures a class overlay may change as parameters filled from the scenario when it loads, so the text stays true: {company.cashUsd} → "$150M" / "1.5 亿美元" (names ending Usd are money, Share a percentage; list positions as numbers: {company.gpus.0.count}). Learning objectives and debrief questions take them too.'),
    learningObjectives: z.array(Localized).min(1).max(10).describe('What the class should learn (3-5 is best).'),
    debriefQuestions: z.array(Localized).min(1).max(20).describe('Questions for the debrief.'),
    glossary: z.array(GlossaryEntry).max(100).describe('Extra glossary terms.'),
  })
  .strict()
  .describe('Teaching text for the class, in English and Chinese.');

export const HistoricalCommand = z
  .object({
    date: IsoDate.describe('When the command is issued.'),
    command: CommandSchema.describe('A player command, e.g. {"type":"orderGpus","modelId":"h100","count":1000}, checked like an action file: unknown types, fields, wrong types and out-of-range values are refused here; the engine also checks it against the game (cash, limits) when it is played.'),
    note: z.string().max(400).optional().describe('Why (the historical source).'),
  })
  .strict()
  .describe('A command played for the player on a date (a recorded history).');

export const Lesson = z
  .object({
    objectives: z.array(Objective).min(1).max(10).describe('How the player wins: all must hold at the end.'),
    teaching: Teaching,
    historicalCommands: z.array(HistoricalCommand).max(2000).describe('Commands played for the player before the chosen strategy takes over (a recorded history).'),
    historyUntilDate: IsoDate.optional().describe('Until this date the historical commands drive the company; afterwards the strategy does.'),
  })
  .strict()
  .describe('How the game is won, and what the class should learn.');
