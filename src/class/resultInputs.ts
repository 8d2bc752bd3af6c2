/**
 * The run behind a result file, ready to replay (the class debrief opens a student's run read-only
 * and runs its what-if): the file checked with `parseResultFile`, its scenario resolved as the
 * verifier does (`resultScenario`, the one lookup both use). Runs
 * where the engine runs (a worker, Node). Trust is the verifier's job: the class debrief only opens
 * rows the verifier marked verified. Never throws.
 */
import { parseResultFile, type ResultFile } from './result.ts';
import type { Scenario } from '../scenario/schema/index.ts';
import type { RunInputs } from './replay.ts';
import { loadBundledScenario, loadScenarioObject } from '../scenario/load.ts';
import { isBundledId } from '../scenario/bundled.ts';
import { textSizeProblem } from '../scenario/limits.ts';

export interface ResultRun {
  inputs: RunInputs;
  student: string;
  /** The class seed (the autopilots of the class debrief play it), or null outside a class. */
  classSeed: number | null;
}

/** Why a result's scenario is not available: `invalid` (the file is wrong) or `notCarried` (neither bundled here nor in the file). */
export type ResultScenario = { ok: true; scenario: Scenario } | { ok: false; kind: 'invalid' | 'notCarried'; reason: string };

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * The scenario a result was played on — the one lookup the verifier and the debrief share: the
 * embedded document through the scenario validator, else the bundled one by id; its id must be
 * the file's `scenarioId`. Whether it is the same scenario (its hash) is the verifier's question.
 */
export function resultScenario(r: Pick<ResultFile, 'scenario' | 'scenarioId'>): ResultScenario {
  let scenario: Scenario;
  if (r.scenario !== undefined) {
    const loaded = loadScenarioObject(r.scenario);
    if (!loaded.ok) {
      const e = loaded.errors[0];
      return { ok: false, kind: 'invalid', reason: `its scenario is not valid: ${e ? `${e.path}: ${e.message}` : 'unknown error'}${loaded.errors.length > 1 ? ` (and ${plural(loaded.errors.length - 1, 'more problem')})` : ''}` };
    }
    scenario = loaded.scenario;
  } else if (isBundledId(r.scenarioId)) {
    const loaded = loadBundledScenario(r.scenarioId);
    if (!loaded.ok) return { ok: false, kind: 'invalid', reason: `bundled scenario "${r.scenarioId}" does not load in this game` };
    scenario = loaded.scenario;
  } else {
    return { ok: false, kind: 'notCarried', reason: `played on scenario "${r.scenarioId.slice(0, 60)}", which this game does not bundle, and the file does not carry it.` };
  }
  if (scenario.id !== r.scenarioId) return { ok: false, kind: 'invalid', reason: `"scenarioId" is "${r.scenarioId.slice(0, 60)}" but the scenario inside is "${scenario.id}"` };
  return { ok: true, scenario };
}

export function resultRunInputs(text: string): { ok: true; run: ResultRun } | { ok: false; reason: string } {
  try {
    const size = textSizeProblem('classResult', text);
    if (size) return { ok: false, reason: size };
    const parsed = parseResultFile(JSON.parse(text));
    if (!parsed.ok) return { ok: false, reason: parsed.reason };
    const r = parsed.result;
    const loaded = resultScenario(r);
    if (!loaded.ok) return { ok: false, reason: loaded.reason };
    return {
      ok: true,
      run: {
        inputs: { scenario: loaded.scenario, seed: r.seed, autopilot: r.autopilot, depreciationYears: r.depreciationYears, log: r.log, week: r.week },
        student: r.student,
        classSeed: r.class?.seed ?? null,
      },
    };
  } catch (e) {
    return { ok: false, reason: e instanceof SyntaxError ? `not valid JSON (${e.message})` : `internal error: ${String((e as Error)?.message ?? e)}` };
  }
}
