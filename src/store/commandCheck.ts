/**
 * The one door for untrusted commands in the browser (saves, the page API, the panels): each
 * command is checked against the project's command schema (src/scenario/schema/commands.ts,
 * the same one the CLI and the scenario loader use) before it can reach the engine, and, when a
 * scenario is given, for GPU model and region ids that scenario does not define.
 * Returns the path into the command of the first problem (e.g. `count`), never throws.
 */
// First: zod must be told not to try eval (CSP) before any schema module is evaluated.
import '../ui/zodJitless.ts';
import type { Command } from '../engine/commands/types.ts';
import { parseCommand } from '../scenario/schema/commands.ts';
import { commandIdError } from '../scenario/commandRefs.ts';
import type { Scenario } from '../scenario/schema/index.ts';
import { formatPath } from '../scenario/paths.ts';

export type CommandCheck = { ok: true; command: Command } | { ok: false; path: string; message: string };

export function checkCommand(x: unknown, scenario?: Pick<Scenario, 'gpus' | 'regions'>): CommandCheck {
  const r = parseCommand(x);
  if (!r.ok) return r;
  if (scenario) {
    const e = commandIdError(scenario, r.command, []);
    if (e) return { ok: false, path: formatPath(e.path), message: e.message };
  }
  return { ok: true, command: r.command };
}
