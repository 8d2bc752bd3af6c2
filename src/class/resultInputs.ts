/**
 * The run behind a result file, ready to replay (the class debrief opens a student's run read-only
 * and runs its what-if): the file checked with `parseResultFile`, its scenario resolved as the
 * verifier does (the embedded document through the validator, else the bundled one by id). Runs
 * where the engine runs (a worker, Node). Trust is the verifier's job: the class debrief only opens
 * rows the verifier marked verified. Never throws.
 */
import { parseResultFile } from './result.ts';
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

export function resultRunInputs(text: string): { ok: true; run: ResultRun } | { ok: false; reason: string } {
  try {
    const size = textSizeProblem('classResult', text);
    if (size) return { ok: false, reason: size };
    const parsed = parseResultFile(JSON.parse(text));
    if (!parsed.ok) return { ok: false, reason: parsed.reason };
    const r = parsed.result;
    const loaded = r.scenario !== undefined ? loadScenarioObject(r.scenario) : isBundledId(r.scenarioId) ? loadBundledScenario(r.scenarioId) : null;
    if (!loaded) return { ok: false, reason: `scenario "${r.scenarioId.slice(0, 60)}" is not bundled and not in the file` };
    if (!loaded.ok) return { ok: false, reason: `its scenario is not valid: ${loaded.errors[0]?.path ?? ''} ${loaded.errors[0]?.message ?? ''}`.trim() };
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
