/**
 * Grades as CSV, from the verified rows of the class results page: one file with every column a
 * teacher needs (status, score, objectives, the mark and its parts) and one gradebook-import file
 * (student name, id, one assignment column). Pure functions (tested in Node).
 *
 * The mark, 0–100: a weighted mean of four parts in [0, 1] with the teacher's weights —
 *   verified   1 when the replay reproduced the file, else 0;
 *   objectives objectives met / objectives;
 *   score      the run's score against the best autopilot on the same seed (score ÷ best, capped
 *              at 1; 1 for a positive score when every autopilot scored 0 or less);
 *   answers    debrief questions answered / questions.
 * Nothing unverified earns marks: a file the replay does not reproduce gets 0 in every part.
 */

/** The figures of one results-page row the grades need. */
export interface GradeRow {
  student: string;
  /** The file it came from (for rows without a readable name). */
  file: string;
  status: 'verified' | 'diverged' | 'mismatch' | 'invalid' | 'other';
  score: number | null;
  objectivesMet: number | null;
  objectivesTotal: number | null;
  answered: number | null;
  questions: number | null;
  /** Best autopilot score on the row's seed, once measured (null: not yet or not possible). */
  bestAutopilotScore: number | null;
  attempt: number | null;
}

export interface GradeWeights { verified: number; objectives: number; score: number; answers: number }

export const DEFAULT_WEIGHTS: GradeWeights = { verified: 40, objectives: 30, score: 20, answers: 10 };

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

export function scorePart(score: number | null, best: number | null): number | null {
  if (score === null || !Number.isFinite(score)) return 0;
  if (best === null || !Number.isFinite(best)) return null;
  if (best <= 0) return score > 0 ? 1 : 0;
  return clamp01(score / best);
}

/** The parts and the mark of one row (null mark while the autopilot figure is still missing and weighted). */
export function markOf(r: GradeRow, w: GradeWeights): { parts: { verified: number; objectives: number; score: number | null; answers: number }; mark: number | null } {
  const ok = r.status === 'verified';
  const parts = {
    verified: ok ? 1 : 0,
    objectives: ok && r.objectivesTotal ? clamp01((r.objectivesMet ?? 0) / r.objectivesTotal) : 0,
    score: ok ? scorePart(r.score, r.bestAutopilotScore) : 0,
    answers: ok && r.questions ? clamp01((r.answered ?? 0) / r.questions) : 0,
  };
  const weights = [w.verified, w.objectives, w.score, w.answers].map((x) => (Number.isFinite(x) && x > 0 ? x : 0));
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return { parts, mark: 0 };
  if (parts.score === null && weights[2]! > 0) return { parts, mark: null };
  const sum = weights[0]! * parts.verified + weights[1]! * parts.objectives + weights[2]! * (parts.score ?? 0) + weights[3]! * parts.answers;
  return { parts, mark: Math.round((1000 * sum) / total) / 10 };
}

/**
 * One CSV cell. Text is quoted when it holds a comma, quote or line break; text that a spreadsheet
 * would read as a formula (starting with = + - @, a tab or a carriage return) gets a leading
 * apostrophe, so a student named "=HYPERLINK(…)" stays text. Numbers are written as numbers.
 */
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(',');
}

/** The grades file: one row per result file, in the order given. */
export function gradesCsv(rows: readonly GradeRow[], w: GradeWeights): string {
  const head = ['student', 'file', 'status', 'score', 'objectives_met', 'objectives_total', 'questions_answered', 'questions', 'best_autopilot_score', 'attempt',
    `part_verified_w${w.verified}`, `part_objectives_w${w.objectives}`, `part_score_w${w.score}`, `part_answers_w${w.answers}`, 'mark'];
  const lines = [csvLine(head)];
  for (const r of rows) {
    const m = markOf(r, w);
    const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
    lines.push(csvLine([r.student, r.file, r.status, r.score, r.objectivesMet, r.objectivesTotal, r.answered, r.questions, r.bestAutopilotScore, r.attempt,
      round(m.parts.verified), round(m.parts.objectives), round(m.parts.score), round(m.parts.answers), m.mark]));
  }
  return lines.join('\r\n') + '\r\n';
}

/**
 * The gradebook-import file: `Student,ID,<assignment>` with the mark scaled to `outOf` points.
 * One line per student (their best mark over the files they handed in); the id is the normalised
 * name (the per-student seed's key), the one identity a result file has.
 */
export function gradebookCsv(rows: readonly GradeRow[], w: GradeWeights, assignment: string, outOf: number, idOf: (name: string) => string): string {
  const best = new Map<string, { name: string; mark: number | null }>();
  for (const r of rows) {
    if (!r.student) continue;
    const id = idOf(r.student);
    if (!id) continue;
    const m = markOf(r, w).mark;
    const prev = best.get(id);
    if (!prev || (m ?? -1) > (prev.mark ?? -1)) best.set(id, { name: r.student, mark: m });
  }
  const scale = Number.isFinite(outOf) && outOf > 0 ? outOf : 100;
  const lines = [csvLine(['Student', 'ID', assignment.trim() || 'Neocloud Tycoon'])];
  for (const [id, b] of [...best.entries()].sort((a, b2) => a[1].name.localeCompare(b2[1].name))) {
    lines.push(csvLine([b.name, id, b.mark === null ? null : Math.round(b.mark * scale) / 100]));
  }
  return lines.join('\r\n') + '\r\n';
}
