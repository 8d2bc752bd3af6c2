/**
 * Reading a `sim --actions` file: the bounded reader, JSON, then the one command validator
 * (`parseCommandLog`: weeks whole, ≥ 0 and in order; every command well-formed) and the scenario's
 * model and region ids. A file is a list of `{ "week", "command" }`, or an object holding one as
 * `commandLog` (a class result file) or `log` (a save). Nothing runs unless every entry passes.
 */
import { parseCommandLog, type LoggedCommand } from '../scenario/schema/commands.ts';
import { commandIdError } from '../scenario/commandRefs.ts';
import { formatPath } from '../scenario/paths.ts';
import type { Scenario } from '../scenario/schema/index.ts';
import { MAX_FILE_BYTES } from '../scenario/limits.ts';

/** Largest action file: the one limit for this kind of file (src/scenario/limits.ts). */
export const MAX_ACTIONS_BYTES = MAX_FILE_BYTES.actions;

export type ActionsResult = { ok: true; log: LoggedCommand[] } | { ok: false; message: string };

export function parseActionsText(text: string, scenario: Pick<Scenario, 'gpus' | 'regions'>): ActionsResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, message: `not valid JSON: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
  let list: unknown = raw;
  let base = 'actions';
  if (!Array.isArray(raw)) {
    const o = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    if (Object.prototype.hasOwnProperty.call(o, 'commandLog')) { list = o.commandLog; base = 'commandLog'; }
    else if (Object.prototype.hasOwnProperty.call(o, 'log')) { list = o.log; base = 'log'; }
    else return { ok: false, message: 'expected a list [ { "week": N, "command": { "type": ... } }, ... ] (or a save / result file holding one as "log" / "commandLog")' };
  }
  const r = parseCommandLog(list, [base]);
  if (!r.ok) return { ok: false, message: `${r.path}: ${r.message}` };
  for (let i = 0; i < r.log.length; i++) {
    const e = commandIdError(scenario, r.log[i]!.command, [base, i, 'command']);
    if (e) return { ok: false, message: `${formatPath(e.path)}: ${e.message}` };
  }
  return { ok: true, log: r.log };
}
