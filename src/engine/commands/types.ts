/**
 * Player (and autopilot, and rival) decisions as plain serialisable data. A command is previewed
 * (validated, with its cost or the reason it is refused, without changing anything) and applied at
 * the next tick, where it is validated again. Commands never throw.
 *
 * The `Command` union is defined once, as a zod schema in src/scenario/schema/commands.ts; the
 * engine imports only its type (zod never runs in the engine). The handler table
 * (`handlers.ts`) is typed by `CommandType`, so a command without a handler does not compile.
 */
import type { Command, CommandType } from '../../scenario/schema/commands.ts';
import type { Msg } from '../msg.ts';

export type { Command, CommandType };

/** What a preview or an application says. */
export type CommandResult =
  | {
      ok: true;
      /** One sentence for the player: what will happen (a message id with parameters). */
      summary: Msg;
      /** Cash moved now (negative = paid), USD. */
      cashNowUsd: number;
      /** Other figures worth showing (rate, shares issued, delivery week, ...). */
      details: Record<string, number | string>;
    }
  | { ok: false; reason: Msg };

export { COMMAND_TYPES } from './handlers.ts';
