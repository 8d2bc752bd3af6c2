/**
 * The class worker: the class screens' heavy work off the main thread. The builder checks its
 * scenario here (the one scenario loader), the student's hand-in replays the run here to write the
 * result file (class-core's `buildResult`), and the results page runs one of these per core to
 * verify result files (class-core's `verifyResultText`). Every input is untrusted; every reply is
 * plain data; nothing here throws past the message handler.
 */
import '../zodJitless.ts';
import { loadScenarioObject, loadScenarioText } from '../../scenario/load.ts';
import { buildResult, resultText, resultFileName, parseResultFile } from '../../class/result.ts';
import { loadBundledScenario } from '../../scenario/load.ts';
import { runStrategy } from '../../store/sim.ts';
import type { StrategyId } from '../../engine/types.ts';
import { verifyResultText } from '../../class/verify.ts';
import { readZip } from '../../class/zip.ts';
import type { ClassWorkerRequest, ClassWorkerReply, ResultFacts } from './workerProtocol.ts';

/** The autopilots a run's score is measured against (the debrief's "built-in strategies"). */
const BENCH_STRATEGIES: StrategyId[] = ['leveraged', 'prudent'];

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown, max = 200) => (typeof v === 'string' ? v.slice(0, max) : null);
const whole = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/** The fields the results page shows beside the verifier's row, read defensively (the file is untrusted). */
function factsOf(text: string): ResultFacts {
  const none: ResultFacts = { classHash: null, classTitle: null, seed: null, scenarioHash: null, gameVersion: null, objectivesTotal: null, answered: null, questions: null };
  let v: unknown;
  try { v = JSON.parse(text); } catch { return none; }
  if (!isObj(v)) return none;
  const cls = isObj(v.class) ? v.class : null;
  const fin = isObj(v.final) ? v.final : null;
  const answers = Array.isArray(v.answers) ? v.answers : null;
  return {
    classHash: str(cls?.hash, 64), classTitle: str(cls?.title), seed: whole(v.seed), scenarioHash: str(v.scenarioHash, 64), gameVersion: str(v.gameVersion, 40),
    objectivesTotal: Array.isArray(fin?.objectives) ? fin.objectives.length : null,
    answered: answers ? answers.filter((a) => typeof a === 'string' && a.trim().length > 0).length : null,
    questions: answers ? answers.length : null,
  };
}

/** Best score of the autopilots on a result file's scenario and seed (the file was verified first). */
function bench(text: string): ClassWorkerReply & { kind: 'bench' } {
  let v: unknown;
  try { v = JSON.parse(text); } catch { return { id: 0, kind: 'bench', bestScore: null, reason: 'not JSON' }; }
  const p = parseResultFile(v);
  if (!p.ok) return { id: 0, kind: 'bench', bestScore: null, reason: p.reason };
  const loaded = p.result.scenario !== undefined ? loadScenarioObject(p.result.scenario) : loadBundledScenario(p.result.scenarioId);
  if (!loaded.ok) return { id: 0, kind: 'bench', bestScore: null, reason: loaded.errors[0]?.message ?? 'scenario' };
  // At the run's own hand-in week: an early hand-in is measured against the autopilots at the same point.
  const scores = BENCH_STRATEGIES.map((s) => runStrategy(loaded.scenario, p.result.seed, s, p.result.week).score);
  return { id: 0, kind: 'bench', bestScore: Math.max(...scores) };
}

function handle(req: ClassWorkerRequest): Promise<ClassWorkerReply> | ClassWorkerReply {
  switch (req.kind) {
    case 'validateObject': {
      const r = loadScenarioObject(req.value);
      return r.ok ? { id: req.id, kind: 'scenario', ok: true, scenario: r.scenario } : { id: req.id, kind: 'scenario', ok: false, errors: r.errors };
    }
    case 'validateText': {
      const r = loadScenarioText(req.text, { fileName: req.fileName });
      return r.ok ? { id: req.id, kind: 'scenario', ok: true, scenario: r.scenario } : { id: req.id, kind: 'scenario', ok: false, errors: r.errors };
    }
    case 'build':
      return buildResult(req.run, req.meta).then(
        (file) => ({ id: req.id, kind: 'built', ok: true, text: resultText(file), fileName: resultFileName(req.meta.student, req.meta.class?.title ?? null) }),
        (e: unknown) => ({ id: req.id, kind: 'built', ok: false, reason: e instanceof Error ? e.message : String(e) }),
      );
    case 'verify':
      return verifyResultText(req.text, req.options).then((row) => ({ id: req.id, kind: 'verified', row, facts: factsOf(req.text) }));
    case 'bench':
      return { ...bench(req.text), id: req.id };
    case 'zip':
      return { id: req.id, kind: 'zip', result: readZip(new Uint8Array(req.bytes)) };
  }
}

self.onmessage = (ev: MessageEvent<ClassWorkerRequest>) => {
  const req = ev.data;
  const fail = (e: unknown): ClassWorkerReply => ({ id: req.id, kind: 'error', reason: e instanceof Error ? e.message : String(e) });
  try {
    void Promise.resolve(handle(req)).then((r) => self.postMessage(r), (e: unknown) => self.postMessage(fail(e)));
  } catch (e) {
    self.postMessage(fail(e));
  }
};
