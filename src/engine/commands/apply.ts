/**
 * Dispatch: check the shape of an untrusted command, then preview or execute it for one company.
 * Never throws: anything unexpected becomes a refusal with a reason.
 */
import type { World } from '../types.ts';
import type { Command, CommandResult } from './types.ts';
import { refuse } from './common.ts';
import { HANDLERS, isCommandType, type Handler } from './handlers.ts';

export function runCommand(world: World, companyIndex: number, raw: unknown, execute: boolean): CommandResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return refuse('refuse.notObject');
  const type = (raw as { type?: unknown }).type;
  if (!isCommandType(type)) return refuse('refuse.unknownType', { type: String(type) });
  const co = world.companies[companyIndex];
  if (!co) return refuse('refuse.noCompany');
  if (co.status !== 'active') return refuse('refuse.bankrupt');
  if (world.status !== 'running' && companyIndex === 0) return refuse('refuse.gameOver');
  // The table is indexed by the command's own type, so the handler and the command agree.
  const handler = HANDLERS[type] as Handler<Command['type']>;
  try {
    return handler(world, co, raw as Command, execute);
  } catch (e) {
    // A handler bug must not crash a game: report it as a refusal (tests assert this never happens).
    return refuse('refuse.internal', { error: e instanceof Error ? e.message : String(e) });
  }
}
