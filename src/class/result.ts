/**
 * The result file a student hands in (`<name>-<class>.ncrun.json`) and `sim --result` writes:
 * everything a teacher needs to replay the run and check what it claims. No signature — a key in a
 * static bundle proves nothing; trust comes from replay (verify.ts).
 *
 *   format + version + gameVersion      what this file is, and which game made it
 *   buildId                             which build of the game (buildId.ts: version + source hash)
 *   class                               the class it was handed in for (null outside a class)
 *   scenarioId + scenarioHash           SHA-256 of the canonical JSON of the validated scenario
 *   scenario                            the scenario document, only when it is not a bundled one
 *   seed, autopilot, depreciationYears  with the log and the week: the run's inputs
 *   student, attempt, handedInAt        who, which try, when (informational)
 *   log                                 the player's commands (the one log: `playerLog`)
 *   checkpoints                         the state hash after every quarter close
 *   final                               status, final state hash, score, objectives met
 *   answers                             the debrief answers, bounded
 */
import { z } from 'zod';
import type { Scenario } from '../scenario/schema/index.ts';
import { LoggedCommandSchema, parseCommandLog, type LoggedCommand } from '../scenario/schema/commands.ts';
import { MAX_LOGGED_COMMANDS, MAX_SEED } from '../scenario/limits.ts';
import { zodIssuesToErrors } from '../scenario/zodIssues.ts';
import { formatPath } from '../scenario/paths.ts';
import { loadBundledScenario } from '../scenario/load.ts';
import { isBundledId } from '../scenario/bundled.ts';
import { AUTOPILOT_IDS } from '../store/strategyIds.ts';
import { GAME_VERSION } from '../store/saveFormat.ts';
import { buildId, BUILD_ID_PATTERN } from './buildId.ts';
import { evaluateObjectives, score } from '../engine/api.ts';
import { stateHash } from '../engine/api.ts';
import { canonicalJson, sha256Hex, SHA256_HEX } from './hash.ts';
import { MAX_STUDENT_NAME_CHARS, normaliseStudentName, studentSeed } from './seed.ts';
import { whyOne, zodIssueWhy, type Why } from './why.ts';
import { replayRun, WEEKS_PER_QUARTER, type ReplayedRun, type RunInputs } from './replay.ts';

export const RESULT_FORMAT = 'neocloud-result';
/** The newest result layout this game writes and reads. */
export const RESULT_VERSION = 1;
/** Every result file's name ends so (`<name>-<class>.ncrun.json`). */
export const RESULT_FILE_SUFFIX = '.ncrun.json';

/** Longest game a scenario may describe (schema: calendar.lengthWeeks ≤ 1040). */
export const MAX_RESULT_WEEK = 1040;
/** One checkpoint per quarter close, plus the early close of a game that ends mid-quarter. */
export const MAX_CHECKPOINTS = Math.ceil(MAX_RESULT_WEEK / WEEKS_PER_QUARTER) + 1;
/** Debrief answers: one per question (a scenario has at most 20), each at most this many characters. */
export const MAX_ANSWERS = 20;
export const MAX_ANSWER_CHARS = 2000;
/** A scenario has at most a handful of objectives; the solvency rule is one more. */
export const MAX_OBJECTIVES = 50;
/** Tries a class may allow. */
export const MAX_ATTEMPTS = 1000;

const Whole = (min: number, max: number) => z.number().int().min(min).max(max);
const Seed = Whole(0, MAX_SEED).describe('A world seed: a whole number from 0 to 2^32 − 1.');
const StateHash = z.string().regex(/^[0-9a-f]{16}$/, 'expected a state hash (16 hex digits)').describe('A state hash as the engine writes it (src/engine/hash.ts).');
const Sha256 = z.string().regex(SHA256_HEX, 'expected a SHA-256 (64 lowercase hex digits)');

const StudentName = z.string().max(MAX_STUDENT_NAME_CHARS)
  .refine((s) => normaliseStudentName(s).length > 0, 'the student name is empty')
  .describe('The name the student typed (the per-student seed uses its normalised form, seed.ts).');

export const ResultClassSchema = z.object({
  hash: Sha256.describe('classHash(config) of the class link (config.ts).'),
  title: z.string().min(1).max(200).describe('The class title (for the file name and the results table).'),
  seed: Seed.describe('The class seed.'),
  seedMode: z.enum(['shared', 'perStudent']).describe('shared: every student plays the class seed; perStudent: studentSeed(class seed, name).'),
}).strict().describe('The class a result was handed in for.');
export type ResultClass = z.infer<typeof ResultClassSchema>;

export const CheckpointSchema = z.object({ week: Whole(1, MAX_RESULT_WEEK), hash: StateHash }).strict().describe('The state hash after a quarter close.');

export const RunStatusSchema = z.enum(['running', 'bankrupt', 'won', 'lost']);

export const ResultFileSchema = z.object({
  format: z.literal(RESULT_FORMAT),
  version: z.literal(RESULT_VERSION),
  gameVersion: z.string().min(1).max(40).describe('The game version that wrote the file.'),
  buildId: z.union([z.string().regex(BUILD_ID_PATTERN, 'expected a build id (version+12 hex digits)'), z.literal('unknown')]).optional().describe('The build that wrote the file (buildId.ts); absent in files from before build ids.'),
  handedInAt: z.string().max(40).nullable().describe('ISO time of hand-in (informational: the student’s clock).'),
  class: ResultClassSchema.nullable(),
  scenarioId: z.string().min(1).max(200),
  scenarioHash: Sha256.describe('SHA-256 of canonicalJson(the validated scenario).'),
  scenario: z.unknown().optional().describe('The scenario document (full, or an `extends` overlay) when the run was not on a bundled scenario.'),
  seed: Seed,
  autopilot: z.enum(AUTOPILOT_IDS as [string, ...string[]]).nullable().describe('The autopilot that played the player’s company, or null.'),
  depreciationYears: z.union([z.literal(4), z.literal(5), z.literal(6)]).nullable(),
  student: StudentName,
  attempt: Whole(1, MAX_ATTEMPTS),
  week: Whole(0, MAX_RESULT_WEEK).describe('The week the run was handed in at.'),
  log: z.array(LoggedCommandSchema).max(MAX_LOGGED_COMMANDS),
  checkpoints: z.array(CheckpointSchema).max(MAX_CHECKPOINTS),
  final: z.object({
    status: RunStatusSchema,
    stateHash: StateHash,
    score: z.number().finite(),
    objectives: z.array(z.object({ label: z.string().max(500), met: z.boolean() }).strict()).max(MAX_OBJECTIVES),
  }).strict(),
  answers: z.array(z.string().max(MAX_ANSWER_CHARS)).max(MAX_ANSWERS),
}).strict().describe('A Neocloud Tycoon result file (.ncrun.json).');

export type ResultFile = Omit<z.infer<typeof ResultFileSchema>, 'log' | 'autopilot'> & { log: LoggedCommand[]; autopilot: RunInputs['autopilot'] };

/** The file's envelope: everything but the log, which `parseCommandLog` checks with its own paths. */
const EnvelopeSchema = ResultFileSchema.extend({ log: z.array(z.unknown()) });

export type ResultParse = { ok: true; result: ResultFile } | { ok: false; reason: string; why: Why };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const refuse = (why: Why): ResultParse => ({ ok: false, reason: whyOne(why), why });
const atField = (path: string, problem: Why): Why => ({ id: 'field', params: { path }, parts: [problem] });

/**
 * Check an untrusted, already JSON-parsed result file: format, version, every field's type and
 * range, no unknown fields, the log with the project's one command-log check, weeks in order and
 * no later than the hand-in week. The embedded scenario is left to the scenario validator.
 * Never throws; the first problem comes back with its path, as a reason id (`why`, why.ts) and
 * in English (`reason`).
 */
export function parseResultFile(value: unknown): ResultParse {
  try {
    if (!isObj(value)) return refuse({ id: 'notObject' });
    if (value.format !== RESULT_FORMAT) return refuse(value.format === 'neocloud-tycoon-save' ? { id: 'saveFile' } : { id: 'otherFormat', params: { format: RESULT_FORMAT } });
    const v = value.version;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) return refuse({ id: 'badVersion', params: { max: RESULT_VERSION } });
    if (v > RESULT_VERSION) return refuse({ id: 'newerVersion', params: { version: v, max: RESULT_VERSION } });
    // Count before anything walks the list: a 100,000-command log is refused here, not parsed.
    if (Array.isArray(value.log) && value.log.length > MAX_LOGGED_COMMANDS) return refuse({ id: 'logTooLong', params: { max: MAX_LOGGED_COMMANDS, count: value.log.length } });
    const env = EnvelopeSchema.safeParse(value);
    if (!env.success) {
      // zod's safe-integer range says less than the field's own bound on the same path: skip it.
      const all = env.error.issues;
      const samePath = (a: (typeof all)[number], b: (typeof all)[number]) => a.path.length === b.path.length && a.path.every((p, k) => p === b.path[k]);
      const issue = all.find((i) => !((i.code === 'too_big' || i.code === 'too_small') && i.origin === 'int' && all.some((o) => o !== i && samePath(o, i)))) ?? all[0];
      return refuse(issue ? zodIssueWhy(issue, value) : { id: 'notObject' });
    }
    const log = parseCommandLog(env.data.log, ['log']);
    if (!log.ok) return refuse(commandWhy(env.data.log, log));
    const r = { ...env.data, log: log.log } as ResultFile;
    const late = r.log.findIndex((e) => e.week > r.week);
    if (late >= 0) return refuse(atField(`log[${late}].week`, { id: 'afterHandIn', params: { week: r.log[late]!.week, handIn: r.week } }));
    for (let i = 0; i < r.checkpoints.length; i++) {
      const w = r.checkpoints[i]!.week;
      if (w > r.week) return refuse(atField(`checkpoints[${i}].week`, { id: 'afterHandIn', params: { week: w, handIn: r.week } }));
      if (i > 0 && w <= r.checkpoints[i - 1]!.week) return refuse(atField(`checkpoints[${i}].week`, { id: 'checkpointOrder' }));
    }
    return { ok: true, result: r };
  } catch (e) {
    return refuse({ id: 'parseInternal', detail: e instanceof Error ? e.message : String(e) });
  }
}

/**
 * A command-log refusal as a reason: the entry's own zod issue (described by its kind), or the
 * order of weeks; the log check's English message is the detail when neither says it.
 */
function commandWhy(log: unknown[], failure: { path: string; message: string }): Why {
  const i = Number(/^log\[(\d+)\]/.exec(failure.path)?.[1] ?? NaN);
  if (Number.isInteger(i) && i < log.length) {
    const one = LoggedCommandSchema.safeParse(log[i]);
    if (!one.success && one.error.issues[0]) return zodIssueWhy(one.error.issues[0], log[i], ['log', i]);
    const week = (k: number) => (log[k] as { week?: unknown } | undefined)?.week;
    if (i > 0 && typeof week(i) === 'number' && typeof week(i - 1) === 'number' && (week(i) as number) < (week(i - 1) as number)) {
      return atField(failure.path, { id: 'logOrder', params: { week: week(i) as number, prev: week(i - 1) as number } });
    }
  }
  return atField(failure.path || 'log', { id: 'z_invalid', detail: failure.message });
}

/** SHA-256 of a validated scenario's canonical JSON: the scenario's identity in results and classes. */
export function scenarioHash(scenario: Scenario): Promise<string> {
  return sha256Hex(canonicalJson(scenario));
}

const bundledHashes = new Map<string, Promise<string | null>>();
/** The hash of bundled scenario `id` as this game ships it, or null when there is none. */
export function bundledScenarioHash(id: string): Promise<string | null> {
  if (!isBundledId(id)) return Promise.resolve(null);
  let h = bundledHashes.get(id);
  if (!h) {
    const loaded = loadBundledScenario(id);
    h = loaded.ok ? scenarioHash(loaded.scenario) : Promise.resolve(null);
    bundledHashes.set(id, h);
  }
  return h;
}

/** Who handed in what, beside the run itself. */
export interface ResultMeta {
  student: string;
  attempt: number;
  /** The class, or null for a run outside a class (e.g. `sim --result` without a class). */
  class: ResultClass | null;
  /** Debrief answers in question order (each ≤ MAX_ANSWER_CHARS). */
  answers: readonly string[];
  /** ISO time of hand-in, or null. */
  handedInAt?: string | null;
}

/** Why a student name cannot go into a result file, or null when it can. */
export function studentNameProblem(name: string): string | null {
  if (normaliseStudentName(name).length === 0) return 'type your name';
  if (name.trim().length > MAX_STUDENT_NAME_CHARS) return `a name has at most ${MAX_STUDENT_NAME_CHARS} characters`;
  return null;
}

/**
 * The result file of a run: replays it with the engine's one replay (so the checkpoints are the
 * quarter-close hashes every verifier recomputes), then records the outcome. `scenarioDoc` is the
 * scenario as the class carried it (an `extends` overlay or a full document); it is embedded only
 * when the validated scenario differs from the bundled one of the same id, and defaults to the
 * validated scenario itself. Throws on inputs no UI should pass (an empty name, a per-student class
 * whose seed is not this student's); the result is checked against ResultFileSchema before return.
 */
export async function buildResult(run: RunInputs & { scenarioDoc?: unknown }, meta: ResultMeta): Promise<ResultFile> {
  checkMeta(run, meta);
  return resultOfReplay(run, replayRun(run), meta);
}

function checkMeta(run: RunInputs, meta: ResultMeta): void {
  const nameProblem = studentNameProblem(meta.student);
  if (nameProblem) throw new RangeError(`buildResult: ${nameProblem}`);
  if (meta.class?.seedMode === 'perStudent' && studentSeed(meta.class.seed, meta.student) !== run.seed) {
    throw new RangeError(`buildResult: a per-student class plays seed ${studentSeed(meta.class.seed, meta.student)} for ${JSON.stringify(meta.student)}, not ${run.seed}`);
  }
  if (meta.class?.seedMode === 'shared' && meta.class.seed !== run.seed) throw new RangeError(`buildResult: the class plays seed ${meta.class.seed}, not ${run.seed}`);
}

/**
 * The result file of a run already replayed with `replayRun` (so `sim --result` prints its report
 * and writes the file from one replay). `buildResult` checks the inputs first; callers of this one
 * pass a replay of exactly `run`.
 */
export async function resultOfReplay(run: RunInputs & { scenarioDoc?: unknown }, replayed: Pick<ReplayedRun, 'world' | 'checkpoints'>, meta: ResultMeta): Promise<ResultFile> {
  checkMeta(run, meta);
  const { world, checkpoints } = replayed;
  const hash = await scenarioHash(run.scenario);
  const bundled = (await bundledScenarioHash(run.scenario.id)) === hash;
  const file: ResultFile = {
    format: RESULT_FORMAT,
    version: RESULT_VERSION,
    gameVersion: GAME_VERSION,
    buildId: buildId(),
    handedInAt: meta.handedInAt ?? null,
    class: meta.class,
    scenarioId: run.scenario.id,
    scenarioHash: hash,
    ...(bundled ? {} : { scenario: run.scenarioDoc ?? run.scenario }),
    seed: run.seed,
    autopilot: run.autopilot,
    depreciationYears: run.depreciationYears,
    student: meta.student.trim(),
    attempt: meta.attempt,
    week: world.week,
    log: run.log.map((e) => ({ week: e.week, command: { ...e.command } })),
    checkpoints,
    final: {
      status: world.status,
      stateHash: stateHash(world),
      score: score(world),
      objectives: evaluateObjectives(world).map((o) => ({ label: o.label.en, met: o.met })),
    },
    answers: [...meta.answers],
  };
  const check = ResultFileSchema.safeParse(file);
  if (!check.success) {
    const e = zodIssuesToErrors(check.error.issues, ResultFileSchema, file)[0];
    throw new RangeError(`buildResult: "${formatPath(e?.path ?? [])}": ${e?.message ?? 'invalid result'}`);
  }
  return file;
}

/** The result file's text as it is downloaded (compact JSON; the size limit is for this text). */
export function resultText(file: ResultFile): string {
  return JSON.stringify(file);
}

/** A file-name-safe slug of letters and digits (any script), dashes between words. */
function slug(text: string, fallback: string): string {
  const s = text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
  return s || fallback;
}

/** `<name>-<class>.ncrun.json` (the class part is "run" outside a class). */
export function resultFileName(student: string, classTitle: string | null): string {
  return `${slug(student, 'student')}-${classTitle === null ? 'run' : slug(classTitle, 'class')}${RESULT_FILE_SUFFIX}`;
}
