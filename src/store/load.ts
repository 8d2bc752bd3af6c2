/**
 * All-or-nothing loads, run inside the engine host (the worker, or the main thread with
 * `?host=main`): a save or a scenario is parsed, checked and replayed into a NEW SimCore off to
 * the side. The caller swaps it in only when everything succeeded, so a failed load leaves the
 * running game exactly as it was. Never throws.
 *
 * Save or scenario is decided by the file's "format" field (never by its id or by searching text).
 */
import { em, type ErrMsg } from '../scenario/errMsg.ts';
import '../ui/zodJitless.ts';
import { loadScenarioText, loadScenarioObject, loadBundledScenario, type LoadResult } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema/index.ts';
import type { StrategyId } from '../engine/types.ts';
import { MAX_SEED, textSizeError } from '../scenario/limits.ts';
import { SimCore } from './sim.ts';
import { checkSave, saveReason } from './saveCheck.ts';
import { commandIdError } from '../scenario/commandRefs.ts';
import { formatPath } from '../scenario/paths.ts';
import { SAVE_FORMAT } from './saveFormat.ts';
import { AUTOPILOT_IDS, isAutopilotId } from './strategyIds.ts';

/** Where a game comes from. */
export type LoadSource =
  /** A scenario shipped with the game. */
  | { kind: 'bundled'; id: string }
  /** A scenario as a value (the page API's `newGame({ scenario: {...} })`). */
  | { kind: 'scenarioObject'; value: unknown }
  /** The text of a scenario file. */
  | { kind: 'scenarioText'; text: string; fileName: string }
  /** A save: its text (a file, `importSave`) or its value (an IndexedDB record). */
  | { kind: 'save'; value: unknown }
  /** A dropped or picked file that may be either: its "format" field decides. */
  | { kind: 'file'; text: string; fileName: string };

export interface LoadRequest {
  source: LoadSource;
  /** For a new game: the seed (null or absent = the scenario's default seed). Ignored for saves. */
  seed?: unknown;
  /** For a new game: the player's autopilot id (null or absent = none). Ignored for saves. */
  strategy?: unknown;
}

/** One problem of a file: `message` in English; `msg` / `hintMsg` the same as message ids (scn.*) for the player's language. */
export interface LoadProblem { path: string; message: string; msg?: ErrMsg | undefined; line?: number | undefined; column?: number | undefined; hint?: string | undefined; hintMsg?: ErrMsg | undefined }

/** What the UI learns about a load: the new game's identity, or why nothing changed. */
export type LoadInfo =
  | { ok: true; kind: 'save' | 'scenario'; scenario: Scenario; seed: number; strategy: StrategyId | null; week: number }
  | { ok: false; kind: 'save' | 'scenario'; reason: string; errors: LoadProblem[] };

export type Prepared = { info: Extract<LoadInfo, { ok: true }>; core: SimCore } | { info: Extract<LoadInfo, { ok: false }>; core: null };

const fail = (kind: 'save' | 'scenario', reason: string, errors: LoadProblem[] = [{ path: kind === 'save' ? '(save)' : '(file)', message: reason }]): Prepared =>
  ({ info: { ok: false, kind, reason, errors }, core: null });

/** One problem as a message id: the English reason names the field (`"week": …`); the error list shows it in the player's language. */
const failWith = (kind: 'save' | 'scenario', path: string, e: { message: string; msg: ErrMsg }): Prepared =>
  fail(kind, saveReason(path, e.message), [{ path: path || (kind === 'save' ? '(save)' : '(file)'), ...e }]);

function scenarioFailure(r: Extract<LoadResult, { ok: false }>, prefix = ''): Prepared {
  const first = r.errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`).join('; ');
  return fail('scenario', `${prefix}${first}${r.errors.length > 3 ? ` (and ${r.errors.length - 3} more)` : ''}`, r.errors);
}

function newGameOptions(req: LoadRequest, scenario: Scenario): { ok: true; seed: number; strategy: StrategyId | null } | { ok: false; error: { message: string; msg: ErrMsg } } {
  const seed = req.seed ?? null;
  if (seed !== null && !(typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED)) {
    return { ok: false, error: em('scn.load.seed', { max: MAX_SEED, got: typeof seed === 'number' ? String(seed) : typeof seed }) };
  }
  const strategy = req.strategy ?? null;
  if (strategy !== null && !isAutopilotId(strategy)) {
    return { ok: false, error: em('scn.load.autopilot', { got: JSON.stringify(typeof strategy === 'string' ? strategy.slice(0, 40) : typeof strategy), ids: AUTOPILOT_IDS.join(', ') }) };
  }
  return { ok: true, seed: seed ?? scenario.defaultSeed, strategy };
}

function startNew(scenario: Scenario, req: LoadRequest): Prepared {
  const o = newGameOptions(req, scenario);
  if (!o.ok) return failWith('scenario', '(options)', o.error);
  const core = new SimCore();
  try {
    core.start({ scenario, seed: o.seed, strategy: o.strategy ?? undefined });
  } catch (e) {
    return failWith('scenario', '', em('scn.load.cannotStart', { detail: (e as Error)?.message ?? String(e) }));
  }
  return { info: { ok: true, kind: 'scenario', scenario, seed: o.seed, strategy: o.strategy, week: 0 }, core };
}

/** Check a save, check its scenario, replay it; the new core only when every step succeeded. */
function prepareSave(value: unknown): Prepared {
  const checked = checkSave(value);
  if (!checked.ok) return failWith('save', checked.problem.path, checked.problem);
  const s = checked.save;
  const r = loadScenarioObject(s.scenario);
  if (!r.ok) {
    // Every problem of the scenario inside, under its path in the save, each in the player's language.
    const first = r.errors.slice(0, 3).map((e) => `scenario.${e.path}: ${e.message}`).join('; ');
    const head = em('scn.save.badScenario');
    return fail('save', `${saveReason('', head.message).slice(0, -1)}: ${first}`, [{ path: 'scenario', ...head }, ...r.errors.map((e) => ({ ...e, path: e.path === '(file)' ? 'scenario' : `scenario.${e.path}` }))]);
  }
  const lengthWeeks = r.scenario.calendar.lengthWeeks;
  if (s.week > lengthWeeks) return failWith('save', 'week', em('scn.save.pastEnd', { week: s.week, length: lengthWeeks }));
  for (const [i, e] of s.log.entries()) {
    const bad = commandIdError(r.scenario, e.command, ['log', i, 'command']);
    if (bad) return failWith('save', formatPath(bad.path), bad.msg ? { message: bad.message, msg: bad.msg } : em('scn.json.code', { code: bad.message }));
  }
  const core = new SimCore();
  try {
    core.start({ scenario: r.scenario, seed: s.seed, strategy: s.strategy ?? undefined, depreciationYears: s.depreciationYears ?? undefined, log: s.log, toWeek: s.week });
  } catch (e) {
    return failWith('save', '', em('scn.save.replayFailed', { detail: (e as Error)?.message ?? String(e) }));
  }
  const got = core.saveData();
  if (!got || got.week !== s.week) {
    return failWith('save', 'week', em('scn.save.endsEarly', { week: s.week, got: got?.week ?? 0 }));
  }
  if (got.log.length !== s.log.length) {
    return failWith('save', 'log', em('scn.save.commandsLeft', { done: got.log.length, n: s.log.length }));
  }
  return { info: { ok: true, kind: 'save', scenario: r.scenario, seed: s.seed, strategy: s.strategy, week: s.week }, core };
}

function isSaveDocument(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as { format?: unknown }).format === SAVE_FORMAT;
}

export function prepareLoad(req: LoadRequest): Prepared {
  try {
    const src = req?.source;
    switch (src?.kind) {
      case 'bundled': {
        const r = loadBundledScenario(String(src.id));
        return r.ok ? startNew(r.scenario, req) : scenarioFailure(r);
      }
      case 'scenarioObject': {
        if (isSaveDocument(src.value)) return prepareSave(src.value);
        const r = loadScenarioObject(src.value);
        return r.ok ? startNew(r.scenario, req) : scenarioFailure(r);
      }
      case 'scenarioText': {
        if (typeof src.text !== 'string') return failWith('scenario', '', em('scn.load.notText'));
        const r = loadScenarioText(src.text, { fileName: src.fileName });
        return r.ok ? startNew(r.scenario, req) : scenarioFailure(r);
      }
      case 'save':
        return prepareSave(src.value);
      case 'file': {
        if (typeof src.text !== 'string') return failWith('scenario', '', em('scn.load.notText'));
        const size = textSizeError('save', src.text, true);
        if (size) return failWith('scenario', '', size);
        let parsed: unknown;
        try {
          parsed = JSON.parse(src.text);
        } catch {
          parsed = undefined; // the scenario loader reports the syntax error with line and column
        }
        if (isSaveDocument(parsed)) return prepareSave(parsed);
        const r = loadScenarioText(src.text, { fileName: src.fileName });
        return r.ok ? startNew(r.scenario, req) : scenarioFailure(r);
      }
      default:
        return failWith('scenario', '', em('scn.load.nothing'));
    }
  } catch (e) {
    return failWith('scenario', '', em('scn.load.internal', { detail: (e as Error)?.message ?? String(e) }));
  }
}
