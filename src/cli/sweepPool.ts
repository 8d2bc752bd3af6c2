/**
 * Runs sweep tasks on the CLI's worker pool (workerPool.ts; each worker is src/cli/sweepWorker.ts):
 * rows come back in task order whatever the number of workers.
 */
import type { Scenario } from '../scenario/schema/index.ts';
import type { RunTask, SweepRow } from './seedRuns.ts';
import { runWorkerPool } from './workerPool.ts';

const WORKER_URL = new URL('./sweepWorker.ts', import.meta.url);

export function runPool(scenario: Scenario, tasks: readonly RunTask[], jobs: number): Promise<SweepRow[]> {
  return runWorkerPool<RunTask, SweepRow>({ entry: WORKER_URL, data: scenario, tasks, jobs, describe: (t) => `seed ${t.seed}, strategy ${t.strategy}` });
}
