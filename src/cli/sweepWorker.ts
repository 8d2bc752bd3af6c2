/**
 * A `sweep` worker thread: receives the validated scenario once, then runs one task (seed ×
 * strategy) per message and posts back its row. Each run is independent and deterministic, so the
 * rows do not depend on how tasks are spread over workers.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../scenario/schema/index.ts';
import { runTask, type RunTask } from './seedRuns.ts';

const scenario = (workerData as { scenario: Scenario }).scenario;
const port = parentPort;
if (!port) throw new Error('sweepWorker.ts must run as a worker thread');

port.on('message', (msg: { id: number; task: RunTask }) => {
  try {
    port.postMessage({ id: msg.id, row: runTask(scenario, msg.task).row });
  } catch (e) {
    port.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) });
  }
});
