/**
 * One verifier for the browser (class page Web Workers, the page API) and Node (`npm run verify`,
 * worker_threads): a result file's text in, one row out. Trust comes from replay: the file's
 * scenario, seed, autopilot and command log are replayed with the engine's one replay and every
 * claim — each quarter-close hash, the final hash, status, score and objectives — is compared.
 *
 *   invalid   not a result file (size, JSON, format, version, shape, log, scenario) — with why
 *   other     a result, but for another class or scenario, or from another game version whose
 *             replay differs (the teacher sees ⚠, not ✗)
 *   diverged  a quarter's state hash differs from the replay: `divergesAtWeek` names the first
 *   mismatch  every quarter matches but the claimed outcome, score, objectives or final hash do
 *             not (or the seed is not the student's own in a per-student class)
 *   verified  everything matches; the row carries the replay's figures for the results table and
 *             the class debrief (`series`, `decisions`)
 *
 * Never throws and never hangs: sizes and counts are capped before parsing (limits.ts), the
 * embedded scenario goes through the scenario validator (markup, non-finite numbers, caps), and a
 * replay is at most the scenario's length (≤ 1040 weeks).
 */
import { NonFiniteError } from '../engine/finite.ts';
import { evaluateObjectives, score, stateHash } from '../engine/api.ts';
import type { World } from '../engine/types.ts';
import { GAME_VERSION } from '../store/saveFormat.ts';
import { buildId } from './buildId.ts';
import { parseResultFile, scenarioHash, type ResultClass, type ResultFile } from './result.ts';
import { replayRun, WEEKS_PER_QUARTER, type Checkpoint } from './replay.ts';
import { classSeedFor } from './seed.ts';
import { resultScenario } from './resultInputs.ts';
import { textSizeWhy, whyText, type Why } from './why.ts';

export type VerifyStatus = 'verified' | 'diverged' | 'mismatch' | 'invalid' | 'other';

/** One quarter close of the replayed run (the class debrief's charts). */
export interface QuarterPoint {
  /** Week of the quarter close (the world's week after it). */
  week: number;
  /** Equity value (market cap if listed, else the last private valuation; 0 once bankrupt), USD. */
  equityValueUsd: number;
  cashUsd: number;
  debtUsd: number;
  /** Share of installed GPU capacity sold in the quarter, 0–1. */
  utilisation: number;
}

export interface VerifyRow {
  /** The file's name as the caller gave it. */
  file: string;
  status: VerifyStatus;
  /** diverged: the week of the first quarter close whose state differs from the replay. */
  divergesAtWeek?: number;
  /** Why, in English, for every status but verified (and for verified files from another game version): `whyText(why)`. */
  reason?: string;
  /** The same reasons as message ids with parameters (why.ts): the results page renders them in the teacher's language. */
  why?: Why[];
  /** The file was made by another game version or build (buildId.ts): flagged ⚠ even when its replay verifies. */
  otherVersion?: true;
  student?: string;
  /** The replay's score when it ran to the end; else the file's claim. */
  score?: number;
  /** The replay's game status at hand-in: running (handed in early), won, lost or bankrupt. */
  outcome?: ResultFile['final']['status'];
  /** Objectives met (of the scenario's plus the solvency rule). */
  objectivesMet?: number;
  objectivesTotal?: number;
  /** Highest debt ÷ annualised adjusted EBITDA at a quarter close, over quarters with EBITDA > 0; null when no such quarter had debt. */
  peakDebtToEbitda?: number | null;
  firstGpuOrderWeek?: number | null;
  bankruptcyWeek?: number | null;
  attempt?: number;
  seed?: number;
  autopilot?: string | null;
  series?: QuarterPoint[];
  /** The player's accepted commands: week and type (the debrief's decision heat map). */
  decisions?: { week: number; type: string }[];
}

/** The class a teacher verifies against (from the class link: `classHash(config)`, seed, seed mode). */
export type ExpectedClass = Pick<ResultClass, 'hash' | 'seed' | 'seedMode'>;

export interface VerifyOptions {
  /** Shown in the row (a file name); default "result". */
  file?: string;
  /** When given, a result handed in for another class is `other`, and the seed rule uses this class. */
  expectedClass?: ExpectedClass;
  /** When given, a result on another scenario is `other`. */
  expectedScenarioHash?: string;
}

/** Verify one result file's text. Never throws. */
export async function verifyResultText(text: unknown, options: VerifyOptions = {}): Promise<VerifyRow> {
  const file = options.file ?? 'result';
  try {
    return await verify(text, file, options);
  } catch (e) {
    return { file, status: 'invalid', ...because({ id: 'internal', detail: e instanceof Error ? e.message : String(e) }) };
  }
}

/** Verify many texts one after another (the page API; the CLI and the class page use pools). */
export async function verifyResultTexts(texts: readonly unknown[], options: Omit<VerifyOptions, 'file'> & { files?: readonly string[] } = {}): Promise<VerifyRow[]> {
  const rows: VerifyRow[] = [];
  for (let i = 0; i < texts.length; i++) rows.push(await verifyResultText(texts[i], { ...options, file: options.files?.[i] ?? `file ${i + 1}` }));
  return rows;
}

/** A row's reasons: the ids and, for the CLI and logs, their English text. */
function because(...why: Why[]): Pick<VerifyRow, 'reason' | 'why'> {
  return { reason: whyText(why), why };
}

async function verify(text: unknown, file: string, o: VerifyOptions): Promise<VerifyRow> {
  const invalid = (why: Why, extra: Partial<VerifyRow> = {}): VerifyRow => ({ file, status: 'invalid', ...because(why), ...extra });
  if (typeof text !== 'string') return invalid({ id: 'notText' });
  const size = textSizeWhy('classResult', text);
  if (size) return invalid(size);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return invalid({ id: 'notJson', detail: e instanceof Error ? e.message : String(e) });
  }
  const parsed = parseResultFile(json);
  if (!parsed.ok) return invalid(parsed.why);
  const r = parsed.result;
  const who: Partial<VerifyRow> = { student: r.student, attempt: r.attempt, score: r.final.score, seed: r.seed, autopilot: r.autopilot };
  const build = buildId();
  const sameBuild = r.gameVersion === GAME_VERSION && r.buildId === build;
  const versionNote: Why[] = sameBuild ? [] : [r.buildId
    ? { id: 'versionNote', params: { theirVersion: r.gameVersion, theirBuild: r.buildId, ourVersion: GAME_VERSION, ourBuild: build } }
    : { id: 'versionNoteNoBuild', params: { theirVersion: r.gameVersion, ourVersion: GAME_VERSION, ourBuild: build } }];
  const other = (...why: Why[]): VerifyRow => ({ file, status: 'other', ...because(...why), ...who, ...(sameBuild ? {} : { otherVersion: true as const }) });

  // Which class: the teacher's, when given, else the one the file names.
  if (o.expectedClass) {
    if (r.class === null) return other({ id: 'noClass' });
    if (r.class.hash !== o.expectedClass.hash) return other({ id: 'otherClass', params: { title: r.class.title } });
  }
  const cls = o.expectedClass ?? r.class;
  if (cls) {
    const own = classSeedFor(cls, r.student);
    if (r.seed !== own) {
      const why: Why = cls.seedMode === 'perStudent' ? { id: 'seedStudent', params: { seed: r.seed, student: r.student, own } } : { id: 'seedClass', params: { seed: r.seed, own } };
      return { file, status: 'mismatch', ...because(why), ...who };
    }
  }

  // Which scenario: the embedded document through the validator, or the bundled one by id (the lookup the debrief shares); the hash decides.
  const lookup = resultScenario(r);
  if (!lookup.ok) return lookup.kind === 'notCarried' ? other(lookup.why, ...versionNote) : invalid(lookup.why, who);
  const scenario = lookup.scenario;
  const hash = await scenarioHash(scenario);
  if (o.expectedScenarioHash !== undefined && hash !== o.expectedScenarioHash) return other({ id: 'otherScenario', params: { id: scenario.id } });
  if (hash !== r.scenarioHash) return other({ id: 'scenarioVersion', params: { id: scenario.id } }, ...versionNote);
  if (r.week > scenario.calendar.lengthWeeks) return invalid({ id: 'pastEnd', params: { week: r.week, end: scenario.calendar.lengthWeeks } }, who);

  // Replay, comparing each quarter close as it comes; stop at the first that differs.
  type Divergence = { week: number; why: Why };
  const found: { at: Divergence | null } = { at: null };
  const diverge = (at: Divergence) => { found.at = at; return false; };
  let run;
  try {
    run = replayRun({ scenario, seed: r.seed, autopilot: r.autopilot, depreciationYears: r.depreciationYears, log: r.log, week: r.week }, (cp: Checkpoint, i: number) => {
      const claimed = r.checkpoints[i];
      if (claimed === undefined) return diverge({ week: cp.week, why: { id: 'cpMissing', params: { week: cp.week } } });
      if (claimed.week !== cp.week) return diverge({ week: Math.min(claimed.week, cp.week), why: { id: 'cpWeek', params: { n: i + 1, claimed: claimed.week, week: cp.week } } });
      if (claimed.hash !== cp.hash) return diverge({ week: cp.week, why: { id: 'stateDiffers', params: { week: cp.week, from: Math.max(0, cp.week - WEEKS_PER_QUARTER) } } });
      return true;
    });
  } catch (e) {
    if (e instanceof NonFiniteError) return invalid({ id: 'replayStopped', detail: e.message }, who);
    throw e;
  }
  if (found.at === null && r.checkpoints.length > run.checkpoints.length) {
    const extra = r.checkpoints[run.checkpoints.length]!;
    diverge({ week: extra.week, why: { id: 'cpExtra', params: { week: extra.week, end: run.world.week } } });
  }
  const div = found.at;
  if (div) {
    if (!sameBuild) return { ...other(div.why, ...versionNote), divergesAtWeek: div.week };
    return { file, status: 'diverged', divergesAtWeek: div.week, ...because(div.why), ...who };
  }

  // Every quarter matches: now the claims at hand-in.
  const world = run.world;
  const objectives = evaluateObjectives(world);
  const figures: Partial<VerifyRow> = {
    ...who,
    score: score(world),
    outcome: world.status,
    objectivesMet: objectives.filter((x) => x.met).length,
    objectivesTotal: objectives.length,
    peakDebtToEbitda: peakDebtToEbitda(world),
    firstGpuOrderWeek: run.firstGpuOrderWeek,
    bankruptcyWeek: world.companies[0]!.bankruptWeek,
    series: seriesOf(world, run.checkpoints),
    decisions: world.commandLog.filter((c) => c.ok).map((c) => ({ week: c.week, type: c.command.type })),
  };
  const wrong: Why[] = [];
  if (world.week !== r.week) wrong.push({ id: 'handInWeek', params: { claimed: r.week, week: world.week } });
  if (world.status !== r.final.status) wrong.push({ id: 'claimStatus', params: { claimed: `class.why_game_${r.final.status}`, replay: `class.why_game_${world.status}` } });
  if (figures.score !== r.final.score) wrong.push({ id: 'claimScore', params: { claimed: r.final.score, replay: figures.score! } });
  const claimedMet = r.final.objectives.map((x) => x.met);
  const met = objectives.map((x) => x.met);
  if (claimedMet.length !== met.length || claimedMet.some((m, i) => m !== met[i])) {
    wrong.push({ id: 'claimObjectives', params: { claimedMet: claimedMet.filter(Boolean).length, claimedTotal: claimedMet.length, met: met.filter(Boolean).length, total: met.length } });
  }
  const finalHash = stateHash(world);
  if (finalHash !== r.final.stateHash) wrong.push({ id: 'finalHash' });
  if (wrong.length > 0) {
    const mismatch: Why = { id: 'mismatch', parts: wrong };
    if (!sameBuild) return other(mismatch, ...versionNote);
    return { file, status: 'mismatch', ...because(mismatch), ...figures };
  }
  return { file, status: 'verified', ...figures, ...(sameBuild ? {} : { otherVersion: true, ...because({ id: 'verifiedOtherBuild' }, ...versionNote) }) };
}

/** Highest debt ÷ annualised adjusted EBITDA at a quarter close, over quarters with EBITDA > 0. */
function peakDebtToEbitda(world: World): number | null {
  let peak: number | null = null;
  for (const q of world.companies[0]!.quarters) {
    if (q.debtUsd <= 0 || q.adjustedEbitdaUsd <= 0) continue;
    const x = q.debtUsd / (q.adjustedEbitdaUsd * 4);
    if (peak === null || x > peak) peak = x;
  }
  return peak;
}

/** The player's quarter closes as chart points (a quarter closes at each checkpoint). */
function seriesOf(world: World, checkpoints: readonly Checkpoint[]): QuarterPoint[] {
  return world.companies[0]!.quarters.map((q, i) => ({
    week: checkpoints[i]?.week ?? (i + 1) * WEEKS_PER_QUARTER,
    equityValueUsd: q.equityValueUsd,
    cashUsd: q.cashUsd,
    debtUsd: q.debtUsd,
    utilisation: q.utilization,
  }));
}
