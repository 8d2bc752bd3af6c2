/** Messages between the class screens and the class worker (class.worker.ts). Plain data only. */
import type { Scenario } from '../../scenario/schema/index.ts';
import type { ScenarioError } from '../../scenario/errors.ts';
import type { RunInputs } from '../../class/replay.ts';
import type { ResultMeta } from '../../class/result.ts';
import type { VerifyRow, verifyResultText } from '../../class/verify.ts';
import type { ZipRead } from '../../class/zip.ts';

/** What the results page reads from a result file beside the verifier's row (all null when unreadable). */
export interface ResultFacts {
  classHash: string | null;
  classTitle: string | null;
  seed: number | null;
  scenarioHash: string | null;
  gameVersion: string | null;
  objectivesTotal: number | null;
  answered: number | null;
  questions: number | null;
}

export type VerifyOptions = Parameters<typeof verifyResultText>[1];

export type ClassWorkerRequest =
  /** Check a scenario document (a class's overlay over its scenario) with the scenario loader. */
  | { id: number; kind: 'validateObject'; value: unknown }
  /** Check a teacher's scenario file (errors with line and column). */
  | { id: number; kind: 'validateText'; text: string; fileName: string }
  /** Replay a run and write its result file (hand-in). */
  | { id: number; kind: 'build'; run: RunInputs & { scenarioDoc?: unknown }; meta: ResultMeta }
  /** Verify one untrusted result file's text. */
  | { id: number; kind: 'verify'; text: string; options: VerifyOptions }
  /** Best autopilot score on a (verified) result file's scenario and seed, at its hand-in week. */
  | { id: number; kind: 'bench'; text: string }
  /** Read an LMS zip's entries (class-core's zip.ts, with its caps). */
  | { id: number; kind: 'zip'; bytes: ArrayBuffer };

export type ClassWorkerReply =
  | { id: number; kind: 'scenario'; ok: true; scenario: Scenario }
  | { id: number; kind: 'scenario'; ok: false; errors: ScenarioError[] }
  | { id: number; kind: 'built'; ok: true; text: string; fileName: string }
  | { id: number; kind: 'built'; ok: false; reason: string }
  | { id: number; kind: 'verified'; row: VerifyRow; facts: ResultFacts }
  | { id: number; kind: 'bench'; bestScore: number | null; reason?: string }
  | { id: number; kind: 'zip'; result: ZipRead }
  | { id: number; kind: 'error'; reason: string };

/** A request without its id (the pool assigns ids). */
export type ClassTask = ClassWorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;
