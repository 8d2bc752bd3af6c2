/**
 * Strict check of an untrusted save (a file, an IndexedDB record, the page API's `importSave`):
 * format, version, every field's type and range, no unknown fields, weeks whole and in order,
 * every command valid, size and count caps. The scenario inside is checked afterwards by the
 * scenario loader; the replay (load.ts) then proves the save reaches its week.
 *
 * Never throws. The first problem is reported with its path (`log[3].command.count`).
 */
import { SAVE_FORMAT, SAVE_VERSION, type SaveFile, type LoggedCommand } from './saveFormat.ts';
import { parseCommandLog } from '../scenario/schema/commands.ts';
import { MAX_SAVE_NAME_CHARS, MAX_SEED, textSizeProblem } from '../scenario/limits.ts';
import { isAutopilotId, AUTOPILOT_IDS } from './strategyIds.ts';
import type { StrategyId } from '../engine/types.ts';

export type SaveCheck = { ok: true; save: SaveFile } | { ok: false; reason: string };

/** Longest game a scenario may describe (schema: calendar.lengthWeeks ≤ 1040); weeks past it are refused. */
export const MAX_SAVE_WEEK = 1040;

const KEYS = ['format', 'saveVersion', 'gameVersion', 'name', 'savedAt', 'scenarioId', 'scenario', 'seed', 'strategy', 'depreciationYears', 'week', 'log'] as const;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (v === undefined) return 'nothing';
  return Array.isArray(v) ? 'a list' : 'an object';
}

const bad = (path: string, expected: string, found: unknown): SaveCheck => ({ ok: false, reason: `"${path}": expected ${expected}, found ${show(found)}.` });

function text(v: Record<string, unknown>, key: string, maxChars: number): SaveCheck | null {
  const x = v[key];
  if (typeof x !== 'string' || x.length > maxChars) return bad(key, `text of at most ${maxChars} characters`, x);
  return null;
}

/** Parse (when given text) and check a save. */
export function checkSave(input: unknown): SaveCheck {
  let v = input;
  if (typeof v === 'string') {
    const size = textSizeProblem('save', v);
    if (size) return { ok: false, reason: `The save cannot be read: ${size}.` };
    try {
      v = JSON.parse(v);
    } catch (e) {
      return { ok: false, reason: `The save file is not valid JSON (${(e as Error).message}).` };
    }
  }
  if (!isObj(v)) return { ok: false, reason: 'The save file is not a JSON object.' };
  if (v.format !== SAVE_FORMAT) return { ok: false, reason: `This is not a Neocloud Tycoon save ("format" should be "${SAVE_FORMAT}").` };
  const ver = v.saveVersion;
  if (!isWhole(ver) || ver < 1) return bad('saveVersion', `a whole number from 1 to ${SAVE_VERSION}`, ver);
  if (ver > SAVE_VERSION) return { ok: false, reason: `Save version ${ver} is newer than this game understands (it reads versions up to ${SAVE_VERSION}); update the game.` };
  for (const k of Object.keys(v)) {
    if (!(KEYS as readonly string[]).includes(k)) return { ok: false, reason: `"${k.slice(0, 40)}" is not a field of a save (fields: ${KEYS.join(', ')}).` };
  }
  const t = text(v, 'gameVersion', 40) ?? text(v, 'name', MAX_SAVE_NAME_CHARS) ?? text(v, 'savedAt', 40) ?? text(v, 'scenarioId', 200);
  if (t) return t;
  if (!isObj(v.scenario)) return bad('scenario', 'the scenario object', v.scenario);
  if (v.scenario.id !== v.scenarioId) return bad('scenarioId', `the id of the scenario inside (${show(v.scenario.id)})`, v.scenarioId);
  if (!isWhole(v.seed) || v.seed < 0 || v.seed > MAX_SEED) return bad('seed', `a whole number from 0 to ${MAX_SEED}`, v.seed);
  if (v.strategy !== null && !isAutopilotId(v.strategy)) return bad('strategy', `null (no autopilot) or one of ${AUTOPILOT_IDS.join(', ')}`, v.strategy);
  if (v.depreciationYears !== null && v.depreciationYears !== 4 && v.depreciationYears !== 5 && v.depreciationYears !== 6) return bad('depreciationYears', 'null, 4, 5 or 6', v.depreciationYears);
  if (!isWhole(v.week) || v.week < 0 || v.week > MAX_SAVE_WEEK) return bad('week', `a whole number from 0 to ${MAX_SAVE_WEEK}`, v.week);
  const week = v.week;
  if (!Array.isArray(v.log)) return bad('log', 'a list of { week, command } records', v.log);
  // The project's one command-log check: count cap, weeks whole and in order, every command valid.
  const parsed = parseCommandLog(v.log, ['log']);
  if (!parsed.ok) return { ok: false, reason: `"${parsed.path}": ${parsed.message}.` };
  const log: LoggedCommand[] = parsed.log;
  const late = log.findIndex((e) => e.week > week);
  if (late >= 0) return bad(`log[${late}].week`, `a week no later than the save's week (${week})`, log[late]!.week);
  return {
    ok: true,
    save: {
      format: SAVE_FORMAT, saveVersion: ver, gameVersion: v.gameVersion as string, name: v.name as string, savedAt: v.savedAt as string,
      scenarioId: v.scenarioId as string, scenario: v.scenario as unknown as SaveFile['scenario'], seed: v.seed,
      strategy: v.strategy as StrategyId | null, depreciationYears: v.depreciationYears, week, log,
    },
  };
}
