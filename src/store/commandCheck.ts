/**
 * The one door for untrusted commands in the browser (saves, the page API, the panels): each
 * command is checked against the project's command schema before it can reach the engine.
 * Returns the path into the command of the first problem (e.g. `count`), never throws.
 */
import type { Command } from '../engine/commands/types.ts';
import { COMMAND_TYPES } from '../engine/commands/types.ts';

export type CommandCheck = { ok: true; command: Command } | { ok: false; path: string; message: string };

// Stand-in until the command schema (src/scenario/schema/commands.ts) lands: shape only.
export function checkCommand(x: unknown): CommandCheck {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return { ok: false, path: '', message: 'a command must be an object with a "type"' };
  const type = (x as { type?: unknown }).type;
  if (typeof type !== 'string' || !(COMMAND_TYPES as string[]).includes(type)) return { ok: false, path: 'type', message: `unknown command type ${JSON.stringify(type)}` };
  for (const [k, v] of Object.entries(x)) {
    const good = (typeof v === 'string' && v.length <= 200) || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean';
    if (!good) return { ok: false, path: k, message: 'expected text, a finite number or true/false' };
  }
  return { ok: true, command: x as Command };
}
