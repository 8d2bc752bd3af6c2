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
import { textSizeWhy, whyOne, type Why } from './why.ts';

export interface ResultRun {
  inputs: RunInputs;
  student: string;
  /** The class seed (the autopilots of the class debrief play it), or null outside a class. */
  classSeed: number | null;
}

/** Why a result's scenario is not available: `invalid` (the file is wrong) or `notCarried` (neither bundled here nor in the file). */
export type ResultScenario = { ok: true; scenario: Scenario } | { ok: false; kind: 'invalid' | 'notCarried'; reason: string; why: Why };

const no = (kind: 'invalid' | 'notCarried', why: Why): ResultScenario => ({ ok: false, kind, reason: whyOne(why), why });

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
      return no('invalid', { id: 'scenarioInvalid', params: { path: e?.path ?? '(file)', count: loaded.errors.length }, ...(e ? { detail: e.message } : {}) });
    }
    scenario = loaded.scenario;
  } else if (isBundledId(r.scenarioId)) {
    const loaded = loadBundledScenario(r.scenarioId);
    if (!loaded.ok) return no('invalid', { id: 'bundledBroken', params: { id: r.scenarioId } });
    scenario = loaded.scenario;
  } else {
    return no('notCarried', { id: 'notCarried', params: { id: r.scenarioId.slice(0, 60) } });
  }
  if (scenario.id !== r.scenarioId) return no('invalid', { id: 'idMismatch', params: { fileId: r.scenarioId.slice(0, 60), innerId: scenario.id } });
  return { ok: true, scenario };
}

export function resultRunInputs(text: string): { ok: true; run: ResultRun } | { ok: false; reason: string; why: Why } {
  const fail = (why: Why) => ({ ok: false as const, reason: whyOne(why), why });
  try {
    const size = textSizeWhy('classResult', text);
    if (size) return fail(size);
    const parsed = parseResultFile(JSON.parse(text));
    if (!parsed.ok) return fail(parsed.why);
    const r = parsed.result;
    const loaded = resultScenario(r);
    if (!loaded.ok) return fail(loaded.why);
    return {
      ok: true,
      run: {
        inputs: { scenario: loaded.scenario, seed: r.seed, autopilot: r.autopilot, depreciationYears: r.depreciationYears, log: r.log, week: r.week },
        student: r.student,
        classSeed: r.class?.seed ?? null,
      },
    };
  } catch (e) {
    return fail(e instanceof SyntaxError ? { id: 'notJson', detail: e.message } : { id: 'internal', detail: String((e as Error)?.message ?? e) });
  }
}
