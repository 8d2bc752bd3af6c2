/**
 * The class results page's data: the class being checked (if the teacher chose one), one row per
 * dropped file (class-core's `VerifyRow` plus what the page adds), and the progress. Held in
 * memory here; results.ts keeps each class's rows in this browser (classStore.ts, IndexedDB) and
 * restores them; nothing is sent. "forget this class" empties both.
 *
 * class-debrief reads the rows from here for the class debrief: `getResults()` and
 * `subscribeResults(cb)`; rows with `status === 'verified'` carry `series` and `decisions`.
 */
import type { VerifyRow } from '../../class/verify.ts';
import type { ClassConfig } from '../../class/config.ts';
import type { Params } from '../../i18n/render.ts';
import type { ClassMsg } from './messages.ts';

/** A results-page row: the verifier's row, what the page read beside it, and the status it shows. */
export interface ClassResultRow extends Omit<VerifyRow, 'seed' | 'objectivesTotal'> {
  /** Objectives evaluated (met is `objectivesMet`). */
  objectivesTotal: number | null;
  /** The world seed the run was played on. */
  seed: number | null;
  /** Order of arrival (stable sort key). */
  key: number;
  /** Class hash, seed, scenario hash and game version the file names (null when unreadable). */
  classHash: string | null;
  classTitle: string | null;
  scenarioHash: string | null;
  gameVersion: string | null;
  /** Debrief questions answered (non-blank) / asked. */
  answered: number | null;
  questions: number | null;
  /** Best autopilot score on the row's scenario and seed, once measured. */
  bestAutopilotScore: number | null;
}

export interface ResultsState {
  /** The class the teacher checks against (from the builder or a pasted link), or null. */
  config: ClassConfig | null;
  classHash: string | null;
  rows: ClassResultRow[];
  /** Files checked so far / dropped so far. */
  done: number;
  total: number;
  /** Autopilot runs done / needed (for the score part of the mark). */
  benchDone: number;
  benchTotal: number;
  /** Problems with whole drops (a zip that cannot be read, too many files). */
  notes: string[];
  /** What happened to this class's copy kept in this browser (restored, left out, damaged), as message ids. */
  keptNotes: { msg: ClassMsg; params?: Params; tone: 'pos' | 'warn' }[];
}

const empty = (): ResultsState => ({ config: null, classHash: null, rows: [], done: 0, total: 0, benchDone: 0, benchTotal: 0, notes: [], keptNotes: [] });
let state: ResultsState = empty();
const subs = new Set<(s: ResultsState) => void>();

export function getResults(): ResultsState {
  return state;
}

export function subscribeResults(cb: (s: ResultsState) => void): () => void {
  subs.add(cb);
  return () => subs.delete(cb);
}

export function updateResults(patch: Partial<ResultsState> | ((s: ResultsState) => Partial<ResultsState>)): void {
  state = { ...state, ...(typeof patch === 'function' ? patch(state) : patch) };
  for (const cb of subs) cb(state);
}

/** Check results against this class (the builder's "Results page for this class"). */
export function setResultsClass(config: ClassConfig | null, hash: string | null = null): void {
  updateResults({ config, classHash: hash });
}

/** Forget everything about the class on this page. */
export function forgetResults(): void {
  state = empty();
  for (const cb of subs) cb(state);
}

/**
 * The class hash rows are compared with: the chosen class's, else the one most rows name
 * (ties: the first seen). Null when no row names a class.
 */
export function expectedClassHash(s: ResultsState = state): string | null {
  if (s.classHash) return s.classHash;
  const count = new Map<string, number>();
  for (const r of s.rows) if (r.classHash) count.set(r.classHash, (count.get(r.classHash) ?? 0) + 1);
  let best: string | null = null;
  for (const [h, n] of count) if (best === null || n > count.get(best)!) best = h;
  return best;
}

/** The status a row shows: a verified run handed in for another class is "other". */
export function shownStatus(r: ClassResultRow, expected: string | null): ClassResultRow['status'] {
  if (r.status === 'verified' && expected && r.classHash !== expected) return 'other';
  return r.status;
}
