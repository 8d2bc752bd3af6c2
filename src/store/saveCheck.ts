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
import { MAX_SAVE_NAME_CHARS, MAX_SEED, textSizeError } from '../scenario/limits.ts';
import { em, foundParams, type ErrMsg } from '../scenario/errMsg.ts';
import type { Params } from '../i18n/render.ts';
import { isAutopilotId, AUTOPILOT_IDS } from './strategyIds.ts';
import type { StrategyId } from '../engine/types.ts';

/** Why a save was refused: where (`log[3].command.count`; "" for the whole file), the English text, and the same as a message id. */
export interface SaveProblem { path: string; message: string; msg: ErrMsg }

export type SaveCheck = { ok: true; save: SaveFile } | { ok: false; reason: string; problem: SaveProblem };

/** Longest game a scenario may describe (schema: calendar.lengthWeeks ≤ 1040); weeks past it are refused. */
export const MAX_SAVE_WEEK = 1040;

const KEYS = ['format', 'saveVersion', 'gameVersion', 'name', 'savedAt', 'scenarioId', 'scenario', 'seed', 'strategy', 'depreciationYears', 'week', 'log'] as const;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** The one-line English reason (the CLI and the page API): `"path": message.`, or the message as a sentence. */
export function saveReason(path: string, message: string): string {
  return path ? `"${path}": ${message}.` : `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
}

const refuse = (path: string, e: { message: string; msg: ErrMsg }): SaveCheck => ({ ok: false, reason: saveReason(path, e.message), problem: { path, ...e } });

/** "expected …, found …": `expected` is a `scn.save.e.*` id with its parameters. */
const bad = (path: string, expected: string, found: unknown, params: Params = {}): SaveCheck =>
  refuse(path, em('scn.expectedFound', { ...params, expected, ...foundParams(found) }));

function text(v: Record<string, unknown>, key: string, maxChars: number): SaveCheck | null {
  const x = v[key];
  if (typeof x !== 'string' || x.length > maxChars) return bad(key, 'scn.save.e.text', x, { max: maxChars });
  return null;
}

const short = (v: unknown) => JSON.stringify(typeof v === 'string' && v.length > 40 ? `${v.slice(0, 40)}…` : v) ?? String(v);

/** Parse (when given text) and check a save. */
export function checkSave(input: unknown): SaveCheck {
  let v = input;
  if (typeof v === 'string') {
    const size = textSizeError('save', v);
    if (size) return refuse('', size);
    try {
      v = JSON.parse(v);
    } catch (e) {
      return refuse('', em('scn.save.notJson', { detail: (e as Error).message }));
    }
  }
  if (!isObj(v)) return refuse('', em('scn.save.notObject'));
  if (v.format !== SAVE_FORMAT) return refuse('format', em('scn.save.notSave', { format: SAVE_FORMAT }));
  const ver = v.saveVersion;
  if (!isWhole(ver) || ver < 1) return bad('saveVersion', 'scn.save.e.whole', ver, { min: 1, max: SAVE_VERSION });
  if (ver > SAVE_VERSION) return refuse('', em('scn.save.newer', { version: ver, max: SAVE_VERSION }));
  for (const k of Object.keys(v)) {
    if (!(KEYS as readonly string[]).includes(k)) return refuse('', em('scn.save.unknownField', { key: k.slice(0, 40), fields: KEYS.join(', ') }));
  }
  const t = text(v, 'gameVersion', 40) ?? text(v, 'name', MAX_SAVE_NAME_CHARS) ?? text(v, 'savedAt', 40) ?? text(v, 'scenarioId', 200);
  if (t) return t;
  if (!isObj(v.scenario)) return bad('scenario', 'scn.save.e.scenario', v.scenario);
  if (v.scenario.id !== v.scenarioId) return bad('scenarioId', 'scn.save.e.scenarioId', v.scenarioId, { inner: short(v.scenario.id) });
  if (!isWhole(v.seed) || v.seed < 0 || v.seed > MAX_SEED) return bad('seed', 'scn.save.e.whole', v.seed, { min: 0, max: MAX_SEED });
  if (v.strategy !== null && !isAutopilotId(v.strategy)) return bad('strategy', 'scn.save.e.strategy', v.strategy, { ids: AUTOPILOT_IDS.join(', ') });
  if (v.depreciationYears !== null && v.depreciationYears !== 4 && v.depreciationYears !== 5 && v.depreciationYears !== 6) return bad('depreciationYears', 'scn.save.e.depreciation', v.depreciationYears);
  if (!isWhole(v.week) || v.week < 0 || v.week > MAX_SAVE_WEEK) return bad('week', 'scn.save.e.whole', v.week, { min: 0, max: MAX_SAVE_WEEK });
  const week = v.week;
  if (!Array.isArray(v.log)) return bad('log', 'scn.save.e.log', v.log);
  // The project's one command-log check: count cap, weeks whole and in order, every command valid.
  const parsed = parseCommandLog(v.log, ['log']);
  if (!parsed.ok) return refuse(parsed.path, { message: parsed.message, msg: parsed.msg });
  const log: LoggedCommand[] = parsed.log;
  const late = log.findIndex((e) => e.week > week);
  if (late >= 0) return bad(`log[${late}].week`, 'scn.save.e.lateWeek', log[late]!.week, { week });
  return {
    ok: true,
    save: {
      format: SAVE_FORMAT, saveVersion: ver, gameVersion: v.gameVersion as string, name: v.name as string, savedAt: v.savedAt as string,
      scenarioId: v.scenarioId as string, scenario: v.scenario as unknown as SaveFile['scenario'], seed: v.seed,
      strategy: v.strategy as StrategyId | null, depreciationYears: v.depreciationYears, week, log,
    },
  };
}
