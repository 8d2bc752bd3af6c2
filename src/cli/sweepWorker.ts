/**
 * A `sweep` worker thread: receives the validated scenario once, then runs one task (seed ×
 * strategy) per message and posts back its row. Each run is independent and deterministic, so the
 * rows do not depend on how tasks are spread over workers.
 */
import { workerData } from 'node:worker_threads';
import type { Scenario } from '../scenario/schema/index.ts';
import { runTask, type RunTask } from './seedRuns.ts';
import { serveTasks } from './workerPool.ts';

serveTasks((task: RunTask, scenario: Scenario) => runTask(scenario, task).row, (workerData as { data: Scenario }).data);
