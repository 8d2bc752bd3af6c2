/**
 * A lesson's recorded history (`lesson.historicalCommands`, until `lesson.historyUntilDate`): the
 * real company's decisions, played as the player's commands in their weeks; a decision the model's
 * lenders, vendors or markets refuse is news (history diverges there). The week history ends, a major
 * news item (the game auto-pauses on it) says who decides from now on: the player, or the autopilot
 * the player picked.
 */
import type { World } from './types.ts';
import type { Command } from './commands/types.ts';
import { runCommand } from './commands/apply.ts';
import { weekOf } from './calendar.ts';
import { pushNews } from './news.ts';
import { msgOf } from './msg.ts';
import { paymentSchedule } from './advisor.ts';
import { toUsd, WEEKS_PER_QUARTER } from './money.ts';

/** True while the recorded history decides for the player (its commands play; the autopilot waits). */
export function historyRuns(world: World): boolean {
  return world.week < world.historyUntilWeek;
}

/** This week's recorded decisions, as the player's commands. */
export function playHistory(world: World): void {
  const start = world.scenario.calendar.startDate;
  for (const h of world.scenario.lesson.historicalCommands) {
    if (weekOf(start, h.date) !== world.week) continue;
    const r = runCommand(world, 0, h.command as unknown as Command, true);
    // A recorded decision the model's lenders, vendors or markets refuse: history diverges here, and the news says why.
    if (!r.ok) pushNews(world, { id: `history-refused-${world.week}-${h.command.type}`, kind: 'company', major: false, headline: msgOf('news.historyRefused.h'), explanation: r.reason });
  }
}

/** The week after the last recorded one (a scenario with recorded commands and an end date inside the game): who decides now. */
export function announceHandover(world: World): void {
  if (world.week !== world.historyUntilWeek || world.week >= world.scenario.calendar.lengthWeeks) return;
  if (world.scenario.lesson.historicalCommands.length === 0 || world.companies[0]!.status !== 'active') return;
  const pilot = world.playerAutopilot && world.playerAutopilot !== 'player' ? world.playerAutopilot : null;
  // What the player takes over: the cash, and what falls due in the next quarter if nothing changes
  // (the Finance tab's payment schedule: debt service, GPU balances at delivery, construction).
  const co = world.companies[0]!;
  let dueUsd = 0;
  for (const p of paymentSchedule(world, co, WEEKS_PER_QUARTER)) dueUsd += p.usd;
  pushNews(world, {
    id: `history-ends-${world.week}`, kind: 'company', major: true,
    headline: msgOf(pilot ? 'news.historyEnds.autopilot.h' : 'news.historyEnds.h'),
    explanation: msgOf(pilot ? 'news.historyEnds.autopilot.e' : 'news.historyEnds.e', pilot ? { strategy: `pilot.${pilot}` } : { cashUsd: toUsd(co.ledger.balances.cash), dueUsd, weeks: WEEKS_PER_QUARTER }),
  });
}
