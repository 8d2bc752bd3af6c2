/**
 * The order vitest starts test files in: its own (longest or largest first), except that the file
 * that makes the shared market runs starts first and the files that reuse them start last.
 *
 * test/market/harness.ts stores each run on disk for the other files (harnessCache.ts). With two
 * workers, a reusing file that started while facts.test.ts was still making the runs would wait
 * for them (or make them itself); started after it, it reads them: power, finance-lessons and the
 * runner contract then cost a fraction of what they would alone. Only the start order changes.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Makes the many-seed runs of `default` the others reuse. */
const FIRST = ['test/market/facts.test.ts'];
/**
 * Reuse facts' runs (default, full and 2023–2026, leveraged and prudent, seeds 1–20), in this order:
 * finance-lessons still makes its own ai-winter runs, so it starts first of them (the other worker
 * can meanwhile run the two short ones); archetypes reuses default's and ai-winter's (which settle
 * its claim; the other five scenarios are played only when they do not).
 */
const LAST = ['test/market/finance-lessons.test.ts', 'test/market/power.test.ts', 'test/cli/contract-growth.test.ts', 'test/market/archetypes.test.ts'];

export class RunSharingSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const id = f.moduleId.replaceAll('\\', '/');
      const last = LAST.findIndex((p) => id.endsWith(p));
      return FIRST.some((p) => id.endsWith(p)) ? 0 : last >= 0 ? 2 + last : 1;
    };
    return sorted.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map((x) => x.f);
  }
}
