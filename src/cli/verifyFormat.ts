/**
 * `verify --format table`: one line per file, then a count by status.
 */
import type { VerifyRow, VerifyStatus } from '../class/verify.ts';

const MARK: Record<VerifyStatus, string> = { verified: '✓ verified', diverged: '✗ diverged', mismatch: '✗ mismatch', invalid: '✗ invalid', other: '⚠ other' };

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function formatVerifyTable(rows: readonly VerifyRow[], run: { seconds: number; jobs: number }): string {
  const head = ['file', 'status', 'week', 'student', 'score', 'objectives', 'reason'];
  const body = rows.map((r) => [
    cut(r.file, 48),
    r.otherVersion && r.status === 'verified' ? `${MARK.verified} ⚠` : MARK[r.status],
    r.divergesAtWeek !== undefined ? String(r.divergesAtWeek) : '',
    cut(r.student ?? '', 24),
    r.score !== undefined ? r.score.toFixed(2) : '',
    r.objectivesMet !== undefined && r.objectivesTotal !== undefined ? `${r.objectivesMet}/${r.objectivesTotal}` : '',
    r.reason ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const counts = new Map<VerifyStatus, number>();
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const summary = [...counts].map(([s, n]) => `${n} ${s}`).join(', ');
  return [line(head), ...body.map(line), '', `${rows.length} file${rows.length === 1 ? '' : 's'}: ${summary} (${run.seconds.toFixed(1)} s, ${run.jobs} worker${run.jobs === 1 ? '' : 's'})`, ''].join('\n');
}
